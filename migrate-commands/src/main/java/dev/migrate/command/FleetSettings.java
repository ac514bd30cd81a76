package dev.migrate.command;

import dev.migrate.CredentialsProvider;
import dev.migrate.Fleet;
import dev.migrate.Migrator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A fleet as a face is given it:
 * {@code new FleetSettings("tenant_%", List.of(), null, null, 8, false, 0).over(Migrator.builder())}.
 *
 * @param tenants a schema per tenant: names, {@code LIKE} patterns, or {@code query:} and SQL; null for a
 *     database per tenant
 * @param databases a database per tenant, as URLs ({@link DatabaseList}); empty with {@code dataSources}: the
 *     tenant schemas are in the one configured database
 * @param dataSources a database per tenant, as data sources by the tenant's name (an application's own)
 * @param user the user for database URLs that carry none
 * @param password the password for database URLs that carry none; never printed
 * @param parallel how many tenants run at once; null for the fleet's default
 * @param failFast whether to stop starting tenants after the first one fails
 * @param canary how many tenants run first, the others only when all of them succeeded
 * @param credentials asked for the user and password of each new connection to a database given by URL; null
 *     when {@code password} serves
 */
public record FleetSettings(
        @Nullable String tenants,
        List<String> databases,
        Map<String, DataSource> dataSources,
        @Nullable String user,
        @Nullable String password,
        @Nullable Integer parallel,
        boolean failFast,
        int canary,
        @Nullable CredentialsProvider credentials) {
    public FleetSettings {
        databases = List.copyOf(databases);
        dataSources = Collections.unmodifiableMap(new LinkedHashMap<>(dataSources));
    }

    /** A fleet whose databases given by URL log in with a fixed password, or the ones their URLs carry. */
    public FleetSettings(
            @Nullable String tenants,
            List<String> databases,
            Map<String, DataSource> dataSources,
            @Nullable String user,
            @Nullable String password,
            @Nullable Integer parallel,
            boolean failFast,
            int canary) {
        this(tenants, databases, dataSources, user, password, parallel, failFast, canary, null);
    }

    /** This fleet, its databases given by URL asking {@code provider} for each new connection; as is for null. */
    public FleetSettings withCredentials(@Nullable CredentialsProvider provider) {
        return provider == null
                ? this
                : new FleetSettings(
                        tenants, databases, dataSources, user, password, parallel, failFast, canary, provider);
    }

    /** A fleet of schemas or of database URLs, as the plugin's and the command line's settings give it. */
    public FleetSettings(
            @Nullable String tenants,
            List<String> databases,
            @Nullable String user,
            @Nullable String password,
            @Nullable Integer parallel,
            boolean failFast,
            int canary) {
        this(tenants, databases, Map.of(), user, password, parallel, failFast, canary);
    }

    /** Whether the tenants are schemas of the one configured database, which the fleet then needs. */
    public boolean inTheDatabase() {
        return databases.isEmpty() && dataSources.isEmpty();
    }

    /** The fleet over {@code builder}'s migrations and run settings (and its database, for tenant schemas). */
    public Fleet over(Migrator.Builder builder) {
        Fleet.Builder fleet = Fleet.builder(builder).failFast(failFast).canary(canary);
        if (tenants != null) {
            fleet.tenants(tenants);
        }
        if (!databases.isEmpty()) {
            if (credentials != null) {
                // read by the databases given next, each of which then asks it for every connection
                builder.credentials(credentials);
            }
            fleet.databases(databases, user, password);
        }
        if (!dataSources.isEmpty()) {
            fleet.dataSources(dataSources);
        }
        if (parallel != null) {
            fleet.parallel(parallel);
        }
        return fleet.build();
    }
}
