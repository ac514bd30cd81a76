package dev.migrate.quarkus;

import dev.migrate.MigrationListener;
import dev.migrate.observability.MicrometerListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * The meters of the migrations, on the application's registry: a bean only when the application has Micrometer.
 * Quarkus attaches the application's registries (Prometheus's, its own beans) to its root registry at the end of
 * startup, after the migrations at startup ran: their events wait for it, then are recorded as they happened.
 */
@Singleton
public class MicrometerListenerProducer {
    private @Nullable UntilStarted meters;

    /** The listener every migrator hears, as it hears every {@code MigrationListener} bean. */
    @Produces
    @Singleton
    MigrationListener migrateMicrometerListener(MeterRegistry registry) {
        UntilStarted listener = new UntilStarted(new MicrometerListener(registry));
        meters = listener;
        return listener;
    }

    /** Once the application has started, the registries are attached: the events that waited are recorded. */
    void started(@Observes StartupEvent event) {
        UntilStarted listener = meters;
        if (listener != null) {
            listener.start();
        }
    }
}
