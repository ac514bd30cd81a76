package dev.migrate.catalog.diff;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows a JPA provider's DDL inserts into the tables it creates: Hibernate seeds each
 * {@code @TableGenerator} (and the default table of {@code GenerationType.TABLE}) with
 * {@code insert into id_generators(gen_name, gen_value) values ('tag',0)}. Such a row is part of
 * the model: a migration inserts it when the database lacks it (the downgrade deletes it), and once
 * there it is no difference, whoever wrote it.
 *
 * <p>A row is matched on its table's primary key, since the other values are the application's once
 * it runs (the generator's counter moves on). In a table without a primary key (a single-row table
 * standing in for a sequence), any row counts as the seed row.
 */
public final class SeedRows {
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern INSERT = Pattern.compile("(?is)\\s*insert\\s+into\\s+(" + NAME + "(?:\\s*\\.\\s*"
            + NAME + ")?)\\s*(?:\\(([^)]*)\\))?\\s*values\\s*(.+?)\\s*;?\\s*");

    /** One row the DDL seeds: the table as the statement names it, its columns and their values as SQL literals. */
    record Row(String sql, String table, List<String> columns, List<String> values) {}

    private SeedRows() {}

    /** Whether the statement only inserts rows, which builds nothing a catalog comparison could see. */
    public static boolean isSeedRow(String sql) {
        return INSERT.matcher(sql).matches();
    }

    /**
     * The change that adds each seed row of {@code entityDdl} the database on {@code live} lacks,
     * or, for a row of a table the entities do not create, one that says it is not handled.
     *
     * @param live a connection whose search path starts with the managed schema, as the DDL's names resolve
     * @param schema the managed schema, where unqualified names live
     * @param desired the entity side, which holds the primary keys of the seeded tables
     */
    static List<Change> missing(Connection live, List<String> entityDdl, String schema, DatabaseSchema desired)
            throws SQLException {
        List<Change> changes = new ArrayList<>();
        for (String sql : entityDdl) {
            Matcher m = INSERT.matcher(sql);
            if (!m.matches()) {
                continue;
            }
            String table = m.group(1).replaceAll("\\s+", "");
            Optional<Table> model = Optional.ofNullable(desired.tables().get(objectName(table, schema)));
            if (model.isEmpty()) {
                changes.add(new Change(
                        Description.notMigrated(
                                "the seed row \"" + sql.strip() + "\"",
                                "is for table " + table
                                        + ", which the entities (or schema files, or DDL) do not create"),
                        List.of(),
                        List.of("Write it in a migration by hand (op.execute(...)) if the table is yours.")));
                continue;
            }
            List<String> columns = m.group(2) == null
                    ? model.get().columns().stream().map(TableColumn::name).toList()
                    : split(m.group(2)).stream().map(SeedRows::unquote).toList();
            List<List<String>> tuples = tuples(m.group(3));
            for (List<String> values : tuples) {
                String rowSql = tuples.size() == 1 ? sql.strip() : insert(table, m.group(2), values);
                Row row = new Row(rowSql, table, columns, values);
                String key = key(row, model.get());
                if (!present(live, row, key)) {
                    changes.add(Change.of(
                            Description.added("row " + (key.isEmpty() ? "" : key + " ") + "of table " + table),
                            new SqlOp.Execute(
                                    row.sql(), "delete from " + table + (key.isEmpty() ? "" : " where " + key))));
                }
            }
        }
        return changes;
    }

    /** {@code col = value and ...} over the primary key columns; empty when the table has none among the row's. */
    private static String key(Row row, Table table) {
        if (table.primaryKey() == null
                || !row.columns().containsAll(table.primaryKey().columns())) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String column : table.primaryKey().columns()) {
            parts.add(Identifiers.quote(column) + " = "
                    + row.values().get(row.columns().indexOf(column)));
        }
        return String.join(" and ", parts);
    }

    private static boolean present(Connection live, Row row, String key) throws SQLException {
        try (PreparedStatement exists = live.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, row.table());
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (Statement s = live.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT EXISTS (SELECT FROM " + row.table() + (key.isEmpty() ? "" : " WHERE " + key) + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static ObjectName objectName(String table, String schema) {
        List<String> parts = split(table, ".");
        return parts.size() == 2
                ? ObjectName.of(unquote(parts.get(0)), unquote(parts.get(1)))
                : ObjectName.of(schema, unquote(parts.get(0)));
    }

    private static String insert(String table, String columns, List<String> values) {
        return "insert into " + table + (columns == null ? "" : "(" + columns.strip() + ")") + " values ("
                + String.join(", ", values) + ")";
    }

    /** {@code (a, b), (c, d)} as its tuples of literals. */
    private static List<List<String>> tuples(String text) {
        List<List<String>> tuples = new ArrayList<>();
        for (String tuple : split(text)) {
            String t = tuple.strip();
            tuples.add(split(t.substring(1, t.length() - 1)));
        }
        return tuples;
    }

    private static List<String> split(String text) {
        return split(text, ",");
    }

    /** The parts of a list, leaving separators inside literals, quoted names and brackets alone. */
    private static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (SqlToken token : SqlLexer.tokens(text)) {
            if (token.is("(") || token.is("[")) {
                depth++;
            } else if (token.is(")") || token.is("]")) {
                depth--;
            } else if (depth == 0 && token.is(separator)) {
                parts.add(text.substring(start, token.start()).strip());
                start = token.end();
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** A name as PostgreSQL stores it: quoted as written, unquoted folded to lower case. */
    private static String unquote(String name) {
        String n = name.strip();
        return n.startsWith("\"") && n.endsWith("\"") && n.length() >= 2
                ? n.substring(1, n.length() - 1).replace("\"\"", "\"")
                : n.toLowerCase(Locale.ROOT);
    }
}
