package dev.migrate.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Changes made online ({@link OnlineChange}), in an expand and a contract phase, and the steps their
 * phases are made of.
 */
public sealed interface OnlineOp extends Op {
    /**
     * A change made online ({@link OnlineChange}): {@link #start} is its expand phase, which the upgrade
     * runs; {@link #complete} its contract phase, which {@code complete} runs; {@link #rollback} undoes the
     * start while the revision is in progress. Each half is made of ordinary operations.
     */
    record Online(OnlineChange change) implements OnlineOp {
        public Online {
            Objects.requireNonNull(change, "change");
        }

        /**
         * The expand phase: new columns, triggers, backfill, constraints {@code NOT VALID} then validated.
         *
         * @param revision the revision the change belongs to, which names its schema of views
         */
        public List<Op> start(String revision) {
            return OnlinePhases.of(change).start(revision);
        }

        /** The contract phase: the old columns and the triggers go, the new names take their place. */
        public List<Op> complete() {
            return OnlinePhases.of(change).complete();
        }

        /** Undoes {@link #start}; every value written meanwhile is in the old columns already. */
        public List<Op> rollback() {
            return OnlinePhases.of(change).rollback();
        }

        /** The change made at once, as a plain migration would make it (a downgrade runs this). */
        public List<Op> whole() {
            return OnlinePhases.of(change).whole();
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            if (change instanceof OnlineChange.RenameColumn r) {
                return Optional.of(new ColumnOp.RenameColumn(r.table(), r.newName(), r.column()));
            }
            if (change instanceof OnlineChange.RenameTable r) {
                return Optional.of(new TableOp.RenameTable(
                        r.table().sibling(r.newName()), r.table().name()));
            }
            return Optional.empty();
        }
    }

    /**
     * The operations the halves of an {@link Online} change are made of besides the ordinary ones. Each
     * one of a start half finds its work done when it runs again, so an interrupted expand resumes.
     */
    sealed interface OnlineStep extends OnlineOp
            permits DuplicateColumn,
                    DuplicateConstraints,
                    DuplicateIndexes,
                    ReplaceColumn,
                    SyncTrigger,
                    DropSyncTrigger,
                    Backfill,
                    PutConstraint,
                    CreateVersionViews,
                    DropVersionViews {
        @Override
        default <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Adds {@code newColumn} beside {@code column}, of {@code type} or the column's own type, with the
     * column's default; refuses a column of the primary key or one a foreign key of another table
     * references. Nothing when {@code newColumn} is there. It carries no constraint: those come with
     * {@link DuplicateConstraints}, once the {@link SyncTrigger} fills the column in every write.
     */
    record DuplicateColumn(
            QualifiedName table,
            String column,
            String newColumn,
            @Nullable String type) implements OnlineStep {}

    /**
     * Puts the constraints of {@code column} on {@code newColumn}, {@code NOT VALID} until the backfill has
     * filled it: a {@link #notNullCheck} when the column is NOT NULL, and a copy of each of its checks and
     * foreign keys, named {@code _migrate_new_<constraint>}. Each one there already is left as it is. It
     * runs after the {@link SyncTrigger}: a constraint on the new column before the trigger fills it would
     * refuse every write of the running application.
     */
    record DuplicateConstraints(QualifiedName table, String column, String newColumn) implements OnlineStep {
        /** The check, {@code NOT VALID}, that keeps a column's NOT NULL for the column beside it. */
        public String notNullCheck() {
            return OnlineNames.notNullCheck(column);
        }
    }

    /**
     * Builds, beside each index of {@code table} that {@code column} is in (but the primary key), the same
     * index over {@code newColumn}, named {@code _migrate_new_<index>}: against a database each with
     * {@code CREATE INDEX CONCURRENTLY}, a statement at a time; in a script, in one {@code DO} block.
     */
    record DuplicateIndexes(QualifiedName table, String column, String newColumn) implements OnlineStep {}

    /**
     * The contract of a replaced column: {@code column} dropped, {@code newColumn} renamed to it, and the
     * copies of its indexes given their names back, a unique constraint's index attached to it again.
     */
    record ReplaceColumn(QualifiedName table, String column, String newColumn) implements OnlineStep {}

    /**
     * A trigger, with its function, that fills one column from the other on every insert and update:
     * a row written through the revision's schema of views (the new application) gets {@code column}
     * from {@code down}; any other row gets {@code newColumn} from {@code up}.
     *
     * @param newColumn the column that stands beside {@code column}, or {@code null} when only the old
     *     column is filled (a dropped column's value for the old application)
     * @param up an expression over the row's columns, or {@code null}
     * @param down an expression over the row's columns, or {@code null}
     * @param revision the revision whose schema of views marks the new application's writes
     */
    record SyncTrigger(
            QualifiedName table,
            String column,
            @Nullable String newColumn,
            @Nullable String up,
            @Nullable String down,
            String revision)
            implements OnlineStep {
        /** The trigger's name on its table. */
        public String trigger() {
            return OnlineNames.trigger(column);
        }

        /** The trigger's function, in the table's schema. */
        public QualifiedName function() {
            return OnlineNames.function(table, column);
        }
    }

    /** Drops the trigger and the function of a {@link SyncTrigger}, when they are there. */
    record DropSyncTrigger(QualifiedName table, String column) implements OnlineStep {
        public String trigger() {
            return OnlineNames.trigger(column);
        }

        public QualifiedName function() {
            return OnlineNames.function(table, column);
        }
    }

    /**
     * Writes every existing row of {@code table} again, so that its triggers fill {@code column}: against a
     * database in batches of {@code batchSize} rows in key order, each its own short transaction,
     * resuming after the last batch done; in a script, one {@code UPDATE}.
     */
    record Backfill(QualifiedName table, String column, int batchSize) implements OnlineStep {
        public static final int DEFAULT_BATCH_SIZE = 1000;

        public Backfill(QualifiedName table, String column) {
            this(table, column, DEFAULT_BATCH_SIZE);
        }
    }

    /** Adds {@code constraint}, replacing one of its name: a start half adds it again when it resumes. */
    record PutConstraint(QualifiedName table, Constraint constraint) implements OnlineStep {}

    /**
     * The schema of views of a revision, {@code <schema>_<revision>} for each schema its changes touch:
     * one view per table (and view) of the schema, with the new names and without the dropped or
     * replaced columns, each granted as its table is.
     */
    record CreateVersionViews(String revision, List<OnlineChange> changes) implements OnlineStep {
        public CreateVersionViews {
            changes = List.copyOf(changes);
        }
    }

    /** Drops the schemas of views of a revision. */
    record DropVersionViews(String revision, List<OnlineChange> changes) implements OnlineStep {
        public DropVersionViews {
            changes = List.copyOf(changes);
        }
    }
}
