package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.CANARY;
import static dev.migrate.command.settings.SettingsTable.DATABASES;
import static dev.migrate.command.settings.SettingsTable.FAIL_FAST;
import static dev.migrate.command.settings.SettingsTable.PARALLEL;
import static dev.migrate.command.settings.SettingsTable.TENANTS;

import dev.migrate.CredentialsProvider;
import dev.migrate.Fleet;
import dev.migrate.Migrator;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingsTable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A fleet as a face is given it: {@code FleetSettings.of(settings, base, login, provider)} from the settings of a
 * run, or {@code new FleetSettings("tenant_%", List.of(), null, null, 8, false, 0).over(Migrator.builder())}.
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
    /** The settings of a fleet, as the commands that run on one take them. */
    public static final List<Setting<?>> ROWS = List.of(TENANTS, DATABASES, PARALLEL, FAIL_FAST, CANARY);

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

    /**
     * The fleet that the settings {@code tenants} and {@code databases} of a run name, with its {@code parallel},
     * {@code failFast} and {@code canary}; null when neither is given.
     *
     * @param base the directory a file of databases ({@code @tenants.txt}) is read from
     * @param login the user and password for database URLs that carry none, asked only when databases are given
     * @param credentials asked for the user and password of each new connection to such a database; null when
     *     {@code login} serves
     * @throws dev.migrate.MigrateException when the databases name none, or their file cannot be read
     */
    public static @Nullable FleetSettings of(
            ResolvedSettings settings,
            Path base,
            Supplier<ConnectionResolver.Credentials> login,
            @Nullable CredentialsProvider credentials) {
        String tenants = settings.given(SettingsTable.TENANTS);
        String databases = settings.given(SettingsTable.DATABASES);
        if (tenants == null && databases == null) {
            return null;
        }
        if (databases == null) {
            return ofSchemas(settings, tenants, Map.of());
        }
        // the plugin names the databases as its property, which the file's users write in their pom or -D
        String option = settings.face() == Face.MAVEN
                ? "migrate." + SettingsTable.DATABASES.name()
                : settings.spelled(SettingsTable.DATABASES);
        ConnectionResolver.Credentials given = login.get();
        return new FleetSettings(
                        tenants,
                        DatabaseList.parse(databases, base, option),
                        given.user(),
                        given.password(),
                        settings.given(SettingsTable.PARALLEL),
                        failFast(settings),
                        canary(settings))
                .withCredentials(credentials);
    }

    /**
     * The fleet of an application: the tenant schemas {@code tenants} (null for none) of its database, or a database
     * per tenant as its own {@code dataSources}, run as the settings' {@code parallel}, {@code failFast} and
     * {@code canary} say.
     */
    public static FleetSettings ofSchemas(
            ResolvedSettings settings, @Nullable String tenants, Map<String, DataSource> dataSources) {
        return new FleetSettings(
                tenants,
                List.of(),
                dataSources,
                null,
                null,
                settings.given(SettingsTable.PARALLEL),
                failFast(settings),
                canary(settings));
    }

    private static boolean failFast(ResolvedSettings settings) {
        return Boolean.TRUE.equals(settings.value(SettingsTable.FAIL_FAST));
    }

    private static int canary(ResolvedSettings settings) {
        return Objects.requireNonNull(settings.value(SettingsTable.CANARY), "the row's default");
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
