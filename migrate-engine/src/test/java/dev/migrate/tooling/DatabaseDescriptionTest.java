package dev.migrate.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.testing.StubDataSource;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The server an operator is shown ({@code /actuator/migrate}, the health): a DataSource that does not say where it
 * connects, as a pool does, is asked through a connection, never shown as "the configured DataSource".
 */
class DatabaseDescriptionTest {
    @Test
    void aDataSourceThatDoesNotSayWhereItConnectsIsAskedThroughAConnection() {
        String database = TestPostgres.createDatabase("described");
        Migrator migrator = Migrator.builder()
                .packages("dev.migrate.internal.runtime.injected")
                .dataSource(new Opaque(TestPostgres.dataSource(database)))
                .build();
        assertThat(MigratorTools.of(migrator).databaseDescription())
                .isEqualTo("PostgreSQL at localhost:" + TestPostgres.port() + ", database " + database
                        + ", user postgres");
    }

    @Test
    void oneThatCannotConnectIsNamedAsConfigured() {
        Migrator migrator = Migrator.builder()
                .packages("dev.migrate.internal.runtime.injected")
                .dataSource(new Opaque(null))
                .build();
        assertThat(MigratorTools.of(migrator).databaseDescription()).isEqualTo("the configured DataSource");
    }

    /** A DataSource of no known kind, as a pool is to the engine; without a server, it cannot connect. */
    private static final class Opaque extends StubDataSource {
        private final @Nullable DataSource server;

        Opaque(@Nullable DataSource server) {
            this.server = server;
        }

        @Override
        public Connection getConnection() throws SQLException {
            DataSource to = server;
            if (to == null) {
                throw new SQLException("no server", "08001");
            }
            return to.getConnection();
        }
    }
}
