package dev.migrate.catalog.rows;

import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.op.DataOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.Rows;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The changes that make the rows of tables the wanted ones, compared by key: a wanted row the table lacks is
 * inserted, one it holds with another value in a wanted column is updated (only the columns that differ), and
 * a row it holds that is not wanted is deleted with all its values, so the downgrade puts it back as it was.
 * Columns the wanted rows do not name are left as they are. Across tables, in foreign-key order: inserts and
 * updates parents first, then deletes children first; the downgrade undoes them last first.
 *
 * <p>{@code autogenerate} and {@code check} compare the rows a project declares with those of the schema at
 * head; {@code drift} compares the rows at head with those of a live database.
 */
public final class RowsDiff {
    /** How many keys a description names before it counts the rest. */
    private static final int NAMED_KEYS = 5;

    private RowsDiff() {}

    /**
     * One table's rows, wanted and as they are.
     *
     * @param source where the wanted rows come from, for messages ({@code src/main/resources/db/data/countries.csv})
     * @param wanted the rows wanted, by the key; only their columns are compared
     * @param current the rows the table holds, by the same key, with every column of the table
     */
    public record Compared(TableShape shape, String source, Rows wanted, Rows current) {}

    /** What one table's rows need: the rows deleted with every column, in the order of {@code current}. */
    public record TableChanges(
            Compared compared,
            DataOp.@Nullable InsertRows insert,
            List<DataOp.UpdateRows> updates,
            DataOp.@Nullable DeleteRows delete) {
        public TableChanges {
            updates = List.copyOf(updates);
        }

        public ObjectName table() {
            return compared.shape().table();
        }

        public boolean isEmpty() {
            return insert == null && updates.isEmpty() && delete == null;
        }
    }

    /**
     * Each table's changes, in the order given; a table whose rows are as wanted has none. The ops name the tables
     * of {@code managedSchema} without it, as the other ops of a migration do.
     */
    public static List<TableChanges> compare(List<Compared> tables, String managedSchema) {
        return tables.stream().map(t -> compare(t, managedSchema)).toList();
    }

    private static TableChanges compare(Compared table, String managedSchema) {
        Rows wanted = table.wanted();
        Rows current = table.current();
        ObjectName named = table.shape().table();
        QualifiedName name =
                new QualifiedName(named.schema().equals(managedSchema) ? null : named.schema(), named.name());
        Map<List<@Nullable String>, Integer> currentByKey = byKey(current);
        Set<List<@Nullable String>> wantedKeys = new HashSet<>();
        List<List<@Nullable String>> inserted = new ArrayList<>();
        // rows to update, grouped by the columns that differ, so each call names only what changes
        Map<List<String>, List<List<@Nullable String>>> after = new LinkedHashMap<>();
        Map<List<String>, List<List<@Nullable String>>> before = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            List<@Nullable String> key = wanted.keyOf(i);
            wantedKeys.add(key);
            Integer at = currentByKey.get(key);
            if (at == null) {
                inserted.add(wanted.values().get(i));
                continue;
            }
            List<String> differing = new ArrayList<>(wanted.key());
            for (String column : wanted.columns()) {
                if (!wanted.key().contains(column)
                        && !java.util.Objects.equals(wanted.value(i, column), current.value(at, column))) {
                    differing.add(column);
                }
            }
            if (differing.size() > wanted.key().size()) {
                int row = i;
                after.computeIfAbsent(differing, k -> new ArrayList<>())
                        .add(differing.stream().map(c -> wanted.value(row, c)).toList());
                before.computeIfAbsent(differing, k -> new ArrayList<>())
                        .add(differing.stream().map(c -> current.value(at, c)).toList());
            }
        }
        List<List<@Nullable String>> deleted = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            if (!wantedKeys.contains(current.keyOf(i))) {
                deleted.add(current.values().get(i));
            }
        }
        List<DataOp.UpdateRows> updates = new ArrayList<>();
        after.forEach((columns, rows) -> updates.add(new DataOp.UpdateRows(
                name,
                new Rows(wanted.key(), columns, rows),
                new Rows(wanted.key(), columns, java.util.Objects.requireNonNull(before.get(columns))))));
        return new TableChanges(
                table,
                inserted.isEmpty()
                        ? null
                        : new DataOp.InsertRows(
                                name,
                                new Rows(
                                        wanted.key(),
                                        wanted.columns(),
                                        selfReferencedFirst(table.shape(), wanted.columns(), inserted))),
                updates,
                deleted.isEmpty()
                        ? null
                        : new DataOp.DeleteRows(name, new Rows(current.key(), current.columns(), deleted)));
    }

    /**
     * The changes as groups of a migration script, in foreign-key order among the tables: inserts and updates
     * parents first, then deletes children first.
     */
    public static List<OpGroup> groups(List<TableChanges> changes) {
        List<TableChanges> parentsFirst = parentsFirst(changes);
        List<OpGroup> groups = new ArrayList<>();
        for (TableChanges t : parentsFirst) {
            List<Change> writes = new ArrayList<>();
            DataOp.InsertRows insert = t.insert();
            if (insert != null) {
                Rows rows = insert.rows();
                List<Op> ops = new ArrayList<>(List.of(insert));
                // the rows' own values in a sequence's column: the sequence moves past them, or the next row
                // the application inserts takes a value already there
                t.compared().shape().sequenced().stream()
                        .filter(rows.columns()::contains)
                        .forEach(column -> ops.add(new SqlOp.Execute(
                                "SELECT setval(pg_get_serial_sequence("
                                        + Literals.string(Identifiers.quote(insert.table())) + ", "
                                        + Literals.string(column) + "), (SELECT max(" + Identifiers.quote(column)
                                        + ") FROM " + Identifiers.quote(insert.table()) + "))",
                                null)));
                writes.add(new Change(
                        Description.added(count(rows.size()) + " of " + t.table() + " (" + keys(rows) + ")"),
                        ops,
                        List.of(),
                        ops.size() == 1 ? null : List.of(insert.reverse().orElseThrow())));
            }
            for (DataOp.UpdateRows update : t.updates()) {
                Rows rows = update.rows();
                List<String> changed = rows.columns().stream()
                        .filter(c -> !rows.key().contains(c))
                        .toList();
                Rows before = update.previous();
                // one row says what its values were and become; several, which columns
                String detail = rows.size() == 1 && before != null
                        ? changed.stream()
                                .map(c -> c + " " + shown(before.value(0, c)) + " -> " + shown(rows.value(0, c)))
                                .collect(Collectors.joining(", "))
                        : String.join(", ", changed);
                writes.add(new Change(
                        Description.changed(count(rows.size()) + " of " + t.table() + " (" + keys(rows) + ")", detail),
                        List.of(update),
                        List.of()));
            }
            if (!writes.isEmpty()) {
                groups.add(new OpGroup(t.table(), writes));
            }
        }
        for (int i = parentsFirst.size() - 1; i >= 0; i--) {
            TableChanges t = parentsFirst.get(i);
            if (t.delete() != null) {
                Rows rows = t.delete().rows();
                groups.add(new OpGroup(
                        t.table(),
                        List.of(new Change(
                                Description.removed(count(rows.size()) + " of " + t.table() + " (" + keys(rows) + ")"),
                                List.of(t.delete()),
                                List.of()))));
            }
        }
        return groups;
    }

    /**
     * {@code group}'s inserts undone by nothing of their own, for a table the same migration creates: its downgrade
     * drops the table with the rows. Deleting them first would fail where rows of another table the downgrade
     * drops (an application's own, not declared) still point to them.
     */
    public static OpGroup droppedWithTheirTable(OpGroup group) {
        return new OpGroup(
                group.table(),
                group.changes().stream()
                        .map(c -> c.ops().stream().anyMatch(op -> op instanceof DataOp.InsertRows)
                                ? new Change(c.description(), c.ops(), c.hazards(), c.notes(), List.of(), c.aheadPart())
                                : c)
                        .toList());
    }

    /** The tables ordered so that a table comes after those its foreign keys point to, among these. */
    static List<TableChanges> parentsFirst(List<TableChanges> changes) {
        Map<ObjectName, TableChanges> byName = new LinkedHashMap<>();
        changes.stream()
                .sorted(java.util.Comparator.comparing(TableChanges::table))
                .forEach(t -> byName.put(t.table(), t));
        Set<ObjectName> placed = new LinkedHashSet<>();
        while (placed.size() < byName.size()) {
            boolean progress = false;
            for (TableChanges t : byName.values()) {
                if (!placed.contains(t.table())
                        && t.compared().shape().parents().stream()
                                .allMatch(p -> placed.contains(p) || !byName.containsKey(p))) {
                    placed.add(t.table());
                    progress = true;
                }
            }
            if (!progress) { // a cycle of foreign keys: the rest by name
                placed.addAll(byName.keySet());
            }
        }
        return placed.stream().map(byName::get).toList();
    }

    /**
     * Rows of a table whose foreign key points to itself (a category's parent) ordered so that a row comes
     * after the inserted row it points to.
     */
    private static List<List<@Nullable String>> selfReferencedFirst(
            TableShape shape, List<String> columns, List<List<@Nullable String>> rows) {
        List<TableShape.Reference> self = shape.foreignKeys().stream()
                .filter(f -> f.child().equals(shape.table()) && f.parent().equals(shape.table()))
                .filter(f -> columns.containsAll(f.childColumns()) && columns.containsAll(f.parentColumns()))
                .toList();
        if (self.isEmpty()) {
            return rows;
        }
        List<List<@Nullable String>> pending = new ArrayList<>(rows);
        List<List<@Nullable String>> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Set<List<@Nullable String>> waiting = new HashSet<>();
            for (TableShape.Reference f : self) {
                pending.forEach(row -> waiting.add(values(row, columns, f.parentColumns())));
            }
            List<List<@Nullable String>> ready = pending.stream()
                    .filter(row -> self.stream().noneMatch(f -> {
                        List<@Nullable String> to = values(row, columns, f.childColumns());
                        return !to.contains(null)
                                && waiting.contains(to)
                                && !to.equals(values(row, columns, f.parentColumns()));
                    }))
                    .toList();
            if (ready.isEmpty()) { // rows that point to each other: as declared
                ordered.addAll(pending);
                break;
            }
            ordered.addAll(ready);
            pending.removeAll(ready);
        }
        return ordered;
    }

    private static List<@Nullable String> values(List<@Nullable String> row, List<String> columns, List<String> of) {
        List<@Nullable String> out = new ArrayList<>(of.size());
        of.forEach(c -> out.add(row.get(columns.indexOf(c))));
        return out;
    }

    private static Map<List<@Nullable String>, Integer> byKey(Rows rows) {
        Map<List<@Nullable String>, Integer> found = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            found.put(rows.keyOf(i), i);
        }
        return found;
    }

    /** A value as a description shows it: {@code NULL}, or quoted and cut to a line's part. */
    private static String shown(@Nullable String value) {
        if (value == null) {
            return "NULL";
        }
        return "'" + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "'";
    }

    private static String count(int rows) {
        return rows + (rows == 1 ? " row" : " rows");
    }

    /** {@code code FR, DE} or {@code (tenant, code) (1, FR)}, the first few and how many more. */
    static String keys(Rows rows) {
        String named = java.util.stream.IntStream.range(0, Math.min(NAMED_KEYS, rows.size()))
                .mapToObj(i -> {
                    List<@Nullable String> key = rows.keyOf(i);
                    return key.size() == 1 ? String.valueOf(key.get(0)) : "(" + joined(key) + ")";
                })
                .collect(Collectors.joining(", "));
        String column = rows.key().size() == 1 ? rows.key().get(0) : "(" + String.join(", ", rows.key()) + ")";
        return column + " " + named + (rows.size() > NAMED_KEYS ? " and " + (rows.size() - NAMED_KEYS) + " more" : "");
    }

    private static String joined(List<@Nullable String> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
