package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.junit.MigrationDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the tests before this one left on the server: their databases and connections should be gone. */
final class Leftovers {
    private Leftovers() {}

    static void assertNoneBut(MigrationDatabase db, Connection c) throws SQLException {
        assertEquals(List.of(db.name()),
                rows(c, "SELECT datname FROM pg_database WHERE datname LIKE 'migrate_test_%'"),
                "the databases of earlier tests are dropped");
        assertEquals(List.of(),
                rows(c, "SELECT datname FROM pg_stat_activity WHERE datname LIKE 'migrate_test_%' AND datname <> '"
                        + db.name() + "'"),
                "no connection to an earlier test's database is left");
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
