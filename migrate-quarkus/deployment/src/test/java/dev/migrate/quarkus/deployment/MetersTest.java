package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.observability.MicrometerListener;
import dev.migrate.quarkus.deployment.fixtures.first.Q1CreateThings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application with Micrometer: the run at startup (which happens before Quarkus attaches the application's
 * registries to its root one) and a later run of its migrator are measured on the application's registry.
 */
class MetersTest {
    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Databases.class, Q1CreateThings.class, Registry.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", Databases.fresh("quarkus_meters"))
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.migrate-at-start", "true")
            .overrideConfigKey("quarkus.migrate.packages", "dev.migrate.quarkus.deployment.fixtures.first");

    @Inject
    SimpleMeterRegistry registry;

    @Inject
    Migrator migrator;

    @Test
    void eachStepAndTheRunAreTimed() {
        assertThat(registry.find(MicrometerListener.STEP_DURATION)
                        .tag("direction", "upgrade")
                        .timers())
                .singleElement()
                .satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
        migrator.downgrade("base");
        assertThat(registry.find(MicrometerListener.STEP_DURATION)
                        .tag("direction", "downgrade")
                        .timers())
                .singleElement()
                .satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
        assertThat(registry.find(MicrometerListener.RUN_DURATION)
                        .tag("direction", "downgrade")
                        .timers())
                .isNotEmpty();
    }

    /** A registry that keeps what it measures, as a real backend would, added to Quarkus's own. */
    static class Registry {
        @Produces
        @Singleton
        SimpleMeterRegistry simple() {
            return new SimpleMeterRegistry();
        }
    }
}
