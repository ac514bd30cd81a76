package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.quarkus.deployment.fixtures.first.Q1CreateThings;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quarkus.migrate.validate-at-start} on a database behind head: the application does not start. */
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
                assertThat(cause.getMessage()).contains("q1");
            });

    @Test
    void startupFailsBehindHead() {
        // the extension's assertion above: the application never started
    }
}
