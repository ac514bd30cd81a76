package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.CurrentRevision;
import dev.migrate.Migrator;
import dev.migrate.quarkus.deployment.fixtures.first.Q1CreateThings;
import dev.migrate.quarkus.deployment.fixtures.first.Q2SeedThings;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PostgreSQL datasource with no URL, in test mode, where Quarkus's Dev Services start no container (off here, as
 * on a machine without a container runtime): the application runs on the embedded server, which it migrates at
 * start.
 */
class EmbeddedDevDatabaseTest {
    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Q1CreateThings.class, Q2SeedThings.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.migrate-at-start", "true")
            .overrideConfigKey("quarkus.migrate.packages", "dev.migrate.quarkus.deployment.fixtures.first")
            .overrideConfigKey("things.first", "embedded");

    @Inject
    Migrator migrator;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theApplicationRunsOnTheEmbeddedServer() throws SQLException {
        assertThat(migrator.current()).extracting(CurrentRevision::id).containsExactly("q2");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:postgresql://localhost:");
            assertThat(connection.getMetaData().getUserName()).isEqualTo("postgres");
        }
    }
}
