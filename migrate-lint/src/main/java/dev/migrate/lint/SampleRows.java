package dev.migrate.lint;

import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Puts a few rows in every table once it exists, so that what the next migrations do to it is what
 * they do to a table with data: a scan, a rewrite, a check that fails on existing rows. Each column
 * without a default gets a value of its type that differs from row to row (a foreign key takes its
 * parent's rows, a column with a check the literals it names); the rows a table refuses (a check,
 * a unique index) are left out, and a table with a required column of a type with no sample stays
 * empty.
 */
final class SampleRows {
    static final int ROWS = 3;

    private static final String TABLES = "SELECT c.oid, n.nspname, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
            + " AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_' ORDER BY c.oid";
    /**
     * The columns to fill: name, type, category, type name, NOT NULL, the parent row's value for a
     * foreign key column (a subquery on {@code g.i}, the same parent row for every column of the key),
     * the element type, its category and name for an array, and the definitions of the checks on the
     * column alone.
     */
    private static final String COLUMNS = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typcategory,"
            + " t.typname, a.attnotnull,"
            + " (SELECT format('(SELECT %I FROM %s ORDER BY %s LIMIT 1 OFFSET (g.i - 1) %% greatest(1, (SELECT"
            + " count(*) FROM %2$s)))', ra.attname, con.confrelid::regclass, (SELECT string_agg(quote_ident(k.attname),"
            + " ', ' ORDER BY u.ord) FROM unnest(con.confkey) WITH ORDINALITY AS u(n, ord) JOIN pg_attribute k"
            + " ON k.attrelid = con.confrelid AND k.attnum = u.n)) FROM pg_constraint con JOIN pg_attribute ra"
            + " ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[array_position(con.conkey, a.attnum)]"
            + " WHERE con.conrelid = a.attrelid AND con.contype = 'f' AND a.attnum = ANY(con.conkey) LIMIT 1),"
            + " format_type(t.typelem, NULL), et.typcategory, et.typname,"
            + " ARRAY(SELECT pg_get_constraintdef(ck.oid) FROM pg_constraint ck WHERE ck.conrelid = a.attrelid"
            + " AND ck.contype = 'c' AND ck.conkey = ARRAY[a.attnum])"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type et ON et.oid = t.typelem"
            + " AND t.typcategory = 'A' WHERE a.attrelid = ? AND a.attnum > 0"
            + " AND NOT a.attisdropped AND NOT a.atthasdef AND a.attidentity = '' AND a.attgenerated = ''"
            + " ORDER BY a.attnum";
    /** A string literal in a check's definition, such as {@code 'active'::text}. */
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    private final Set<String> ownTables;
    private final Set<Long> seen = new HashSet<>();

    /** @param ownTables {@code schema.table} of the version tables, which stay untouched */
    SampleRows(Set<String> ownTables) {
        this.ownTables = ownTables;
    }

    /**
     * Fills the tables created since the last call; {@code inTransaction} guards each with a
     * savepoint. {@code known} is the catalog as last seen, when nothing has changed it unseen since;
     * null to read the tables from the server.
     */
    void fill(Connection connection, boolean inTransaction, @Nullable CatalogSnapshot known) throws SQLException {
        Map<Long, String> created = new LinkedHashMap<>();
        if (known != null) {
            for (CatalogSnapshot.Relation table : known.relations.values()) {
                if (table.isTable() && seen.add(table.oid()) && !ownTables.contains(table.qualified())) {
                    created.put(table.oid(), Identifiers.quote(table.schema()) + "." + Identifiers.quote(table.name()));
                }
            }
        } else {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(TABLES)) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    String qualified = rs.getString(2) + "." + rs.getString(3);
                    if (seen.add(oid) && !ownTables.contains(qualified)) {
                        created.put(oid, Identifiers.quote(rs.getString(2)) + "." + Identifiers.quote(rs.getString(3)));
                    }
                }
            }
        }
        // a child refused for want of parent rows gets a second try once its parent is filled
        List<Map.Entry<Long, String>> refused = new ArrayList<>();
        for (Map.Entry<Long, String> table : created.entrySet()) {
            if (!insert(connection, table.getKey(), table.getValue(), inTransaction)) {
                refused.add(table);
            }
        }
        for (Map.Entry<Long, String> table : refused) {
            insert(connection, table.getKey(), table.getValue(), inTransaction);
        }
    }

    /**
     * Removes every row of the tables in {@code catalog} but the version tables, a parent once its
     * children let go: what a statement that failed on them runs on next. Call it in a transaction.
     */
    void empty(Connection connection, CatalogSnapshot catalog) throws SQLException {
        List<String> left = new ArrayList<>();
        for (CatalogSnapshot.Relation table : catalog.relations.values()) {
            if (table.kind() == 'r' && !ownTables.contains(table.qualified())) {
                left.add(Identifiers.quote(table.schema()) + "." + Identifiers.quote(table.name()));
            }
        }
        // a parent refuses to lose rows that children still reference: each pass empties what it can
        boolean progress = true;
        try (Statement s = connection.createStatement()) {
            while (!left.isEmpty() && progress) {
                progress = false;
                for (String table : List.copyOf(left)) {
                    if (guarded(s, "DELETE FROM " + table, true)) {
                        left.remove(table);
                        progress = true;
                    }
                }
            }
        }
    }

    /**
     * Inserts the sample rows, all in one statement; when the table refuses them (a check, a unique
     * index, a foreign key), one by one with values the table's checks name, keeping the rows it takes.
     */
    private boolean insert(Connection connection, long table, String name, boolean inTransaction) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setLong(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String parent = rs.getString(6);
                    String type = rs.getString(2);
                    String value = parent != null
                            ? parent
                            : sample(
                                    type,
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9));
                    if (value != null) {
                        columns.add(Identifiers.quote(rs.getString(1)));
                        values.add(value);
                        checked.add(
                                parent != null
                                        ? value
                                        : named(type, (String[]) rs.getArray(10).getArray(), value));
                    } else if (rs.getBoolean(5)) {
                        return false; // a required column with no sample value
                    }
                }
            }
        }
        String into = "INSERT INTO " + name + (columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")");
        try (Statement s = connection.createStatement()) {
            if (guarded(
                    s,
                    into + " SELECT " + String.join(", ", values) + " FROM generate_series(1, " + ROWS + ") AS g(i)",
                    inTransaction)) {
                return true;
            }
            boolean any = false;
            for (int row = 1; row <= ROWS; row++) {
                String one = " FROM (VALUES (" + row + ")) AS g(i)";
                any |= guarded(s, into + " SELECT " + String.join(", ", values) + one, inTransaction)
                        || (!checked.equals(values)
                                && guarded(s, into + " SELECT " + String.join(", ", checked) + one, inTransaction));
            }
            return any;
        }
    }

    /** Runs {@code sql}, under a savepoint in a transaction; false when the server refuses it. */
    private static boolean guarded(Statement s, String sql, boolean inTransaction) throws SQLException {
        if (!inTransaction) {
            try {
                s.execute(sql);
                return true;
            } catch (SQLException refused) {
                return false;
            }
        }
        try {
            s.execute("SAVEPOINT migrate_lint_rows;\n" + sql + ";\nRELEASE SAVEPOINT migrate_lint_rows");
            return true;
        } catch (SQLException refused) {
            s.execute("ROLLBACK TO SAVEPOINT migrate_lint_rows;\nRELEASE SAVEPOINT migrate_lint_rows");
            return false;
        }
    }

    /**
     * For a column whose checks name string literals ({@code status IN ('active', 'closed')},
     * {@code email LIKE '%@%'}), those literals in turn, row by row; else {@code value}.
     */
    private static String named(String type, String[] checks, String value) {
        List<String> literals = new ArrayList<>();
        for (String check : checks) {
            Matcher m = LITERAL.matcher(check);
            while (m.find()) {
                literals.add("'" + m.group(1) + "'");
            }
        }
        if (literals.isEmpty()) {
            return value;
        }
        return "CAST((ARRAY[" + String.join(", ", literals) + "]::text[])[1 + (g.i - 1) % " + literals.size() + "] AS "
                + type + ")";
    }

    /**
     * A value of {@code type} for row {@code g.i}, different from row to row where the type allows, or
     * null when there is none to offer; an array holds one element of its element type.
     */
    private static @Nullable String sample(
            String type,
            String category,
            String typeName,
            @Nullable String element,
            @Nullable String elementCategory,
            @Nullable String elementName) {
        String value = switch (category) {
            case "N" -> "g.i";
            case "S" -> "g.i::text";
            case "B" -> "g.i % 2 = 0";
            case "T" -> "g.i * INTERVAL '1 day'";
            case "E" ->
                "(enum_range(NULL::" + type + "))[1 + (g.i - 1) % array_length(enum_range(NULL::" + type + "), 1)]";
            case "A" -> {
                String one = element == null || elementCategory == null || elementName == null
                        ? null
                        : sample(element, elementCategory, elementName, null, null, null);
                yield one == null ? "'{}'" : "ARRAY[" + one + "]";
            }
            case "I" -> "'10.0.0.' || g.i";
            case "D" ->
                switch (typeName) {
                    case "date" -> "DATE '2020-01-01' + g.i";
                    case "time", "timetz" -> "TIME '00:00' + g.i * INTERVAL '1 minute'";
                    default -> "TIMESTAMP '2020-01-01' + g.i * INTERVAL '1 day'";
                };
            case "U" ->
                switch (typeName) {
                    case "uuid" -> "md5(g.i::text)::uuid";
                    case "json", "jsonb" -> "json_build_object('row', g.i)";
                    case "bytea" -> "int4send(g.i)";
                    default -> null;
                };
            default -> null;
        };
        return value == null ? null : "CAST(" + value + " AS " + type + ")";
    }
}
