package dev.migrate.op;

import static dev.migrate.op.ColumnReferences.renamed;
import static dev.migrate.op.OnlineNames.literal;
import static dev.migrate.op.OnlineNames.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * An online {@link OnlineChange.AlterColumn}: a new column beside the old one, kept in step both ways by a
 * trigger and backfilled, with its constraints and indexes; at complete, the old column dropped and the
 * new one renamed into its place; undone by dropping the new column and the trigger.
 */
record AlterColumnPhases(OnlineChange.AlterColumn a) implements OnlinePhases {
    @Override
    public List<Op> start(String revision) {
        String column = a.newColumn();
        List<Op> ops = new ArrayList<>();
        ops.add(new OnlineOp.DuplicateColumn(a.table(), a.column(), column, a.type()));
        String up = a.up() == null ? quote(a.column()) : a.up();
        String down = a.down() == null ? quote(column) : renamed(a.down(), a.column(), column);
        // the trigger before any constraint on the new column: each statement of the expand commits alone,
        // and from the first constraint on, a write that does not fill the new column is refused
        ops.add(new OnlineOp.SyncTrigger(a.table(), a.column(), column, up, down, revision));
        ops.add(new OnlineOp.DuplicateConstraints(a.table(), a.column(), column));
        String notNull = OnlineNames.notNullCheck(a.column());
        if (a.isNotNull()) {
            // a column NOT NULL already gets this check from DuplicateConstraints
            ops.add(new OnlineOp.PutConstraint(
                    a.table(), new Constraint.Check(notNull, quote(column) + " IS NOT NULL", true)));
        }
        if (a.check() != null) {
            ops.add(new OnlineOp.PutConstraint(
                    a.table(),
                    new Constraint.Check(a.check().name(), renamed(a.check().expression(), a.column(), column), true)));
        }
        if (a.references() != null) {
            Constraint.ForeignKey fk = a.references();
            ops.add(new OnlineOp.PutConstraint(
                    a.table(),
                    new Constraint.ForeignKey(
                            fk.name(),
                            List.of(column),
                            fk.referencedTable(),
                            fk.referencedColumns(),
                            fk.onDelete(),
                            fk.onUpdate(),
                            fk.deferrable(),
                            fk.initiallyDeferred(),
                            true)));
        }
        if (a.unique() != null) {
            // built beside the writes; a build an interruption cut is dropped and built again
            ops.add(new SqlOp.Execute(
                    "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + quote(a.unique()) + " ON " + quote(a.table())
                            + " (" + quote(column) + ")",
                    null));
        }
        ops.add(new OnlineOp.Backfill(a.table(), column));
        // built once the column is filled, each with one pass over the table
        ops.add(new OnlineOp.DuplicateIndexes(a.table(), a.column(), column));
        // every constraint over the new column (NOT NULL's, those kept from the old column, the new ones),
        // checked now that it is filled, under a lock that lets writes go on
        String table = literal(quote(a.table())) + "::regclass";
        ops.add(new SqlOp.Execute(
                "DO $migrate$\nDECLARE\n    con record;\nBEGIN\n"
                        + "    FOR con IN SELECT conname FROM pg_constraint WHERE conrelid = " + table
                        + " AND NOT convalidated AND (SELECT attnum FROM pg_attribute WHERE attrelid = " + table
                        + " AND attname = " + literal(column) + ") = ANY (conkey) LOOP\n"
                        + "        EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', " + table
                        + ", con.conname);\n"
                        + "    END LOOP;\nEND\n$migrate$",
                null));
        return ops;
    }

    @Override
    public List<Op> complete() {
        List<Op> ops = new ArrayList<>();
        ops.add(new OnlineOp.DropSyncTrigger(a.table(), a.column()));
        ops.add(new OnlineOp.ReplaceColumn(a.table(), a.column(), a.newColumn()));
        // NOT NULL, asked for or kept from the old column: the validated check spares SET NOT NULL its scan
        String notNull = OnlineNames.notNullCheck(a.column());
        ops.add(new SqlOp.Execute(
                "DO $migrate$\nBEGIN\n    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = "
                        + literal(quote(a.table()))
                        + "::regclass AND conname = " + literal(notNull) + ") THEN\n"
                        + "        ALTER TABLE " + quote(a.table()) + " ALTER COLUMN " + quote(a.column())
                        + " SET NOT NULL;\n"
                        + "        ALTER TABLE " + quote(a.table()) + " DROP CONSTRAINT " + quote(notNull) + ";\n"
                        + "    END IF;\nEND\n$migrate$",
                null));
        if (a.unique() != null) {
            ops.add(new SqlOp.Execute(
                    "ALTER TABLE " + quote(a.table()) + " ADD CONSTRAINT " + quote(a.unique()) + " UNIQUE USING INDEX "
                            + quote(a.unique()),
                    null));
        }
        return ops;
    }

    @Override
    public List<Op> rollback() {
        // the new column takes its constraints and its unique index with it
        return List.of(
                new OnlineOp.DropSyncTrigger(a.table(), a.column()),
                new SqlOp.Execute(
                        "ALTER TABLE " + quote(a.table()) + " DROP COLUMN IF EXISTS " + quote(a.newColumn()), null));
    }

    @Override
    public List<Op> whole() {
        List<Op> ops = new ArrayList<>();
        if (a.type() != null) {
            ops.add(new ColumnOp.AlterColumnType(a.table(), a.column(), a.type(), a.up(), null));
        } else if (a.up() != null) {
            ops.add(new SqlOp.Execute(
                    "UPDATE " + quote(a.table()) + " SET " + quote(a.column()) + " = " + a.up(), null));
        }
        if (a.isNotNull()) {
            ops.add(new ColumnOp.AlterColumnNullable(a.table(), a.column(), false));
        }
        if (a.check() != null) {
            ops.add(new ConstraintOp.AddConstraint(a.table(), a.check()));
        }
        if (a.references() != null) {
            ops.add(new ConstraintOp.AddConstraint(a.table(), a.references()));
        }
        if (a.unique() != null) {
            ops.add(new ConstraintOp.AddConstraint(
                    a.table(), new Constraint.Unique(a.unique(), List.of(a.column()), false, false, false)));
        }
        return ops;
    }
}
