package dev.migrate.maven;

import dev.migrate.command.DatabaseList;
import dev.migrate.command.FleetSettings;
import dev.migrate.command.database.ConnectionResolver;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fleet a goal's {@code tenants} and {@code databases} parameters give, and how it runs on it.
 *
 * @param tenants a schema per tenant: names, LIKE patterns or {@code query:} and SQL; or null
 * @param databases a database per tenant: URLs, or {@code @} and a file; or null
 * @param parallel how many tenants run at once, or null for the default
 * @param failFast whether to stop starting tenants after the first one fails
 * @param canary how many tenants run first, the others only when all of them succeeded
 */
record FleetOptions(
        @Nullable String tenants,
        @Nullable Secret databases,
        @Nullable Integer parallel,
        boolean failFast,
        int canary) {

    /** The fleet of {@code tenants} and {@code databases} alone, for the goals that only read each tenant. */
    static FleetOptions reading(@Nullable String tenants, @Nullable Secret databases, @Nullable Integer parallel) {
        return new FleetOptions(tenants, databases, parallel, false, 0);
    }

    /**
     * The fleet, or null when neither tenants nor databases is set. The credentials of {@code database}, for
     * database URLs that carry none, and its credentials provider are used only when databases are given.
     */
    @Nullable
    FleetSettings settings(DatabaseGoal database) {
        if (tenants == null && databases == null) {
            return null;
        }
        if (databases == null) {
            return new FleetSettings(tenants, List.of(), null, null, parallel, failFast, canary);
        }
        ConnectionResolver.Credentials given = database.credentials();
        return new FleetSettings(
                        tenants,
                        DatabaseList.parse(
                                databases.value(),
                                database.goal().project().getBasedir().toPath(),
                                "migrate.databases"),
                        given.user(),
                        given.password(),
                        parallel,
                        failFast,
                        canary)
                .withCredentials(database.credentialsProvider());
    }
}
