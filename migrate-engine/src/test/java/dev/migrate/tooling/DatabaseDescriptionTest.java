package dev.migrate.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.testing.TestPostgres;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
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

    /** A DataSource of no known kind, as a pool is to the engine; without a delegate, it cannot connect. */
    private record Opaque(@Nullable DataSource delegate) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            DataSource server = delegate;
            if (server == null) {
                throw new SQLException("no server", "08001");
            }
            return server.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public @Nullable PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
