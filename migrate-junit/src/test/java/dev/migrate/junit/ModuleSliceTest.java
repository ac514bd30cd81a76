package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A slice test of one module, as Spring Modulith's {@code @ApplicationModuleTest} bootstraps one module and those it
 * depends on: the database has the module's tables and those of the modules it depends on, and nothing of an
 * unrelated module or of the application's own revisions. Four chains in {@code fixtures.modules}: customers,
 * billing on customers (both with a revision {@code 20261129_090000}), audit, and the application's own.
 */
@MigrationChain(packages = "fixtures.modules")
@MigrateTo(module = "billing")
class ModuleSliceTest {

    @Test
    void aSliceOfAModuleAppliesItAndTheModulesItDependsOn(Connection connection) throws SQLException {
        // invoices references customers: had billing run first, its CREATE TABLE would have failed
        assertThat(rows(
                        connection,
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                + " AND table_name NOT LIKE 'migrate_%' ORDER BY 1"))
                .containsExactly("customers", "invoices");
        assertThat(rows(
                        connection,
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'invoices'"
                                + " ORDER BY ordinal_position"))
                .containsExactly("id", "customer_id", "total");
    }

    @Test
    void theVersionTableShowsOnlyTheModulesOfTheSlice(MigrationDatabase database, Connection connection)
            throws SQLException {
        assertThat(rows(connection, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("billing.20261129_100000", "customers.20261129_090000");
        assertThat(rows(connection, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactly("customers.20261129_090000", "billing.20261129_090000", "billing.20261129_100000");
        assertThat(database.current())
                .containsExactlyInAnyOrder("billing.20261129_100000", "customers.20261129_090000");
    }

    @Test
    void theRestOfTheChainIsStillThereToUpgradeTo(MigrationDatabase database, Connection connection)
            throws SQLException {
        database.upgrade("heads");

        assertThat(rows(connection, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly(
                        "20261129_110000",
                        "audit.20261129_090000",
                        "billing.20261129_100000",
                        "customers.20261129_090000");
    }

    @Test
    @MigrateTo(value = "20261129_090000", module = "billing")
    void aSliceAtARevisionOfTheModuleHasTheHeadsOfItsDependencies(MigrationDatabase database, Connection connection)
            throws SQLException {
        assertThat(database.current())
                .containsExactlyInAnyOrder("billing.20261129_090000", "customers.20261129_090000");
        assertThat(rows(
                        connection,
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'invoices'"
                                + " ORDER BY ordinal_position"))
                .containsExactly("id", "customer_id");

        database.upgrade("billing.20261129_100000");

        assertThat(database.current())
                .containsExactlyInAnyOrder("billing.20261129_100000", "customers.20261129_090000");
    }

    @Test
    @MigrateTo(module = "customers")
    void aSliceOfAModuleThatDependsOnNoneHasItsOwnTablesOnly(Connection connection) throws SQLException {
        assertThat(rows(connection, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("customers.20261129_090000");
        assertThat(rows(
                        connection,
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                + " AND table_name NOT LIKE 'migrate_%' ORDER BY 1"))
                .containsExactly("customers");
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
