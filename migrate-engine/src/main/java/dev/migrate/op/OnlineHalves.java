package dev.migrate.op;

import static dev.migrate.op.OnlineNames.literal;
import static dev.migrate.op.OnlineNames.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three halves of each {@link OnlineChange}, as ordinary operations. Every operation of a start half
 * can run again after an interruption (it finds its work done and leaves it), so a cut expand resumes
 * where it stopped; a complete half runs in one transaction, so the contract happens whole or not at all.
 */
final class OnlineHalves {
    private OnlineHalves() {}

    static List<Op> start(OnlineChange change, String revision) {
        if (change instanceof OnlineChange.AlterColumn a) {
            return startAlter(a, revision);
        }
        if (change instanceof OnlineChange.DropColumn d && d.down() != null) {
            return List.of(new Op.SyncTrigger(d.table(), d.column(), null, null, d.down(), revision));
        }
        return List.of(); // a rename shows in the schema of views alone until complete
    }

    static List<Op> complete(OnlineChange change) {
        if (change instanceof OnlineChange.AlterColumn a) {
            return completeAlter(a);
        }
        if (change instanceof OnlineChange.DropColumn d) {
            List<Op> ops = new ArrayList<>();
            if (d.down() != null) {
                ops.add(new Op.DropSyncTrigger(d.table(), d.column()));
            }
            ops.add(new Op.DropColumn(d.table(), d.column(), null));
            return ops;
        }
        return whole(change);
    }

    static List<Op> rollback(OnlineChange change) {
        if (change instanceof OnlineChange.AlterColumn a) {
            // the new column takes its constraints and its unique index with it
            return List.of(
                    new Op.DropSyncTrigger(a.table(), a.column()),
                    new Op.Execute(
                            "ALTER TABLE " + quote(a.table()) + " DROP COLUMN IF EXISTS " + quote(a.newColumn()),
                            null));
        }
        if (change instanceof OnlineChange.DropColumn d && d.down() != null) {
            return List.of(new Op.DropSyncTrigger(d.table(), d.column()));
        }
        return List.of();
    }

    /** The change made at once, as a plain migration makes it: for a downgrade, and for comparison. */
    static List<Op> whole(OnlineChange change) {
        if (change instanceof OnlineChange.AlterColumn a) {
            return wholeAlter(a);
        }
        if (change instanceof OnlineChange.DropColumn d) {
            return List.of(new Op.DropColumn(d.table(), d.column(), null));
        }
        if (change instanceof OnlineChange.RenameColumn r) {
            return List.of(new Op.RenameColumn(r.table(), r.column(), r.newName()));
        }
        OnlineChange.RenameTable r = (OnlineChange.RenameTable) change;
        return List.of(new Op.RenameTable(r.table(), r.newName()));
    }

    private static List<Op> startAlter(OnlineChange.AlterColumn a, String revision) {
        String column = a.newColumn();
        List<Op> ops = new ArrayList<>();
        ops.add(new Op.DuplicateColumn(a.table(), a.column(), column, a.type()));
        String up = a.up() == null ? quote(a.column()) : a.up();
        String down = a.down() == null ? quote(column) : renamed(a.down(), a.column(), column);
        // the trigger before any constraint on the new column: each statement of the expand commits alone,
        // and from the first constraint on, a write that does not fill the new column is refused
        ops.add(new Op.SyncTrigger(a.table(), a.column(), column, up, down, revision));
        ops.add(new Op.DuplicateConstraints(a.table(), a.column(), column));
        String notNull = OnlineNames.notNullCheck(a.column());
        if (a.isNotNull()) {
            // a column NOT NULL already gets this check from DuplicateConstraints
            ops.add(new Op.PutConstraint(
                    a.table(), new Constraint.Check(notNull, quote(column) + " IS NOT NULL", true)));
        }
        if (a.check() != null) {
            ops.add(new Op.PutConstraint(
                    a.table(),
                    new Constraint.Check(a.check().name(), renamed(a.check().expression(), a.column(), column), true)));
        }
        if (a.references() != null) {
            Constraint.ForeignKey fk = a.references();
            ops.add(new Op.PutConstraint(
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
            ops.add(new Op.Execute(
                    "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + quote(a.unique()) + " ON " + quote(a.table())
                            + " (" + quote(column) + ")",
                    null));
        }
        ops.add(new Op.Backfill(a.table(), column));
        // built once the column is filled, each with one pass over the table
        ops.add(new Op.DuplicateIndexes(a.table(), a.column(), column));
        // every constraint over the new column (NOT NULL's, those kept from the old column, the new ones),
        // checked now that it is filled, under a lock that lets writes go on
        String table = literal(quote(a.table())) + "::regclass";
        ops.add(new Op.Execute(
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

    private static List<Op> completeAlter(OnlineChange.AlterColumn a) {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op.DropSyncTrigger(a.table(), a.column()));
        ops.add(new Op.ReplaceColumn(a.table(), a.column(), a.newColumn()));
        // NOT NULL, asked for or kept from the old column: the validated check spares SET NOT NULL its scan
        String notNull = OnlineNames.notNullCheck(a.column());
        ops.add(new Op.Execute(
                "DO $migrate$\nBEGIN\n    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = "
                        + literal(quote(a.table()))
                        + "::regclass AND conname = " + literal(notNull) + ") THEN\n"
                        + "        ALTER TABLE " + quote(a.table()) + " ALTER COLUMN " + quote(a.column())
                        + " SET NOT NULL;\n"
                        + "        ALTER TABLE " + quote(a.table()) + " DROP CONSTRAINT " + quote(notNull) + ";\n"
                        + "    END IF;\nEND\n$migrate$",
                null));
        if (a.unique() != null) {
            ops.add(new Op.Execute(
                    "ALTER TABLE " + quote(a.table()) + " ADD CONSTRAINT " + quote(a.unique()) + " UNIQUE USING INDEX "
                            + quote(a.unique()),
                    null));
        }
        return ops;
    }

    private static List<Op> wholeAlter(OnlineChange.AlterColumn a) {
        List<Op> ops = new ArrayList<>();
        if (a.type() != null) {
            ops.add(new Op.AlterColumnType(a.table(), a.column(), a.type(), a.up(), null));
        } else if (a.up() != null) {
            ops.add(new Op.Execute("UPDATE " + quote(a.table()) + " SET " + quote(a.column()) + " = " + a.up(), null));
        }
        if (a.isNotNull()) {
            ops.add(new Op.AlterColumnNullable(a.table(), a.column(), false));
        }
        if (a.check() != null) {
            ops.add(new Op.AddConstraint(a.table(), a.check()));
        }
        if (a.references() != null) {
            ops.add(new Op.AddConstraint(a.table(), a.references()));
        }
        if (a.unique() != null) {
            ops.add(new Op.AddConstraint(
                    a.table(), new Constraint.Unique(a.unique(), List.of(a.column()), false, false, false)));
        }
        return ops;
    }

    /**
     * {@code expression} with every reference to the column {@code from} made to {@code to}: a name
     * outside string literals, unqualified and not called as a function, matched as PostgreSQL matches it
     * (folded to lower case unless quoted).
     */
    static String renamed(String expression, String from, String to) {
        StringBuilder out = new StringBuilder(expression.length() + 16);
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < n) {
                    if (expression.charAt(end) == '\'') {
                        if (end + 1 < n && expression.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(expression, i, end);
                i = end;
            } else if (c == '"') {
                int end = i + 1;
                StringBuilder name = new StringBuilder();
                while (end < n) {
                    if (expression.charAt(end) == '"') {
                        if (end + 1 < n && expression.charAt(end + 1) == '"') {
                            name.append('"');
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    name.append(expression.charAt(end));
                    end++;
                }
                end = Math.min(end + 1, n);
                if (name.toString().equals(from) && standsAlone(expression, i, end)) {
                    out.append(quote(to));
                } else {
                    out.append(expression, i, end);
                }
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n
                        && (Character.isLetterOrDigit(expression.charAt(end))
                                || expression.charAt(end) == '_'
                                || expression.charAt(end) == '$')) {
                    end++;
                }
                String word = expression.substring(i, end);
                if (word.toLowerCase(Locale.ROOT).equals(from) && standsAlone(expression, i, end)) {
                    out.append(quote(to));
                } else {
                    out.append(word);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Neither qualified ({@code t.amount}) nor called ({@code amount(...)}), nor a cast's type ({@code ::amount}). */
    private static boolean standsAlone(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        if (before >= 0 && (text.charAt(before) == '.' || text.charAt(before) == ':')) {
            return false;
        }
        int after = end;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        return after >= text.length() || (text.charAt(after) != '(' && text.charAt(after) != '.');
    }
}
