package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.data.DeclaredTable;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.catalog.rows.RowReader;
import dev.migrate.catalog.rows.RowsDiff;
import dev.migrate.catalog.rows.TableShape;
import dev.migrate.op.DataOp;
import dev.migrate.op.Op;
import dev.migrate.op.Rows;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The declared rows ({@code db/data/}) compared with the rows of the schema at head, after the schema comparison
 * wrote {@code script}: a table the script creates has none yet, a column it adds is empty. Everything is read on
 * {@code head} (a database at the chain's heads), nothing written to it. Refused before anything is written: a
 * file whose columns the table lacks or whose key it cannot find, a table of more than the row limit, and a delete
 * of rows that other tables' rows still point to.
 */
final class RowsComparison {
    private final Connection head;
    private final String schema;
    private final int limit;

    RowsComparison(Connection head, String schema, int limit) {
        this.head = head;
        this.schema = schema;
        this.limit = limit;
    }

    /**
     * The rows' changes, those of the tables every environment has apart from those of a context's folder.
     *
     * @param everywhere the inserts, updates and deletes of the tables every environment has, with the guards that
     *     stop the migration where rows of other tables still point to rows it deletes
     * @param limited the same for the tables of the run's contexts' folders, for a revision limited to them
     */
    record Result(MigrationScript everywhere, MigrationScript limited) {}

    Result compare(MigrationScript script, List<DeclaredTable> tables) {
        List<RowsDiff.Compared> compared = new ArrayList<>();
        Map<ObjectName, DeclaredTable> declared = new LinkedHashMap<>();
        for (DeclaredTable table : tables) {
            compared.add(compared(table, script));
            declared.put(table.table(), table);
        }
        List<RowsDiff.TableChanges> changes = RowsDiff.compare(compared, schema).stream()
                .filter(c -> !c.isEmpty())
                .toList();
        List<String> blocked = new ArrayList<>();
        Map<ObjectName, List<String>> notes = new HashMap<>();
        Map<ObjectName, List<SqlOp.RequireNoRows>> guards = new HashMap<>();
        Map<ObjectName, RowsDiff.TableChanges> byTable = new HashMap<>();
        changes.forEach(c -> byTable.put(c.table(), c));
        for (RowsDiff.TableChanges change : changes) {
            DataOp.DeleteRows delete = change.delete();
            if (delete != null) {
                pointing(change, delete.rows(), byTable, blocked, notes, guards);
            }
        }
        if (!blocked.isEmpty()) {
            throw new MigrateException("Nothing was written: " + String.join("; ", blocked) + ".");
        }
        List<RowsDiff.TableChanges> everywhere = new ArrayList<>();
        List<RowsDiff.TableChanges> limited = new ArrayList<>();
        for (RowsDiff.TableChanges change : changes) {
            DeclaredTable table = declared.get(change.table());
            (table != null && table.context() != null ? limited : everywhere).add(change);
        }
        Set<ObjectName> created = createdTables(script);
        return new Result(script(everywhere, notes, guards, created), script(limited, notes, guards, created));
    }

    /** The changes of {@code tables} as a script, with the guards of their deletes. */
    private static MigrationScript script(
            List<RowsDiff.TableChanges> tables,
            Map<ObjectName, List<String>> notes,
            Map<ObjectName, List<SqlOp.RequireNoRows>> guards,
            Set<ObjectName> created) {
        List<SqlOp.RequireNoRows> own = tables.stream()
                .flatMap(t -> guards.getOrDefault(t.table(), List.of()).stream())
                .toList();
        List<OpGroup> groups = RowsDiff.groups(tables).stream()
                .map(g -> withNotes(g, notes.getOrDefault(g.table(), List.of())))
                .map(g -> created.contains(g.table()) ? RowsDiff.droppedWithTheirTable(g) : g)
                .toList();
        return new MigrationScript(groups, List.of(), own);
    }

    /** The tables {@code script} creates, by their names in {@code schema} when unqualified. */
    private Set<ObjectName> createdTables(MigrationScript script) {
        Set<ObjectName> created = new HashSet<>();
        for (Op op : script.upgrade()) {
            if (op instanceof TableOp.CreateTable create) {
                created.add(TableShape.of(create, schema).table());
            }
        }
        return created;
    }

    private static OpGroup withNotes(OpGroup group, List<String> notes) {
        if (notes.isEmpty()) {
            return group;
        }
        return new OpGroup(
                group.table(),
                group.changes().stream()
                        .map(c -> c.ops().stream().anyMatch(op -> op instanceof DataOp.DeleteRows)
                                ? c.withNotes(notes)
                                : c)
                        .toList());
    }

    /** The table's rows wanted and as they are at head, refused when the file and the table do not fit. */
    private RowsDiff.Compared compared(DeclaredTable table, MigrationScript script) {
        Optional<TableShape> atHead;
        try {
            atHead = TableShape.read(head, table.table());
        } catch (SQLException e) {
            throw new MigrateException("Could not read table " + table.table() + " at head: " + e.getMessage(), e);
        }
        TableShape shape = atHead.or(() -> created(table.table(), script))
                .map(s -> s.withChanges(script.upgrade(), schema))
                .orElseThrow(() -> new MigrateException(table.source() + " declares the rows of " + table.table()
                        + ", which neither the migrations nor the entities create. Create the table (an entity, or a"
                        + " migration), or rename the file after an existing table (" + schema
                        + " tables: countries.csv; others: schema.table.csv)."));
        List<String> unknown = table.columns().stream()
                .filter(c -> !shape.columns().containsKey(c))
                .toList();
        if (!unknown.isEmpty()) {
            throw new MigrateException(table.whereColumn(unknown.get(0)) + ": the file names "
                    + (unknown.size() == 1 ? "a column" : "columns")
                    + " that " + table.table() + " lacks: " + String.join(", ", unknown) + ". Its columns are "
                    + String.join(", ", shape.columns().keySet())
                    + "; fix the header, or add the column to the entity.");
        }
        List<String> key = shape.keys().stream()
                .filter(table.columns()::containsAll)
                .findFirst()
                .orElseThrow(() -> new MigrateException(table.source() + " gives no key of " + table.table()
                        + ": its rows are found by a primary key or unique constraint whose columns the file names, and "
                        + (shape.keys().isEmpty()
                                ? "the table has none. Give it a primary key or a unique constraint."
                                : "the table's are " + shape.keys()
                                        + ". Add the columns of one of them to the file.")));
        if (table.values().size() > limit) {
            throw RowReader.tooMany(
                    table.table(), table.source(), "declares " + table.values().size() + " rows", limit);
        }
        List<List<@Nullable String>> values = table.valuesOn(head);
        if (atHead.isPresent()) {
            values = RowReader.canonical(head, shape, table.columns(), values, table::where);
        }
        Rows wanted = new Rows(key, table.columns(), values);
        Map<List<@Nullable String>, Integer> keys = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            List<@Nullable String> k = wanted.keyOf(i);
            if (k.contains(null)) {
                throw new MigrateException(table.where(i, table.columns().indexOf(key.get(k.indexOf(null))))
                        + ": this row has no value for the key " + key + ". Give every row its key.");
            }
            Integer first = keys.putIfAbsent(k, i);
            if (first != null) {
                throw new MigrateException(table.where(i) + ": this row has the key " + key + " = " + k
                        + ", as the row at " + table.where(first) + " has. Keep one of them.");
            }
        }
        Rows current = atHead.isPresent()
                ? withNullColumns(RowReader.read(head, atHead.get(), key, limit, table.source()), shape)
                : new Rows(key, List.copyOf(shape.columns().keySet()), List.of());
        return new RowsDiff.Compared(shape, table.source(), wanted, current);
    }

    /** The table as the script creates it, when it does. */
    private Optional<TableShape> created(ObjectName table, MigrationScript script) {
        return script.upgrade().stream()
                .filter(op -> op instanceof TableOp.CreateTable)
                .map(op -> TableShape.of((TableOp.CreateTable) op, schema))
                .filter(shape -> shape.table().equals(table))
                .findFirst();
    }

    /** {@code rows} with a {@code NULL} value for each column of {@code shape} they lack (added by the script). */
    private static Rows withNullColumns(Rows rows, TableShape shape) {
        List<String> columns = List.copyOf(shape.columns().keySet());
        if (columns.equals(rows.columns())) {
            return rows;
        }
        List<List<@Nullable String>> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<@Nullable String> row = new ArrayList<>();
            for (String column : columns) {
                row.add(rows.columns().contains(column) ? rows.value(i, column) : null);
            }
            values.add(row);
        }
        return new Rows(rows.key(), columns, values);
    }

    /**
     * For each foreign key that points to the rows {@code deleted} of {@code change}'s table: how many rows still
     * point to them once the change is made. Those of a table compared too are counted as the comparison leaves
     * them; the others as the head holds them, and a guard is added so that the migration stops where another
     * database holds some. A delete that would fail is {@code blocked}; one the database answers by cascading is
     * noted.
     */
    private void pointing(
            RowsDiff.TableChanges change,
            Rows deleted,
            Map<ObjectName, RowsDiff.TableChanges> compared,
            List<String> blocked,
            Map<ObjectName, List<String>> notes,
            Map<ObjectName, List<SqlOp.RequireNoRows>> guards) {
        TableShape shape = change.compared().shape();
        for (TableShape.Reference reference : shape.referencedBy()) {
            List<List<@Nullable String>> parentValues = new ArrayList<>();
            for (int i = 0; i < deleted.size(); i++) {
                int row = i;
                parentValues.add(reference.parentColumns().stream()
                        .map(c -> deleted.value(row, c))
                        .toList());
            }
            RowsDiff.TableChanges child = compared.get(reference.child());
            long count;
            if (child != null) {
                count = remainingPointing(child, reference, parentValues);
            } else if (reference.child().equals(shape.table())) {
                count = 0; // the table's own rows: those the file keeps are compared with it
            } else {
                count = RowReader.referencing(head, reference, parentValues);
                if (reference.blocksDelete()) {
                    guards.computeIfAbsent(shape.table(), t -> new ArrayList<>())
                            .add(new SqlOp.RequireNoRows(
                                    "SELECT 1 FROM " + RowReader.quote(reference.child()) + " WHERE "
                                            + pointingTo(reference, deleted, parentValues),
                                    "rows of " + reference.child() + " still point to rows of " + shape.table()
                                            + " that this migration deletes ("
                                            + String.join(", ", reference.childColumns())
                                            + "): point them elsewhere or delete them first"));
                }
            }
            if (count == 0) {
                continue;
            }
            String what = count + (count == 1 ? " row" : " rows") + " of " + reference.child() + " ("
                    + String.join(", ", reference.childColumns()) + ") point to the " + deleted.size()
                    + (deleted.size() == 1 ? " row" : " rows") + " of " + shape.table() + " that "
                    + change.compared().source() + " no longer declares";
            if (reference.blocksDelete()) {
                blocked.add(what + ", so deleting them would fail. Keep those rows in the file, or point the rows of "
                        + reference.child() + " elsewhere (or delete them) in a migration first");
            } else {
                notes.computeIfAbsent(shape.table(), t -> new ArrayList<>())
                        .add(what + ": " + reference.onDeleteText() + ".");
            }
        }
    }

    /**
     * The condition on the child's rows that point to the {@code deleted} rows, for a guard that runs on other
     * databases too: by the file's key where the foreign key points to another column (a generated id, which
     * another database may have given other values), through the parent rows the migration is about to delete.
     */
    private static String pointingTo(
            TableShape.Reference reference, Rows deleted, List<List<@Nullable String>> parentValues) {
        if (reference.parentColumns().equals(deleted.key())) {
            return Literals.keyIn(reference.childColumns(), parentValues);
        }
        List<String> child = reference.childColumns();
        return (child.size() == 1 ? Identifiers.quote(child.get(0)) : "(" + Identifiers.quoteAll(child) + ")")
                + " IN (SELECT " + Identifiers.quoteAll(reference.parentColumns())
                + " FROM " + RowReader.quote(reference.parent()) + " WHERE "
                + Literals.keyIn(deleted.key(), deleted.keys()) + ")";
    }

    /** How many of a compared child table's rows point to {@code parentValues} once its own change is made. */
    private static long remainingPointing(
            RowsDiff.TableChanges child, TableShape.Reference reference, List<List<@Nullable String>> parentValues) {
        Set<List<@Nullable String>> targets = new HashSet<>(parentValues);
        Rows wanted = child.compared().wanted();
        Rows source = wanted.columns().containsAll(reference.childColumns())
                ? wanted
                : child.compared().current();
        DataOp.DeleteRows delete = child.delete();
        Set<List<@Nullable String>> deletedKeys =
                delete == null ? Set.of() : new HashSet<>(delete.rows().keys());
        long count = 0;
        for (int i = 0; i < source.size(); i++) {
            int row = i;
            List<@Nullable String> to = reference.childColumns().stream()
                    .map(c -> source.value(row, c))
                    .toList();
            if (targets.contains(to) && !deletedKeys.contains(source.keyOf(i))) {
                count++;
            }
        }
        return count;
    }
}
