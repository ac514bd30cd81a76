package dev.migrate.imports.flyway;

import dev.migrate.MigrateException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Flyway's settings as a project keeps them, read from every place Flyway's users keep them; a later source wins
 * over an earlier one, setting by setting (placeholders one by one):
 * <ol>
 *   <li>Flyway's defaults;
 *   <li>{@code conf/flyway.conf}, {@code flyway.conf}, or Flyway 10's {@code conf/flyway.toml},
 *       {@code conf/flyway.user.toml}, {@code flyway.toml}, {@code flyway.user.toml} ({@code [flyway]}, and the
 *       {@code [environments.<name>]} that {@code flyway.environment} chooses): never both kinds, TOML when both are
 *       there, as Flyway's command line reads them (a warning names the files left out);
 *   <li>the Flyway Maven plugin's {@code <configuration>}, then the pom's {@code flyway.*} properties;
 *   <li>the files of {@code configFiles} in their order: {@code FLYWAY_CONFIG_FILES}, then the import's own
 *       {@code configFiles}; without either, the pom's {@code flyway.configFiles}, else the plugin's
 *       {@code <configFiles>};
 *   <li>Flyway's environment variables ({@code FLYWAY_LOCATIONS}, {@code FLYWAY_PLACEHOLDERS_<NAME>},
 *       {@code flyway_<setting>}, ...);
 *   <li>Spring Boot's {@code spring.flyway.*} and the Quarkus extension's {@code quarkus.flyway.*};
 *   <li>the chosen environment's own {@code [environments.<name>.flyway]} settings, which Flyway takes over the
 *       others;
 *   <li>the import's own overrides ({@code -Dmigrate.import.flyway.*}).
 * </ol>
 *
 * @param projectDir the project's directory, which relative locations start from
 * @param locations the locations as configured, {@code {vendor}} replaced ({@code classpath:db/migration})
 * @param placeholders the placeholders configured, by name as written
 * @param table Flyway's history table
 * @param defaultSchema the configured default schema, or {@code null}
 * @param schemas the configured schemas, the first Flyway's default when no default schema is set
 * @param baselineVersion the configured baseline version, or {@code null}
 * @param outOfOrder whether Flyway applies versions below the highest applied one
 * @param sqlMigrationPrefix the prefix of versioned migrations ({@code V})
 * @param undoSqlMigrationPrefix the prefix of undo migrations ({@code U})
 * @param repeatableSqlMigrationPrefix the prefix of repeatable migrations ({@code R})
 * @param sqlMigrationSeparator what separates the version from the description ({@code __})
 * @param sqlMigrationSuffixes the file name endings of migrations ({@code .sql})
 * @param placeholderPrefix what opens a placeholder (<code>${</code>)
 * @param placeholderSuffix what closes one (<code>}</code>)
 * @param placeholderSeparator what follows {@code flyway} in Flyway's own placeholders ({@code :})
 * @param placeholderReplacement whether Flyway replaces placeholders
 * @param encoding the encoding of the migration files
 * @param executeInTransaction whether Flyway runs each migration in a transaction (a script's {@code .sql.conf}
 *     may say otherwise)
 * @param validateMigrationNaming whether Flyway refuses a script whose name it cannot parse (else skips it)
 * @param environment the TOML environment the settings were read for ({@code default})
 * @param user the user Flyway connects as, when configured ({@code ${flyway:user}})
 * @param url the JDBC URL Flyway connects to, when configured ({@code ${flyway:database}})
 * @param sources the files the settings came from, in the order read, for messages
 * @param warnings what was configured and is not read, one sentence each
 */
public record FlywaySettings(
        Path projectDir,
        List<String> locations,
        Map<String, String> placeholders,
        String table,
        @Nullable String defaultSchema,
        List<String> schemas,
        @Nullable String baselineVersion,
        boolean outOfOrder,
        String sqlMigrationPrefix,
        String undoSqlMigrationPrefix,
        String repeatableSqlMigrationPrefix,
        String sqlMigrationSeparator,
        List<String> sqlMigrationSuffixes,
        String placeholderPrefix,
        String placeholderSuffix,
        String placeholderSeparator,
        boolean placeholderReplacement,
        Charset encoding,
        boolean executeInTransaction,
        boolean validateMigrationNaming,
        String environment,
        @Nullable String user,
        @Nullable String url,
        List<String> sources,
        List<String> warnings) {

    public FlywaySettings {
        Objects.requireNonNull(projectDir, "projectDir");
        locations = List.copyOf(locations);
        placeholders = Map.copyOf(placeholders);
        schemas = List.copyOf(schemas);
        sqlMigrationSuffixes = List.copyOf(sqlMigrationSuffixes);
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }

    /** A location resolved to the directories it means in a Maven project. */
    public record Location(
            String configured,
            List<Path> scriptRoots,
            List<Path> classRoots,
            List<Path> sourceRoots,
            @Nullable String javaPackage) {
        public Location {
            scriptRoots = List.copyOf(scriptRoots);
            classRoots = List.copyOf(classRoots);
            sourceRoots = List.copyOf(sourceRoots);
        }
    }

    /**
     * Reads the settings of the project in {@code projectDir}, with the environment variables of this process.
     *
     * @param overrides settings by Flyway's name ({@code locations}, {@code table}, {@code placeholders.owner}),
     *     as given with {@code -Dmigrate.import.flyway.<name>=...}; they win over every file
     * @throws MigrateException naming the file when a settings file cannot be read
     */
    public static FlywaySettings read(Path projectDir, Map<String, String> overrides) {
        return read(projectDir, overrides, System.getenv());
    }

    /**
     * Reads the settings of the project in {@code projectDir}.
     *
     * @param overrides settings by Flyway's name, which win over every source
     * @param environment the environment variables, Flyway's ({@code FLYWAY_*}) and those its files name
     * @throws MigrateException naming the file and the fix when a settings file cannot be read, a configured file
     *     is missing, or a setting the import reads cannot be resolved
     */
    public static FlywaySettings read(Path projectDir, Map<String, String> overrides, Map<String, String> environment) {
        return FlywaySources.read(projectDir, overrides, environment);
    }

    /**
     * Each location as the directories it means: {@code classpath:x} (or {@code x}) is {@code
     * src/main/resources/x} and, where a build copied or generated files there, {@code target/classes/x} for
     * scripts, with {@code target/classes/x} and {@code src/main/java/x} for Java migrations; {@code filesystem:x}
     * is {@code x} from the project's directory. Other kinds (cloud storage, wildcards) resolve to nothing.
     */
    public List<Location> resolvedLocations() {
        List<Location> resolved = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith("filesystem:")) {
                Path dir = projectDir
                        .resolve(location.substring("filesystem:".length()))
                        .normalize();
                resolved.add(new Location(location, List.of(dir), List.of(), List.of(), null));
            } else if (!location.contains(":") || location.startsWith("classpath:")) {
                String path = location.substring(location.indexOf(':') + 1).replaceAll("^/+|/+$", "");
                resolved.add(new Location(
                        location,
                        List.of(
                                projectDir.resolve("src/main/resources").resolve(path),
                                projectDir.resolve("target/classes").resolve(path)),
                        List.of(projectDir.resolve("target/classes").resolve(path)),
                        List.of(projectDir.resolve("src/main/java").resolve(path)),
                        path.replace('/', '.')));
            } else {
                resolved.add(new Location(location, List.of(), List.of(), List.of(), null));
            }
        }
        return resolved;
    }

    /**
     * One directory of scripts per location, as a {@code filesystem:} location for a Flyway run: a classpath
     * location's source directory where it exists, else what the build put in {@code target/classes}.
     */
    public List<Path> sqlRoots() {
        List<Path> roots = new ArrayList<>();
        for (Location location : resolvedLocations()) {
            location.scriptRoots().stream()
                    .filter(Files::isDirectory)
                    .findFirst()
                    .ifPresent(roots::add);
        }
        return roots;
    }

    /** The schema Flyway's history table lives in: the default schema, else the first schema, else {@code null}. */
    public @Nullable String historySchema() {
        return defaultSchema != null ? defaultSchema : schemas.isEmpty() ? null : schemas.get(0);
    }

    /** {@code flyway.placeholders.<name>}, in a message that tells where to set it. */
    static String placeholderFix(String name) {
        return "set flyway.placeholders." + name + "=... in flyway.conf (" + name + " = \"...\" under "
                + "[flyway.placeholders] in flyway.toml, the environment variable FLYWAY_PLACEHOLDERS_"
                + name.toUpperCase(Locale.ROOT) + ", spring.flyway.placeholders." + name
                + " in application.properties, <placeholders><" + name.toLowerCase(Locale.ROOT)
                + "> in the Flyway Maven plugin) or run the import with -Dmigrate.import.flyway.placeholders." + name
                + "=...";
    }
}
