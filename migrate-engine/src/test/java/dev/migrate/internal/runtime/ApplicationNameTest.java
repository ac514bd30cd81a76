package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.connection.DatabaseUrl;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A connection the engine opens from a URL (the Java API's {@code url(...)}, the fleet's databases) is named
 * {@code migrate} in {@code pg_stat_activity}, as the faces' connections are, so an operator sees who holds a lock;
 * a URL that names the application itself keeps its name.
 */
class ApplicationNameTest {
    @Test
    void aConnectionFromAUrlIsNamedMigrateUnlessTheUrlNamesItself() throws SQLException {
        TestPostgres.freshDatabase("appname");
        String url = TestPostgres.jdbcUrl("postgres");
        assertThat(applicationName(url)).isEqualTo("migrate");
        assertThat(applicationName(url + "&ApplicationName=billing-migrations")).isEqualTo("billing-migrations");
    }

    private static String applicationName(String url) throws SQLException {
        ConnectionSource source = ConnectionSource.of(DatabaseUrl.parse(url, "the test"), "postgres", null, "the test");
        try (Connection c = source.open();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW application_name")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
