package dev.migrate.catalog.diff;

import dev.migrate.catalog.ColumnRef;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Partitioning;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import dev.migrate.sql.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The tables and columns renamed, decided before anything else is compared, and the live schema as PostgreSQL
 * leaves it after them.
 *
 * <p>A rename carries what hangs on the table or column to the new name: its indexes and constraints, the foreign
 * keys that point at it, the expressions that read it. So the renames run first in the migration (and last in its
 * downgrade, once everything else is undone), and the rest of the comparison is made against the schema they leave:
 * nothing that merely followed a rename is dropped and built again, and whatever is replaced is replaced under the
 * names it has at that point, both ways. The sequence a {@code serial} column owns is renamed with its table or
 * column when the other side names it after the new ones ({@code clients_id_seq} to {@code customers_id_seq}), as
 * PostgreSQL does not.
 */
final class Renames {
    private final SchemaDiff.Options options;
    private final ModelOps ops;
    private final ScriptBuilder script;
    /** Live table name to its new name. */
    private final Map<ObjectName, ObjectName> tables = new LinkedHashMap<>();
    /** For each table, by its new name: live column name to its new name. */
    private final Map<ObjectName, Map<String, String>> columns = new LinkedHashMap<>();

    Renames(SchemaDiff.Options options, ModelOps ops, ScriptBuilder script) {
        this.options = options;
        this.ops = ops;
        this.script = script;
    }

    /** Decides the renames from {@code live} to {@code desired}, writes them, and gives {@code live} after them. */
    DatabaseSchema apply(DatabaseSchema live, DatabaseSchema desired) {
        decideTables(live, desired);
        for (Table want : desired.tables().values()) {
            Table have = live.tables().get(liveName(want.qualifiedName()));
            if (have != null) {
                decideColumns(have, want);
            }
        }
        if (tables.isEmpty() && columns.isEmpty()) {
            return live;
        }
        tables.forEach((from, to) -> script.renamed(
                to,
                new Change(
                        Description.renamed("table " + from, to.name()),
                        List.of(new TableOp.RenameTable(ops.name(from.schema(), from.name()), to.name())),
                        Hazards.rename("table " + from))));
        columns.forEach((table, renamed) -> renamed.forEach((from, to) -> script.renamed(
                table,
                new Change(
                        Description.renamed("column " + table + "." + from, to),
                        List.of(new ColumnOp.RenameColumn(ops.name(table.schema(), table.name()), from, to)),
                        Hazards.rename("column " + table + "." + from)))));
        Map<ObjectName, Sequence> sequences = new LinkedHashMap<>();
        for (Sequence s : live.sequences().values()) {
            ColumnRef owner = s.ownedBy();
            sequences.put(key(s), owner == null ? s : sequence(s, s.name(), renamedRef(owner)));
        }
        Map<ObjectName, Table> renamedTables = new LinkedHashMap<>();
        live.tables().values().stream().map(this::renamed).forEach(t -> renamedTables.put(t.qualifiedName(), t));
        return withSerialSequencesRenamed(
                new DatabaseSchema(renamedTables, sequences, live.enumTypes(), live.objects(), live.distribution()),
                desired);
    }

    private void decideTables(DatabaseSchema live, DatabaseSchema desired) {
        List<Table> added = new ArrayList<>(desired.tables().values().stream()
                .filter(t -> !live.tables().containsKey(t.qualifiedName()))
                .toList());
        for (Table gone : live.tables().values()) {
            if (desired.tables().containsKey(gone.qualifiedName())) {
                continue;
            }
            added.stream()
                    .filter(t -> t.schema().equals(gone.schema()) && isRename(gone, t))
                    .findFirst()
                    .ifPresent(target -> {
                        added.remove(target);
                        tables.put(gone.qualifiedName(), target.qualifiedName());
                    });
        }
    }

    private ObjectName liveName(ObjectName desiredName) {
        return tables.entrySet().stream()
                .filter(e -> e.getValue().equals(desiredName))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(desiredName);
    }

    private ObjectName newName(String schema, String table) {
        ObjectName name = ObjectName.of(schema, table);
        return tables.getOrDefault(name, name);
    }

    private boolean isRename(Table from, Table to) {
        String hint = options.renames().get(from.name());
        if (hint != null) {
            return hint.equals(to.name());
        }
        if (!columnNames(from).equals(columnNames(to))) {
            return false;
        }
        if (options.decider()
                .isRename(
                        "table",
                        null,
                        from.qualifiedName().toString(),
                        to.qualifiedName().toString())) {
            return true;
        }
        script.warn(
                "Table " + from.qualifiedName() + " looks renamed to " + to.qualifiedName() + ", but it is written as "
                        + "DROP TABLE plus CREATE TABLE, which loses its data. To rename it instead, run again with "
                        + "-Dmigrate.renames=" + from.name() + "=" + to.name() + ".");
        return false;
    }

    private static List<String> columnNames(Table t) {
        return t.columns().stream().map(TableColumn::name).sorted().toList();
    }

    private void decideColumns(Table have, Table want) {
        List<TableColumn> added = new ArrayList<>(want.columns().stream()
                .filter(c -> have.column(c.name()) == null)
                .toList());
        Map<String, String> renamed = new LinkedHashMap<>();
        for (TableColumn gone : have.columns()) {
            if (want.column(gone.name()) != null) {
                continue;
            }
            added.stream().filter(c -> isRename(want, gone, c)).findFirst().ifPresent(target -> {
                added.remove(target);
                renamed.put(gone.name(), target.name());
            });
        }
        if (!renamed.isEmpty()) {
            columns.put(want.qualifiedName(), renamed);
        }
    }

    private boolean isRename(Table table, TableColumn from, TableColumn to) {
        String hint = options.columnRename(table.name(), from.name());
        if (hint != null) {
            return hint.equals(to.name());
        }
        if (!from.type().equals(to.type())) {
            return false;
        }
        if (options.decider().isRename("column", table.qualifiedName().toString(), from.name(), to.name())) {
            return true;
        }
        script.warn("Column " + table.qualifiedName() + "." + from.name() + " looks renamed to " + to.name()
                + ", but it is "
                + "written as DROP COLUMN plus ADD COLUMN, which loses its data. To rename it instead, run again with "
                + "-Dmigrate.renames=" + table.name() + "." + from.name() + "=" + to.name() + ".");
        return false;
    }

    /** The live table as it is after the renames: its name, its columns' names, and the names its parts use. */
    private Table renamed(Table t) {
        ObjectName name = newName(t.schema(), t.name());
        Map<String, String> own = columns.getOrDefault(name, Map.of());
        if (name.equals(t.qualifiedName())
                && own.isEmpty()
                && t.foreignKeys().stream().noneMatch(this::pointsAtRenamed)) {
            return t;
        }
        UnaryOperator<String> column = c -> own.getOrDefault(c, c);
        Table respelled = t.withExpressions(sql -> ColumnNames.renamedIn(sql, own));
        PrimaryKey pk = t.primaryKey();
        Partitioning partitioning = respelled.partitioning();
        return new Table(
                name.schema(),
                name.name(),
                respelled.columns().stream()
                        .map(c -> own.containsKey(c.name()) ? withName(c, own.get(c.name())) : c)
                        .toList(),
                pk == null ? null : pk.withColumns(mapped(pk.columns(), column)),
                t.foreignKeys().stream().map(fk -> renamed(fk, column)).toList(),
                t.uniqueConstraints().stream()
                        .map(u -> u.withColumns(mapped(u.columns(), column)))
                        .toList(),
                respelled.checkConstraints(),
                respelled.exclusionConstraints(),
                respelled.indexes().stream()
                        .map(i -> i.rewritten(i.keys(), mapped(i.includeColumns(), column), i.where(), i.definition()))
                        .toList(),
                t.comment(),
                partitioning == null
                        ? null
                        : new Partitioning(
                                ColumnNames.renamedIn(partitioning.key(), own),
                                mapped(partitioning.keyColumns(), column),
                                partitioning.keyHasExpressions(),
                                partitioning.partitions()),
                t.unlogged(),
                t.constraintComments(),
                t.indexComments());
    }

    private boolean pointsAtRenamed(ForeignKey fk) {
        ObjectName target = ObjectName.of(fk.referencedSchema(), fk.referencedTable());
        return tables.containsKey(target) || columns.containsKey(target);
    }

    private ForeignKey renamed(ForeignKey fk, UnaryOperator<String> column) {
        ObjectName target = newName(fk.referencedSchema(), fk.referencedTable());
        Map<String, String> theirs = columns.getOrDefault(target, Map.of());
        return fk.renamed(column, target, c -> theirs.getOrDefault(c, c));
    }

    private ColumnRef renamedRef(ColumnRef owner) {
        ObjectName table = newName(owner.schema(), owner.table());
        String column = columns.getOrDefault(table, Map.of()).getOrDefault(owner.column(), owner.column());
        return new ColumnRef(table.schema(), table.name(), column);
    }

    /**
     * The sequences that number a renamed table's or column's rows, renamed where the other side numbers the column
     * with a sequence of another name that the database does not have.
     */
    private DatabaseSchema withSerialSequencesRenamed(DatabaseSchema after, DatabaseSchema desired) {
        SerialColumns serials = new SerialColumns(after, desired);
        Map<ObjectName, Table> tablesAfter = new LinkedHashMap<>(after.tables());
        Map<ObjectName, Sequence> sequences = new LinkedHashMap<>(after.sequences());
        Set<ObjectName> renamedTables = new LinkedHashSet<>(tables.values());
        renamedTables.addAll(columns.keySet());
        for (ObjectName table : renamedTables) {
            Table have = tablesAfter.get(table);
            Table want = desired.tables().get(table);
            if (have == null || want == null) {
                continue;
            }
            for (TableColumn column : have.columns()) {
                TableColumn wanted = want.column(column.name());
                Sequence numbering = serials.live(have, column);
                Sequence wantedNumbering = wanted == null ? null : serials.desired(want, wanted);
                if (numbering == null
                        || wantedNumbering == null
                        || !numbering.schema().equals(wantedNumbering.schema())
                        || numbering.name().equals(wantedNumbering.name())
                        || sequences.containsKey(key(wantedNumbering))) {
                    continue;
                }
                String from = Identifiers.quote(ops.name(numbering.schema(), numbering.name()));
                String to = Identifiers.quote(wantedNumbering.name());
                String back = Identifiers.quote(ops.name(numbering.schema(), wantedNumbering.name()));
                script.renamed(
                        table,
                        Change.of(
                                Description.renamed("sequence " + key(numbering), wantedNumbering.name()),
                                new SqlOp.Execute(
                                        "ALTER SEQUENCE " + from + " RENAME TO " + to,
                                        "ALTER SEQUENCE " + back + " RENAME TO "
                                                + Identifiers.quote(numbering.name()))));
                sequences.remove(key(numbering));
                sequences.put(key(wantedNumbering), sequence(numbering, wantedNumbering.name(), numbering.ownedBy()));
                String literal = "'" + numbering.name() + "'";
                String qualified = "." + numbering.name() + "'";
                tablesAfter.put(
                        table,
                        have.withColumns(have.columns().stream()
                                .map(c -> !c.name().equals(column.name()) || c.defaultExpression() == null
                                        ? c
                                        : withDefault(
                                                c,
                                                c.defaultExpression()
                                                        .replace(literal, "'" + wantedNumbering.name() + "'")
                                                        .replace(qualified, "." + wantedNumbering.name() + "'")))
                                .toList()));
                have = tablesAfter.get(table);
            }
        }
        return new DatabaseSchema(tablesAfter, sequences, after.enumTypes(), after.objects(), after.distribution());
    }

    private static List<String> mapped(List<String> names, UnaryOperator<String> rename) {
        return names.stream().map(rename).toList();
    }

    private static TableColumn withName(TableColumn c, String name) {
        return new TableColumn(
                name,
                c.type(),
                c.nullable(),
                c.defaultExpression(),
                c.identity(),
                c.generated(),
                c.collation(),
                c.comment());
    }

    private static TableColumn withDefault(TableColumn c, @Nullable String defaultExpression) {
        return new TableColumn(
                c.name(),
                c.type(),
                c.nullable(),
                defaultExpression,
                c.identity(),
                c.generated(),
                c.collation(),
                c.comment());
    }

    private static ObjectName key(Sequence s) {
        return ObjectName.of(s.schema(), s.name());
    }

    private static Sequence sequence(Sequence s, String name, @Nullable ColumnRef ownedBy) {
        return new Sequence(
                s.schema(),
                name,
                s.dataType(),
                s.start(),
                s.increment(),
                s.min(),
                s.max(),
                s.cache(),
                s.cycle(),
                ownedBy,
                s.inUse());
    }
}
