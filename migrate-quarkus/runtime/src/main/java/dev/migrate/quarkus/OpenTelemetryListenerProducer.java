package dev.migrate.quarkus;

import dev.migrate.observability.OpenTelemetryListener;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The spans of the migrations, on the application's OpenTelemetry: a bean only when the application has it. */
@Singleton
public class OpenTelemetryListenerProducer {
    /** The listener every migrator hears, as it hears every {@code MigrationListener} bean. */
    @Produces
    @Singleton
    OpenTelemetryListener migrateOpenTelemetryListener(OpenTelemetry openTelemetry) {
        return new OpenTelemetryListener(openTelemetry);
    }
}
