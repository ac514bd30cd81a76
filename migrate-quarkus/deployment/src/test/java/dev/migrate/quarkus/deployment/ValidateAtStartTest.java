package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.quarkus.deployment.fixtures.first.Q1CreateThings;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quarkus.migrate.validate-at-start} on a database behind head: the application does not start, and says how
 * to bring the database to head in its own words.
 */
class ValidateAtStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Databases.class, Q1CreateThings.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", Databases.fresh("quarkus_validate"))
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.validate-at-start", "true")
            .overrideConfigKey("quarkus.migrate.validate.wait-timeout", "0s")
            .overrideConfigKey("quarkus.migrate.packages", "dev.migrate.quarkus.deployment.fixtures.first")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause.getCause() != null && !cause.getClass().getName().startsWith("dev.migrate")) {
                    cause = cause.getCause();
                }
                assertThat(cause.getClass().getName()).isEqualTo("dev.migrate.NotAtHeadException");
                // the way out as the application takes it, not the Java API's, which the extension calls itself
                assertThat(cause.getMessage())
                        .contains("q1")
                        .contains("Run mvn migrate:upgrade (or set quarkus.migrate.migrate-at-start=true, and the"
                                + " application upgrades its database as it starts) first.")
                        .doesNotContain("Migrator.upgrade");
            });

    @Test
    void startupFailsBehindHead() {
        // the extension's assertion above: the application never started
    }
}
