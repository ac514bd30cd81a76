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

/**
 * Puts a few rows in every table once it exists, so that what the next migrations do to it is what
 * they do to a table with data: a scan, a rewrite, a check that fails on existing rows. Each column
 * without a default gets a value of its type that differs from row to row (a foreign key takes its
 * parent's rows); a table that refuses them (a check, a type with no sample) stays empty.
 */
final class SampleRows {
    static final int ROWS = 3;

    private static final String TABLES = "SELECT c.oid, n.nspname, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
            + " AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_' ORDER BY c.oid";
    private static final String COLUMNS = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typcategory,"
            + " t.typname, a.attnotnull, (SELECT format('(SELECT %I FROM %s ORDER BY 1 LIMIT 1 OFFSET g.i - 1)',"
            + " ra.attname, con.confrelid::regclass) FROM pg_constraint con JOIN pg_attribute ra"
            + " ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1] WHERE con.conrelid = a.attrelid"
            + " AND con.contype = 'f' AND con.conkey = ARRAY[a.attnum] LIMIT 1)"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = ? AND a.attnum > 0"
            + " AND NOT a.attisdropped AND NOT a.atthasdef AND a.attidentity = '' AND a.attgenerated = ''"
            + " ORDER BY a.attnum";

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
    void fill(Connection connection, boolean inTransaction, CatalogSnapshot known) throws SQLException {
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
        List<Long> refused = new ArrayList<>();
        for (Map.Entry<Long, String> table : created.entrySet()) {
            if (!insert(connection, table.getKey(), table.getValue(), inTransaction)) {
                refused.add(table.getKey());
            }
        }
        for (Long oid : refused) {
            insert(connection, oid, created.get(oid), inTransaction);
        }
    }

    private boolean insert(Connection connection, long table, String name, boolean inTransaction) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setLong(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String parent = rs.getString(6);
                    String value = parent != null ? parent : sample(rs.getString(2), rs.getString(3), rs.getString(4));
                    if (value != null) {
                        columns.add(Identifiers.quote(rs.getString(1)));
                        values.add(value);
                    } else if (rs.getBoolean(5)) {
                        return false; // a required column with no sample value
                    }
                }
            }
        }
        String sql = "INSERT INTO " + name + (columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")")
                + " SELECT " + String.join(", ", values) + " FROM generate_series(1, " + ROWS + ") AS g(i)";
        try (Statement s = connection.createStatement()) {
            if (inTransaction) {
                s.execute("SAVEPOINT migrate_lint_rows");
            }
            try {
                s.execute(sql);
            } catch (SQLException refused) {
                if (inTransaction) {
                    s.execute("ROLLBACK TO SAVEPOINT migrate_lint_rows");
                }
                return false;
            }
            if (inTransaction) {
                s.execute("RELEASE SAVEPOINT migrate_lint_rows");
            }
        }
        return true;
    }

    /** A value of {@code type} for row {@code g.i}, or null when there is none to offer. */
    private static String sample(String type, String category, String typeName) {
        String value = switch (category) {
            case "N" -> "g.i";
            case "S" -> "g.i::text";
            case "B" -> "g.i % 2 = 0";
            case "T" -> "g.i * INTERVAL '1 day'";
            case "E" -> "(enum_range(NULL::" + type + "))[1]";
            case "A" -> "'{}'";
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
                    case "json", "jsonb" -> "'{}'";
                    case "bytea" -> "decode('00', 'hex')";
                    default -> null;
                };
            default -> null;
        };
        return value == null ? null : "CAST(" + value + " AS " + type + ")";
    }
}
