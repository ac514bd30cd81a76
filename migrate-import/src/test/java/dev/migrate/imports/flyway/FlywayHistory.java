package dev.migrate.imports.flyway;

import dev.migrate.imports.TestTools;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Real Flyway in its own loader, shared by the tests, and what it wrote in its history table. */
final class FlywayHistory {
    private FlywayHistory() {}

    /** One row of {@code flyway_schema_history}. */
    record Row(
            @Nullable String version,
            String description,
            String type,
            String script,
            @Nullable Integer checksum,
            boolean success) {}

    private static final class Holder {
        static final ToolLoader FLYWAY = TestTools.loader(OldTool.FLYWAY);
    }

    static ToolLoader flyway() {
        return Holder.FLYWAY;
    }

    /** A fresh database's name. */
    static String database(String prefix) {
        return TestPostgres.createDatabase(prefix);
    }

    static String url(String database) {
        return TestPostgres.jdbcUrl(database);
    }

    static List<Row> rows(String database, String table) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, description, type, script, checksum, success FROM "
                        + table + " ORDER BY installed_rank")) {
            while (rs.next()) {
                int checksum = rs.getInt(5);
                rows.add(new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.wasNull() ? null : checksum,
                        rs.getBoolean(6)));
            }
        }
        return rows;
    }

    static boolean tableExists(String database, String table) throws SQLException {
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
