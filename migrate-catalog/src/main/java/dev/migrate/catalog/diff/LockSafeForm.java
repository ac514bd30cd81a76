package dev.migrate.catalog.diff;

import dev.migrate.catalog.ObjectName;
import dev.migrate.lint.LintRule;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.ConstraintVisitor;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The script in the form that keeps an existing table readable and writable while it changes
 * ({@code -Dmigrate.safe=true}), as two migrations: the first runs in a transaction, the second (the
 * concurrent part) in autocommit, where each statement commits on its own.
 * <ul>
 *   <li>a new index: {@code CREATE INDEX CONCURRENTLY} in the concurrent part;</li>
 *   <li>a new foreign key or check: added {@code NOT VALID} in the first, validated in the concurrent
 *       part, so the scan holds no lock that blocks writes;</li>
 *   <li>SET NOT NULL: a {@code CHECK (col IS NOT NULL) NOT VALID} in the first; in the concurrent part
 *       the check is validated, NOT NULL set (PostgreSQL 12 and later then skip the scan) and the check
 *       dropped;</li>
 *   <li>a unique constraint: {@code CREATE UNIQUE INDEX CONCURRENTLY}, then {@code ADD CONSTRAINT ...
 *       UNIQUE USING INDEX} in the concurrent part.</li>
 * </ul>
 * Only changes that carry a {@link Hazard} whose {@link Hazard#lockSafeForm} applies get a new form,
 * decided by the hazard's rule (never by the text of a note), and those are changes to tables that
 * exist: a table the migration creates is empty and unused, so its plain form is kept. What has no
 * automatic lock-safe form (a type change that rewrites, a drop) keeps its hazard.
 */
public final class LockSafeForm {
    /**
     * A change split in two migrations.
     *
     * @param inTransaction the first migration; empty when every change is in the concurrent part
     * @param concurrent the second migration, {@code transactional = false}; empty when nothing needs it
     */
    public record Split(MigrationScript inTransaction, MigrationScript concurrent) {}

    private LockSafeForm() {}

    public static Split of(MigrationScript script) {
        return of(script, table -> true);
    }

    /**
     * The lock-safe form for the tables {@code large} accepts (by their size on the database the
     * migration was written against); the other tables keep the plain form, whose lock is brief on
     * few rows.
     */
    public static Split of(MigrationScript script, Predicate<ObjectName> large) {
        Set<List<Object>> referenced = referencedKeys(script);
        List<OpGroup> first = new ArrayList<>();
        List<OpGroup> second = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            List<Change> now = new ArrayList<>();
            List<Change> later = new ArrayList<>();
            boolean safe = group.table() == null || large.test(group.table());
            for (Change change : group.changes()) {
                if (safe) {
                    split(change, referenced, now, later);
                } else {
                    now.add(change);
                }
            }
            first.add(new OpGroup(group.table(), now));
            second.add(new OpGroup(group.table(), later));
        }
        return new Split(
                new MigrationScript(first, script.warnings(), script.guards()), new MigrationScript(second, List.of()));
    }

    private static void split(Change change, Set<List<Object>> referenced, List<Change> now, List<Change> later) {
        List<Op> ops = change.ops();
        Op last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
        List<Op> concurrent = ops.stream()
                .map(LockSafeForm::concurrently)
                .flatMap(Optional::stream)
                .toList();
        if (change.hasLockSafeForm(LintRule.INDEX_NOT_CONCURRENT) && concurrent.size() == ops.size()) {
            later.add(rewritten(
                    change,
                    LintRule.INDEX_NOT_CONCURRENT,
                    concurrent,
                    "Lock-safe form: CREATE INDEX CONCURRENTLY (ShareUpdateExclusiveLock: reads and writes go"
                            + " on). If it fails, PostgreSQL leaves an invalid index: drop it with"
                            + " op.dropIndexConcurrently(...) and run the migration again.",
                    null));
        } else if (change.hasLockSafeForm(LintRule.SET_NOT_NULL_SCAN)
                && ops.size() == 1
                && last instanceof ColumnOp.AlterColumnNullable notNull
                && !notNull.nullable()) {
            String name = notNullCheckName(notNull.table().name(), notNull.column());
            Constraint.Check check =
                    new Constraint.Check(name, Identifiers.quote(notNull.column()) + " IS NOT NULL", true);
            now.add(rewritten(
                    change,
                    LintRule.SET_NOT_NULL_SCAN,
                    List.of(new ConstraintOp.AddConstraint(notNull.table(), check)),
                    "Lock-safe form: CHECK (" + notNull.column() + " IS NOT NULL) NOT VALID (no scan); the"
                            + " concurrent part validates it, sets NOT NULL and drops it.",
                    null));
            later.add(new Change(
                    change.description(),
                    List.of(
                            new ConstraintOp.ValidateConstraint(notNull.table(), name),
                            notNull,
                            new ConstraintOp.DropConstraint(notNull.table(), name, check)),
                    List.of(
                            "Hazard: the validation fails if " + notNull.column() + " holds NULLs: fill them first,"
                                    + " in a data migration.",
                            "The validated check proves the column has no NULL, so SET NOT NULL skips its scan"
                                    + " (PostgreSQL 12 and later) and holds its AccessExclusiveLock only briefly."),
                    List.of(
                            new ConstraintOp.AddConstraint(notNull.table(), check),
                            new ColumnOp.AlterColumnNullable(notNull.table(), notNull.column(), true))));
        } else if (last instanceof ConstraintOp.AddConstraint add
                && add.constraint().name() != null) {
            Parts parts = add.constraint()
                    .accept(new AddedConstraint(change, add, referenced))
                    .orElse(new Parts(List.of(change), List.of()));
            now.addAll(parts.now());
            later.addAll(parts.later());
        } else {
            now.add(change);
        }
    }

    /** The unique constraint's index built concurrently under the constraint's name, then attached to it. */
    private static Change uniqueFromIndex(Change change, QualifiedName table, Constraint.Unique unique) {
        String name = ModelOps.named(unique);
        IndexOp.CreateIndex index =
                IndexOp.CreateIndex.on(name, table, unique.columns()).unique().concurrently();
        if (unique.isNullsNotDistinct()) {
            index = index.nullsNotDistinct();
        }
        // the constraint takes over the index as it is built, its storage parameters with it
        for (Map.Entry<String, String> parameter : unique.storage().entrySet()) {
            index = index.with(parameter.getKey(), parameter.getValue());
        }
        String alter = "ALTER TABLE " + Identifiers.quote(table) + " ";
        String drop = alter + "DROP CONSTRAINT " + Identifiers.quote(name);
        String attach = alter + "ADD CONSTRAINT " + Identifiers.quote(name) + " UNIQUE USING INDEX "
                + Identifiers.quote(name)
                + (unique.deferrable()
                        ? unique.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE"
                        : "");
        return rewritten(
                change,
                LintRule.UNIQUE_NOT_FROM_INDEX,
                List.of(index, new SqlOp.Execute(attach, drop)),
                "Lock-safe form: the index is built with CREATE UNIQUE INDEX CONCURRENTLY, then the"
                        + " constraint takes it over (USING INDEX), which is brief. If the build fails,"
                        + " PostgreSQL leaves an invalid index: drop it with op.dropIndexConcurrently(...)"
                        + " and run the migration again.",
                // dropping the constraint drops the index it took over
                List.of(new SqlOp.Execute(drop, attach)));
    }

    /**
     * The change in its lock-safe form: {@code ops} instead of its own, without the hazard of
     * {@code rule} (the form avoids it), and the form named after its other notes.
     */
    private static Change rewritten(
            Change change, LintRule rule, List<Op> ops, String safeForm, @Nullable List<Op> undo) {
        List<String> notes = new ArrayList<>(change.notes());
        notes.add(safeForm);
        return new Change(change.description(), ops, hazardsBut(change, rule), notes, undo, false);
    }

    private static List<Hazard> hazardsBut(Change change, LintRule rule) {
        return change.hazards().stream().filter(h -> h.rule() != rule).toList();
    }

    /** The op run without blocking writes: an index built or dropped concurrently; empty for any other op. */
    private static Optional<Op> concurrently(Op op) {
        if (op instanceof IndexOp.CreateIndex create) {
            return Optional.of(create.concurrently());
        }
        if (op instanceof IndexOp.DropIndex drop) {
            return Optional.of(new IndexOp.DropIndex(
                    drop.index(),
                    true,
                    drop.definition() == null ? null : drop.definition().concurrently()));
        }
        return Optional.empty();
    }

    /** The changes for the first migration and for the concurrent part. */
    private record Parts(List<Change> now, List<Change> later) {}

    /**
     * The lock-safe form of a change that ends by adding a named constraint to an existing table, by
     * kind; empty when the change keeps its plain form.
     */
    private record AddedConstraint(Change change, ConstraintOp.AddConstraint add, Set<List<Object>> referenced)
            implements ConstraintVisitor<Optional<Parts>> {
        /** No automatic lock-safe form is written for a primary key: it keeps its plain form and its note. */
        @Override
        public Optional<Parts> visit(Constraint.PrimaryKey pk) {
            return Optional.empty();
        }

        @Override
        public Optional<Parts> visit(Constraint.Unique unique) {
            if (!change.hasLockSafeForm(LintRule.UNIQUE_NOT_FROM_INDEX)
                    || referenced.contains(key(add.table(), unique.columns()))) {
                return Optional.empty();
            }
            List<Op> ops = change.ops();
            List<Op> before = ops.subList(0, ops.size() - 1);
            List<Change> now = before.isEmpty()
                    ? List.of()
                    : List.of(new Change(
                            change.description(),
                            before,
                            hazardsBut(change, LintRule.UNIQUE_NOT_FROM_INDEX),
                            change.notes(),
                            null,
                            false));
            return Optional.of(new Parts(now, List.of(uniqueFromIndex(change, add.table(), unique))));
        }

        @Override
        public Optional<Parts> visit(Constraint.ForeignKey fk) {
            return addedNotValid(fk.notValid());
        }

        @Override
        public Optional<Parts> visit(Constraint.Check check) {
            return addedNotValid(check.notValid());
        }

        /** Added NOT VALID in the first migration, validated in the concurrent part. */
        private Optional<Parts> addedNotValid(Constraint notValid) {
            if (!change.hasLockSafeForm(LintRule.CONSTRAINT_WITHOUT_NOT_VALID)) {
                return Optional.empty();
            }
            String name = ModelOps.named(notValid);
            List<Op> ops = change.ops();
            List<Op> upgrade = new ArrayList<>(ops.subList(0, ops.size() - 1));
            upgrade.add(new ConstraintOp.AddConstraint(add.table(), notValid));
            Change first = rewritten(
                    change,
                    LintRule.CONSTRAINT_WITHOUT_NOT_VALID,
                    upgrade,
                    "Lock-safe form: added NOT VALID (no scan of the existing rows); the concurrent part"
                            + " validates it.",
                    null);
            Change validate = new Change(
                    change.description(),
                    List.of(new ConstraintOp.ValidateConstraint(add.table(), name)),
                    List.of("Validates " + name + " in a transaction of its own: the rows are"
                            + " checked under ShareUpdateExclusiveLock, so reads and writes go on; it fails if a"
                            + " row breaks the constraint."),
                    // PostgreSQL cannot mark a constraint not valid again: it is added again NOT VALID, which
                    // checks no row
                    List.of(
                            new ConstraintOp.DropConstraint(add.table(), name, notValid),
                            new ConstraintOp.AddConstraint(add.table(), notValid)));
            return Optional.of(new Parts(List.of(first), List.of(validate)));
        }
    }

    /** The key a foreign key points at; no other kind points anywhere. */
    private static final ConstraintVisitor<Optional<List<Object>>> REFERENCED_KEY = new ConstraintVisitor<>() {
        @Override
        public Optional<List<Object>> visit(Constraint.PrimaryKey pk) {
            return Optional.empty();
        }

        @Override
        public Optional<List<Object>> visit(Constraint.Unique unique) {
            return Optional.empty();
        }

        @Override
        public Optional<List<Object>> visit(Constraint.ForeignKey fk) {
            return Optional.of(key(fk.referencedTable(), fk.referencedColumns()));
        }

        @Override
        public Optional<List<Object>> visit(Constraint.Check check) {
            return Optional.empty();
        }
    };

    /**
     * {@code <table>_<column>_not_null_check}, shortened to what PostgreSQL keeps of a name: a longer
     * one would be truncated, and no longer be the name the migration drops.
     */
    static String notNullCheckName(String table, String column) {
        return Names.fitted(table + "_" + column, "_not_null_check");
    }

    /**
     * The keys (table and columns) a foreign key added by the script points at: a unique constraint on
     * such a key stays in the first migration, since the foreign key needs it when it is added.
     */
    private static Set<List<Object>> referencedKeys(MigrationScript script) {
        Set<List<Object>> keys = new HashSet<>();
        for (Op op : script.upgrade()) {
            if (op instanceof ConstraintOp.AddConstraint add) {
                add.constraint().accept(REFERENCED_KEY).ifPresent(keys::add);
            }
        }
        return keys;
    }

    private static List<Object> key(QualifiedName table, List<String> columns) {
        return List.of(table, columns.stream().sorted().toList());
    }
}
