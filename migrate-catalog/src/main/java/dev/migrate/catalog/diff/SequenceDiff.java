package dev.migrate.catalog.diff;

import dev.migrate.catalog.ColumnRef;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.util.List;

/**
 * Standalone sequences added, removed or changed; a sequence a column owns goes with its table, and one
 * that numbers a serial column may come and go with the column ({@link SerialColumns}).
 */
final class SequenceDiff {
    private final DiffContext context;

    SequenceDiff(DiffContext context) {
        this.context = context;
    }

    void compare(DatabaseSchema live, DatabaseSchema desired) {
        for (Sequence want : desired.sequences().values()) {
            Sequence have = live.sequences().get(want.qualifiedName());
            if (have == null) {
                SequenceOp.CreateSequence create = context.ops.createSequence(want);
                switch (context.serials.placeOf(want)) {
                    case ALONE -> {
                        if (ownerComesLater(want, live)) {
                            // owned by a column the tables make (not one it numbers): owned once that exists
                            context.script.beforeTables(Change.of(
                                    Description.added("sequence " + want.qualifiedName()),
                                    new SequenceOp.CreateSequence(create.sequence(), create.options(), null)));
                            context.script.afterTables(Change.of(
                                    Description.changed(
                                            "sequence " + want.qualifiedName(), "owned by " + create.ownedBy()),
                                    SerialColumns.ownership(context.ops, want)));
                        } else {
                            context.script.beforeTables(
                                    Change.of(Description.added("sequence " + want.qualifiedName()), create));
                        }
                    }
                    case BEFORE_ITS_COLUMN ->
                        // its column is new: it takes the sequence once it exists
                        context.script.beforeTables(Change.of(
                                Description.added("sequence " + want.qualifiedName()),
                                new SequenceOp.CreateSequence(create.sequence(), create.options(), null)));
                    case BY_SERIAL_TYPE, BY_COLUMN_CHANGE -> {}
                }
            } else {
                alter(have, want);
            }
        }
        for (Sequence have : live.sequences().values()) {
            if (desired.sequences().containsKey(have.qualifiedName()) || context.serials.goesWithColumnChange(have)) {
                continue;
            }
            ColumnRef owner = have.ownedBy();
            if (owner == null) {
                SequenceOp.CreateSequence definition = context.ops.createSequence(have);
                context.script.afterTables(Change.of(
                        Description.removed("sequence " + have.qualifiedName()),
                        new SequenceOp.DropSequence(definition.sequence(), definition)));
            } else if (leftBehind(have, owner, desired)) {
                context.script.afterTables(dropLeftBehind(have, owner));
            }
        }
    }

    /** Whether {@code sequence} is owned by a column the database does not have yet. */
    private static boolean ownerComesLater(Sequence sequence, DatabaseSchema live) {
        ColumnRef owner = sequence.ownedBy();
        Table table = owner == null ? null : live.table(owner.schema(), owner.table());
        return owner != null && (table == null || table.column(owner.column()) == null);
    }

    /**
     * Whether a sequence a column owns ({@code serial}) outlives its use: the column stays but its
     * default no longer calls it. A dropped column takes its sequence with it.
     */
    private static boolean leftBehind(Sequence sequence, ColumnRef owner, DatabaseSchema desired) {
        Table table = desired.table(owner.schema(), owner.table());
        TableColumn column = table == null ? null : table.column(owner.column());
        return column != null
                && (column.defaultExpression() == null
                        || !column.defaultExpression().contains(sequence.name()));
    }

    /**
     * The sequence dropped after its column's default; undone by creating it again, owned by the
     * column, and moving it past the column's largest value, so the restored default never hands out
     * a number a row already holds.
     */
    private Change dropLeftBehind(Sequence have, ColumnRef owner) {
        SequenceOp.CreateSequence definition = context.ops.createSequence(have);
        String table = Identifiers.quote(new QualifiedName(owner.schema(), owner.table()));
        String restart = "SELECT setval(" + Literals.string(Identifiers.quote(definition.sequence()))
                + ", greatest(coalesce((SELECT max(" + Identifiers.quote(owner.column()) + ") FROM " + table
                + "), 0) + 1, " + have.start() + "), false)";
        return new Change(
                Description.removed("sequence " + have.qualifiedName() + " (owned by " + owner.table() + "."
                        + owner.column() + ", whose default no longer uses it)"),
                List.of(new SequenceOp.DropSequence(definition.sequence(), definition)),
                List.of(),
                List.of(definition, new SqlOp.Execute(restart, null)));
    }

    /**
     * Options that differ are altered in place: never a drop and re-create, which would restart the
     * sequence under rows that already hold its values. START is left alone on a sequence in use,
     * since it only tells what a RESTART would go back to.
     */
    private void alter(Sequence have, Sequence want) {
        SequenceDelta delta = new SequenceDelta(have.inUse())
                .compare("type", have.dataType(), want.dataType())
                .compare("increment", have.increment(), want.increment())
                .compare("minvalue", have.min(), want.min())
                .compare("maxvalue", have.max(), want.max())
                .compare("start", have.start(), want.start())
                .compare("cache", have.cache(), want.cache())
                .compare("cycle", have.cycle(), want.cycle());
        delta.ignoredStart().ifPresent(note -> context.script.warn("Sequence " + want.qualifiedName() + ": " + note));
        if (!delta.isEmpty()) {
            context.script.beforeTables(Change.of(
                    Description.changed("sequence " + want.qualifiedName(), delta.description()),
                    new SequenceOp.AlterSequence(
                            context.ops.name(want.schema(), want.name()), delta.to(), delta.from())));
        }
    }
}
