package dev.migrate.imports.flyway;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jspecify.annotations.Nullable;

/**
 * Runs Flyway inside its own class loader ({@link dev.migrate.imports.tool.ToolLoader}): takes and returns JDK types
 * only, and touches no class of migrate's engine, since only Flyway, the driver and this module are visible there.
 *
 * <p>The request: {@code action} ({@code migrate} or {@code baseline}), {@code url}, {@code user}, {@code
 * password}, {@code locations} (directories, as {@code List<String>}), {@code placeholders} ({@code Map<String,
 * String>}), {@code table}, {@code schemas} ({@code List<String>}), {@code defaultSchema}, {@code target}, {@code
 * baselineVersion}, {@code baselineOnMigrate}, {@code outOfOrder}, {@code mixed}, {@code placeholderReplacement},
 * {@code configuration} (further {@code flyway.*} properties, {@code Map<String, String>}, applied first);
 * each but the URL optional. The answer: {@code Map.of("applied", count)} or {@code Map.of("error", message)}.
 */
public final class FlywayBridge implements Function<Map<String, Object>, Object> {
    /** Flyway logs each step through java.util.logging here; the import reports what matters itself. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    @Override
    public Object apply(Map<String, Object> request) {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        try {
            Flyway flyway = configuration(request).load();
            if ("baseline".equals(request.get("action"))) {
                flyway.baseline();
                return Map.of("applied", 0);
            }
            return Map.of("applied", flyway.migrate().migrationsExecuted);
        } catch (FlywayException e) {
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    private static FluentConfiguration configuration(Map<String, Object> request) {
        FluentConfiguration configure = Flyway.configure(FlywayBridge.class.getClassLoader())
                .dataSource((String) request.get("url"), (String) request.getOrDefault("user", null), (String)
                        request.getOrDefault("password", null))
                .configuration(configurationOf(request))
                .locations(java.util.stream.Stream.concat(
                                strings(request, "locations").stream().map(location -> "filesystem:" + location),
                                strings(request, "classpathLocations").stream())
                        .toArray(String[]::new))
                // the tests and the proof build throwaway databases: Flyway may clean nothing anyway
                .cleanDisabled(true);
        Object placeholders = request.get("placeholders");
        if (placeholders != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> map = (Map<String, String>) placeholders;
            configure.placeholders(map);
        }
        String table = string(request, "table");
        if (table != null) {
            configure.table(table);
        }
        List<String> schemas = strings(request, "schemas");
        if (!schemas.isEmpty()) {
            configure.schemas(schemas.toArray(String[]::new));
        }
        String defaultSchema = string(request, "defaultSchema");
        if (defaultSchema != null) {
            configure.defaultSchema(defaultSchema);
        }
        String target = string(request, "target");
        if (target != null) {
            configure.target(target);
        }
        String baselineVersion = string(request, "baselineVersion");
        if (baselineVersion != null) {
            configure.baselineVersion(baselineVersion);
        }
        configure.baselineOnMigrate(flag(request, "baselineOnMigrate", false));
        configure.outOfOrder(flag(request, "outOfOrder", false));
        configure.mixed(flag(request, "mixed", false));
        configure.placeholderReplacement(flag(request, "placeholderReplacement", true));
        // Flyway's default lock is a transaction on a second connection, which a CREATE INDEX CONCURRENTLY waits on
        // for ever (flyway.postgresql.transactional.lock=false is what users who run one set); the replays here
        // are alone on their database
        configure
                .getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
        return configure;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> configurationOf(Map<String, Object> request) {
        Map<String, String> configuration = new java.util.HashMap<>();
        Object value = request.get("configuration");
        if (value != null) {
            configuration.putAll((Map<String, String>) value);
        }
        return configuration;
    }

    private static @Nullable String string(Map<String, Object> request, String key) {
        Object value = request.get(key);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> request, String key) {
        Object value = request.get(key);
        return value == null ? List.of() : (List<String>) value;
    }

    private static boolean flag(Map<String, Object> request, String key, boolean otherwise) {
        Object value = request.get(key);
        return value == null ? otherwise : (Boolean) value;
    }
}
