package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A data migration tested as a project would: rows loaded at the revision before it, then upgraded. */
@MigrationChain(packages = "fixtures.shop.migrations")
@MigrateTo("20261120_093000")
class MigrateToTest {

    @Test
    void theStatusMigrationMakesPartnersOfThePartnerDomain(MigrationDatabase database, Connection connection)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO customers (email) VALUES ('ada@partner.example'), ('bob@example.com')");
        }

        database.upgrade("20261122_101500");

        assertThat(statuses(connection))
                .containsExactly(Map.entry("ada@partner.example", "partner"), Map.entry("bob@example.com", "active"));
        assertThat(database.current()).containsExactly("20261122_101500");
    }

    @Test
    void theClassRevisionIsWhereEachTestStarts(MigrationDatabase database, DataSource dataSource) throws SQLException {
        assertThat(database.current()).containsExactly("20261120_093000");
        try (Connection c = dataSource.getConnection()) {
            assertThat(columns(c)).containsExactly("id", "email");
        }
    }

    @Test
    @MigrateTo("head")
    void aMethodRevisionWinsOverTheClassRevision(MigrationDatabase database, Connection connection)
            throws SQLException {
        assertThat(database.current()).containsExactly("20261122_101500");
        assertThat(columns(connection)).containsExactly("id", "email", "status");

        database.downgrade("base");

        assertThat(database.current()).isEmpty();
        assertThat(columns(connection)).isEmpty();
    }

    @Test
    void everyTestHasADatabaseOfItsOwn(MigrationDatabase database, Connection connection) throws SQLException {
        // rows the first test inserted are not here
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM customers")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(database.name());
        }
    }

    private static Map<String, String> statuses(Connection c) throws SQLException {
        Map<String, String> statuses = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT email, status FROM customers ORDER BY email")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getString(2));
            }
        }
        return statuses;
    }

    private static java.util.List<String> columns(Connection c) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND table_name = 'customers' ORDER BY ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
