package dev.migrate.catalog.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema holds that a baseline written from it does not give back as it is, named for the baseline's
 * warnings with what to write instead:
 * <ul>
 *   <li>on PostgreSQL 18, a {@code NOT NULL} constraint whose name is not the one PostgreSQL makes up ({@code
 *       CONSTRAINT id_required NOT NULL}, or a name kept from before its table or column was renamed): the
 *       baseline's column is {@code NOT NULL}, named {@code orders_id_not_null};</li>
 *   <li>an index made {@code ON ONLY} a partitioned table and not attached to every partition, so still invalid:
 *       the baseline builds it on every partition, valid.</li>
 * </ul>
 * Two queries; nothing is written.
 */
public final class UncarriedShapes {
    private static final String NOT_NULL_NAMES = """
            SELECT n.nspname, c.relname, a.attname, k.conname
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            WHERE k.contype = 'n' AND n.nspname = ANY (?::text[]) AND NOT c.relispartition AND k.conislocal
            ORDER BY n.nspname, c.relname, a.attnum
            """;

    private static final String INVALID_PARTITIONED_INDEXES = """
            SELECT format('the index %I on %I.%I, made ON ONLY the partitioned table and not attached to every'
                          || ' partition (invalid), which comes back built on every partition and valid', x.relname,
                          n.nspname, t.relname)
            FROM pg_index i
            JOIN pg_class x ON x.oid = i.indexrelid
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE x.relkind = 'I' AND NOT i.indisvalid AND n.nspname = ANY (?::text[])
            ORDER BY n.nspname, t.relname, x.relname
            """;

    private UncarriedShapes() {}

    /** Each such shape of {@code schemas} on {@code c}, described with its fix. */
    public static List<String> in(Connection c, List<String> schemas) throws SQLException {
        List<String> found = new ArrayList<>();
        if (schemas.isEmpty()) {
            return found;
        }
        Array names = c.createArrayOf("text", schemas.toArray());
        try {
            if (c.getMetaData().getDatabaseMajorVersion() >= 18) {
                found.addAll(notNullNames(c, names));
            }
            found.addAll(lines(c, INVALID_PARTITIONED_INDEXES, names));
        } finally {
            names.free();
        }
        return found;
    }

    /** The {@code NOT NULL} constraints whose name is not the one PostgreSQL makes up for their column. */
    private static List<String> notNullNames(Connection c, Array names) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(NOT_NULL_NAMES)) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1) + "." + rs.getString(2);
                    String made = madeUp(rs.getString(2), rs.getString(3), "not_null");
                    String name = rs.getString(4);
                    if (!name.equals(made)) {
                        lines.add("the NOT NULL constraint " + name + " on " + table + " (" + rs.getString(3)
                                + "), which comes back named " + made + "; give it its name at the end of upgrade():"
                                + " op.execute(\"ALTER TABLE " + table + " RENAME CONSTRAINT " + made + " TO " + name
                                + "\")");
                    }
                }
            }
        }
        return lines;
    }

    /**
     * The name PostgreSQL makes up for a constraint ({@code makeObjectName}): {@code table_column_label}, the
     * longer of the two names cut first until it fits in 63 bytes.
     */
    static String madeUp(String table, String column, String label) {
        int room = 63 - label.length() - 2;
        int tableChars = table.length();
        int columnChars = column.length();
        while (tableChars + columnChars > room) {
            if (tableChars > columnChars) {
                tableChars--;
            } else {
                columnChars--;
            }
        }
        return table.substring(0, tableChars) + "_" + column.substring(0, columnChars) + "_" + label;
    }

    private static List<String> lines(Connection c, String query, Array names) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }
}
