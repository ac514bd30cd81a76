package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A test's database compared with the schema its chain builds at the revision it is at, as migrate:drift compares one. */
@MigrationChain(packages = "fixtures.shop.migrations")
class NoDriftTest {

    @Test
    @MigrateTo("20261120_093000")
    void aDatabaseAsItsMigrationsLeftItHasNoDrift(MigrationDatabase database) {
        database.assertNoDrift();
        database.upgrade("head");
        database.assertNoDrift();
    }

    @Test
    @MigrateTo("head")
    void whatCodeUnderTestChangedByHandIsNamed(MigrationDatabase database, Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE scratch_notes (id integer)");
            s.execute("CREATE INDEX ix_customers_email_by_hand ON customers (email)");
        }

        assertThatThrownBy(database::assertNoDrift)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith(
                        database + " has drifted from the schema of revision 20261122_101500 in 2 ways:")
                .hasMessageContaining("public.scratch_notes")
                .hasMessageContaining("ix_customers_email_by_hand")
                .hasMessageEndingWith(
                        "Change the schema through a migration, or find what in the test changed it by hand.");
    }
}
