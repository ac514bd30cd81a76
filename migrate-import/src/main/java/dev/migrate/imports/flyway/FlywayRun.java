package dev.migrate.imports.flyway;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.ToolLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Real Flyway run on a database through {@link FlywayBridge} in the tool's own class loader: how the tests build
 * the databases Flyway would, and how the import's proof replays the old chain.
 *
 * @param url the JDBC URL of the database
 * @param user the user, or {@code null} when the URL names it
 * @param password the password, or {@code null}
 * @param locations the directories Flyway reads migrations from
 * @param placeholders Flyway's placeholders
 * @param table Flyway's history table
 * @param schemas the schemas Flyway manages, the first its default; empty for the connection's
 * @param target the version to migrate up to, or {@code null} for all
 * @param baselineVersion the version {@code baseline} records, or {@code null} for Flyway's {@code 1}
 * @param baselineOnMigrate whether migrate baselines a non-empty schema without history first
 * @param outOfOrder whether Flyway applies a version below the highest applied one
 * @param placeholderReplacement whether Flyway replaces placeholders at all
 * @param configuration further settings by Flyway's property name ({@code flyway.sqlMigrationPrefix}), applied
 *     before the others
 */
public record FlywayRun(
        String url,
        @Nullable String user,
        @Nullable String password,
        List<Path> locations,
        Map<String, String> placeholders,
        String table,
        List<String> schemas,
        @Nullable String target,
        @Nullable String baselineVersion,
        boolean baselineOnMigrate,
        boolean outOfOrder,
        boolean placeholderReplacement,
        Map<String, String> configuration,
        List<String> classpathLocations) {

    private static final String BRIDGE = "dev.migrate.imports.flyway.FlywayBridge";

    public FlywayRun {
        Objects.requireNonNull(url, "url");
        locations = List.copyOf(locations);
        placeholders = Map.copyOf(placeholders);
        Objects.requireNonNull(table, "table");
        schemas = List.copyOf(schemas);
        configuration = Map.copyOf(configuration);
        classpathLocations = List.copyOf(classpathLocations);
    }

    /** A run of Flyway's defaults on {@code url} over {@code locations}. */
    public static FlywayRun of(String url, List<Path> locations) {
        return new FlywayRun(
                url,
                null,
                null,
                locations,
                Map.of(),
                "flyway_schema_history",
                List.of(),
                null,
                null,
                false,
                false,
                true,
                Map.of(),
                List.of());
    }

    /**
     * A run as {@code settings} configure Flyway, on {@code url}, over the directories their locations name. The
     * user is the URL's, not the configured one: the run builds a database of the caller's.
     */
    public static FlywayRun of(String url, FlywaySettings settings) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("flyway.sqlMigrationPrefix", settings.sqlMigrationPrefix());
        configuration.put("flyway.repeatableSqlMigrationPrefix", settings.repeatableSqlMigrationPrefix());
        configuration.put("flyway.sqlMigrationSeparator", settings.sqlMigrationSeparator());
        configuration.put("flyway.sqlMigrationSuffixes", String.join(",", settings.sqlMigrationSuffixes()));
        configuration.put("flyway.placeholderPrefix", settings.placeholderPrefix());
        configuration.put("flyway.placeholderSuffix", settings.placeholderSuffix());
        configuration.put("flyway.placeholderSeparator", settings.placeholderSeparator());
        configuration.put("flyway.encoding", settings.encoding().name());
        configuration.put("flyway.executeInTransaction", Boolean.toString(settings.executeInTransaction()));
        configuration.put("flyway.validateMigrationNaming", Boolean.toString(settings.validateMigrationNaming()));
        String defaultSchema = settings.defaultSchema();
        if (defaultSchema != null) {
            configuration.put("flyway.defaultSchema", defaultSchema);
        }
        return new FlywayRun(
                url,
                null,
                null,
                settings.sqlRoots(),
                settings.placeholders(),
                settings.table(),
                settings.schemas(),
                null,
                settings.baselineVersion(),
                false,
                settings.outOfOrder(),
                settings.placeholderReplacement(),
                configuration,
                javaLocations(settings));
    }

    /**
     * The locations of the Java-based migrations {@code settings} name, as Flyway finds them on the class path
     * ({@code classpath:db/migration}): the tool's loader holds the project's classes for them.
     */
    private static List<String> javaLocations(FlywaySettings settings) {
        return settings.resolvedLocations().stream()
                .map(FlywaySettings.Location::javaPackage)
                .filter(Objects::nonNull)
                .map(pkg -> "classpath:" + pkg.replace('.', '/'))
                .distinct()
                .toList();
    }

    /** The same run up to {@code target}, a version; null: every version. */
    public FlywayRun withTarget(@Nullable String target) {
        return scoped(schemas, target, baselineVersion, baselineOnMigrate);
    }

    /** The same run on {@code schemas}, the first of which holds Flyway's table. */
    public FlywayRun withSchemas(List<String> schemas) {
        return scoped(schemas, target, baselineVersion, baselineOnMigrate);
    }

    /** The same run baselining at {@code baselineVersion} (null: Flyway's {@code 1}), on migrate if asked. */
    public FlywayRun withBaseline(@Nullable String baselineVersion, boolean baselineOnMigrate) {
        return scoped(schemas, target, baselineVersion, baselineOnMigrate);
    }

    /** The one copy the withers make: what the tests vary of a run, the rest as it is. */
    private FlywayRun scoped(
            List<String> schemas,
            @Nullable String target,
            @Nullable String baselineVersion,
            boolean baselineOnMigrate) {
        return new FlywayRun(
                url,
                user,
                password,
                locations,
                placeholders,
                table,
                schemas,
                target,
                baselineVersion,
                baselineOnMigrate,
                outOfOrder,
                placeholderReplacement,
                configuration,
                classpathLocations);
    }

    /**
     * Runs Flyway's {@code migrate} with {@code loader}'s Flyway.
     *
     * @return the number of migrations Flyway applied
     * @throws MigrateException with Flyway's message when Flyway fails
     */
    public static int migrate(ToolLoader loader, FlywayRun run) {
        return run.call(loader, "migrate");
    }

    /**
     * Runs Flyway's {@code baseline} with {@code loader}'s Flyway.
     *
     * @throws MigrateException with Flyway's message when Flyway fails
     */
    public static void baseline(ToolLoader loader, FlywayRun run) {
        run.call(loader, "baseline");
    }

    private int call(ToolLoader loader, String action) {
        Map<String, Object> request = new HashMap<>();
        request.put("action", action);
        request.put("url", url);
        put(request, "user", user);
        put(request, "password", password);
        request.put(
                "locations",
                locations.stream().map(p -> p.toAbsolutePath().toString()).toList());
        request.put("placeholders", Map.copyOf(placeholders));
        request.put("table", table);
        request.put("schemas", schemas);
        put(request, "target", target);
        put(request, "baselineVersion", baselineVersion);
        request.put("baselineOnMigrate", baselineOnMigrate);
        request.put("outOfOrder", outOfOrder);
        request.put("placeholderReplacement", placeholderReplacement);
        request.put("configuration", Map.copyOf(configuration));
        request.put("classpathLocations", classpathLocations);
        Object answer = loader.call(BRIDGE, request);
        if (!(answer instanceof Map<?, ?> map)) {
            throw new IllegalStateException("Flyway's bridge answered " + answer + ", not a map");
        }
        Object error = map.get("error");
        if (error != null) {
            throw new MigrateException("Flyway's " + action + " failed on " + url + ": " + error);
        }
        return ((Number) Objects.requireNonNull(map.get("applied"), "applied")).intValue();
    }

    private static void put(Map<String, Object> request, String key, @Nullable Object value) {
        if (value != null) {
            request.put(key, value);
        }
    }
}
