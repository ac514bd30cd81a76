package dev.migrate.quarkus;

import dev.migrate.command.DatabaseHealth;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@code migrate} ({@code /q/health/ready}): DOWN while a datasource the extension manages is
 * behind the application's head, or (with {@code quarkus.migrate.validate-drift}) has drifted from the schema of
 * head, or cannot be read; UP otherwise. Its data name each datasource's state and, when it is not UP, the reason.
 */
@Readiness
@ApplicationScoped
public class MigrateReadinessCheck implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("migrate").up();
        for (String dataSource : MigrateRecorder.managed()) {
            DatabaseHealth.Verdict verdict;
            try {
                verdict = MigrateDataSources.health(dataSource).check();
            } catch (RuntimeException e) {
                response.down()
                        .withData(dataSource, "DOWN")
                        .withData(dataSource + ".reason", String.valueOf(e.getMessage()));
                continue;
            }
            response.withData(dataSource, verdict.status());
            verdict.details().forEach((key, value) -> response.withData(dataSource + "." + key, String.valueOf(value)));
            if (!verdict.up()) {
                response.down();
            }
        }
        return response.build();
    }
}
