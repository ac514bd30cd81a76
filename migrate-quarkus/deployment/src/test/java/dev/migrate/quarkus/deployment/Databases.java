package dev.migrate.quarkus.deployment;

import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tests' databases: each a fresh one on the embedded server the engine's tests start. Quarkus's test framework
 * initializes a test class twice, in the test's class loader and in the application's, so each URL is kept in a
 * system property that the second initialization reads instead of creating another database (and server).
 */
final class Databases {
    private Databases() {}

    /** The JDBC URL of a fresh, empty database (user {@code postgres}, no password). */
    static synchronized String fresh(String prefix) {
        String key = "migrate.quarkus.test.database." + prefix;
        String url = System.getProperty(key);
        if (url == null) {
            url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + TestPostgres.createDatabase(prefix);
            System.setProperty(key, url);
        }
        return url;
    }

    /** The first column of the first row {@code sql} returns on the database of {@code url}, as text. */
    static String query(String url, String sql) {
        try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? String.valueOf(rows.getString(1)) : "";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
