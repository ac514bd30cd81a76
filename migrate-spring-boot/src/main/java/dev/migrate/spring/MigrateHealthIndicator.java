package dev.migrate.spring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code migrate} health: DOWN while the database (or a tenant of the fleet) is behind the application's
 * head or has drifted from the schema of head (migrate.validate-drift), OUT_OF_SERVICE while an online revision
 * is in its expand phase when {@code migrate.health.out-of-service-during-expand=true}, else UP; the reason in
 * its details. A database that cannot be read is DOWN with migrate's message, which never holds a password.
 *
 * <pre>{@code new MigrateHealthIndicator(status).health().getStatus()}</pre>
 */
public class MigrateHealthIndicator implements HealthIndicator {
    private final MigrateStatus status;

    /** The health of {@code status}'s database: {@code new MigrateHealthIndicator(status)}. */
    public MigrateHealthIndicator(MigrateStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        MigrateStatus.Health health;
        try {
            health = status.health();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("reason", String.valueOf(e.getMessage()))
                    .build();
        }
        return Health.status(new Status(health.status()))
                .withDetails(health.details())
                .build();
    }
}
