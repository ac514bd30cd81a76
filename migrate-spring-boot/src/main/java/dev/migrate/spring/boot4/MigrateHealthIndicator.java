package dev.migrate.spring.boot4;

import dev.migrate.spring.MigrateStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code migrate} health on Spring Boot 4, the same as {@link dev.migrate.spring.MigrateHealthIndicator}'s on
 * Spring Boot 3: DOWN while the database (or a tenant of the fleet) is behind the application's head or has
 * drifted, OUT_OF_SERVICE during an expand phase when configured so, else UP; the reason in its details.
 *
 * <pre>{@code new dev.migrate.spring.boot4.MigrateHealthIndicator(status).health().getStatus()}</pre>
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
