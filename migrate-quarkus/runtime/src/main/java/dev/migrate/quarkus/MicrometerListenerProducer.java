package dev.migrate.quarkus;

import dev.migrate.observability.MicrometerListener;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The meters of the migrations, on the application's registry: a bean only when the application has Micrometer. */
@Singleton
public class MicrometerListenerProducer {
    /** The listener every migrator hears, as it hears every {@code MigrationListener} bean. */
    @Produces
    @Singleton
    MicrometerListener migrateMicrometerListener(MeterRegistry registry) {
        return new MicrometerListener(registry);
    }
}
