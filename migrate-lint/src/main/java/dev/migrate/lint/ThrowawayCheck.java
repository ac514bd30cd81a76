package dev.migrate.lint;

import dev.migrate.MigrateException;
import dev.migrate.op.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, before anything runs, a database the lint did not start empty: one with a version table
 * in any schema, or any table, view or sequence of its own. Objects an extension installed (such as
 * PostGIS's {@code spatial_ref_sys}) belong to the server's setup, not to an application, and pass;
 * the sequence of a serial or identity column is named by its table.
 */
final class ThrowawayCheck {
    /** The version table's default name, looked for whatever the migrator is configured with. */
    private static final String DEFAULT_VERSION_TABLE = "migrate_version";

    /** How many of the objects found the message names. */
    private static final int NAMED = 5;

    private static final String QUERY = """
            SELECT n.nspname, c.relname, c.relkind, c.relname = ANY (?) AS version_table, count(*) OVER () AS total
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
              AND NOT EXISTS (
                SELECT 1 FROM pg_depend d
                WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
            ORDER BY c.relname = ANY (?) DESC, c.relkind = 'S', n.nspname, c.relname
            LIMIT\s""" + NAMED;

    private ThrowawayCheck() {}

    /**
     * Fails with a {@link LintRefusedException} unless {@code database} holds nothing the lint could
     * harm.
     *
     * @param versionTable the migrator's version table, looked for in every schema by its name
     */
    static void requireEmpty(DataSource database, QualifiedName versionTable) {
        Set<String> versionTables = new LinkedHashSet<>();
        versionTables.add(DEFAULT_VERSION_TABLE);
        versionTables.add(versionTable.name());
        try (Connection c = database.getConnection()) {
            c.setReadOnly(true);
            List<String> found = new ArrayList<>();
            String foundVersionTable = null;
            long total = 0;
            try (PreparedStatement s = c.prepareStatement(QUERY)) {
                Array names = c.createArrayOf("text", versionTables.toArray());
                s.setArray(1, names);
                s.setArray(2, names);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1) + "." + rs.getString(2);
                        total = rs.getLong(5);
                        if (rs.getBoolean(4) && foundVersionTable == null) {
                            foundVersionTable = name;
                        } else {
                            found.add(kind(rs.getString(3)) + " " + name);
                        }
                    }
                }
            }
            if (total > 0) {
                throw new LintRefusedException(message(where(c), foundVersionTable, found, total));
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not check that the lint's database is an empty one made for it: " + e.getMessage(), e);
        }
    }

    private static String message(String database, @Nullable String versionTable, List<String> found, long total) {
        StringBuilder holds = new StringBuilder();
        if (versionTable != null) {
            holds.append("the version table ").append(versionTable);
        }
        long others = total - (versionTable == null ? 0 : 1);
        if (others > 0) {
            holds.append(versionTable == null ? "" : " and ")
                    .append(others)
                    .append(versionTable == null ? "" : " other")
                    .append(others == 1 ? " table, view or sequence (" : " tables, views or sequences (")
                    .append(String.join(", ", found))
                    .append(others > found.size() ? ", ..." : "")
                    .append(")");
        }
        return "The lint refuses the database " + database + ": it holds " + holds
                + ", and the lint writes sample rows into every table and deletes them again, so it runs only on"
                + " a database it starts empty. Lint on a throwaway server: mvn migrate:lint with no URL starts one"
                + " (with a URL it only reads which migrations are pending there and how large the tables are);"
                + " or give the lint an empty database made for it.";
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "v" -> "view";
            case "m" -> "materialized view";
            case "S" -> "sequence";
            case "f" -> "foreign table";
            default -> "table";
        };
    }

    /** Host, port and database, from the connection's URL without its parameters (a password may be one). */
    static String where(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        if (url == null) {
            return "(unknown)";
        }
        String plain = url.replaceFirst("^jdbc:postgresql:", "").replaceFirst("^//", "");
        int parameters = plain.indexOf('?');
        return parameters < 0 ? plain : plain.substring(0, parameters);
    }
}
