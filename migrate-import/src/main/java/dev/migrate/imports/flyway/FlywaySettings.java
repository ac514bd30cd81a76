package dev.migrate.imports.flyway;

import dev.migrate.MigrateException;
import dev.migrate.imports.ProjectFiles;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Flyway's settings as a project keeps them, read from where Flyway's users keep them; a later source wins over
 * an earlier one, setting by setting (placeholders one by one): Flyway's defaults, {@code conf/flyway.conf}, {@code
 * flyway.conf}, the pom's {@code flyway.*} properties and the Flyway Maven plugin's {@code <configuration>}, Spring
 * Boot's {@code application.properties} and {@code application.yml} ({@code spring.flyway.*}), then the import's
 * own overrides ({@code -Dmigrate.import.flyway.*}).
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
        @Nullable String user,
        @Nullable String url,
        List<String> sources,
        List<String> warnings) {

    /** The settings read here, by the name Flyway's configuration files give them after {@code flyway.}. */
    private static final List<String> KNOWN = List.of(
            "locations",
            "table",
            "defaultSchema",
            "schemas",
            "baselineVersion",
            "outOfOrder",
            "sqlMigrationPrefix",
            "undoSqlMigrationPrefix",
            "repeatableSqlMigrationPrefix",
            "sqlMigrationSeparator",
            "sqlMigrationSuffixes",
            "placeholderPrefix",
            "placeholderSuffix",
            "placeholderSeparator",
            "placeholderReplacement",
            "encoding",
            "user",
            "url");

    private static final Pattern COMMA = Pattern.compile(",");

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
     * Reads the settings of the project in {@code projectDir}.
     *
     * @param overrides settings by Flyway's name ({@code locations}, {@code table}, {@code placeholders.owner}),
     *     as given with {@code -Dmigrate.import.flyway.<name>=...}; they win over every file
     * @throws MigrateException naming the file when a settings file cannot be read
     */
    public static FlywaySettings read(Path projectDir, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path conf : List.of(projectDir.resolve("conf/flyway.conf"), projectDir.resolve("flyway.conf"))) {
            if (Files.isRegularFile(conf)) {
                merge(settings, ProjectFiles.properties(conf, "The Flyway settings file"), "flyway.", false, warnings);
                sources.add(projectDir.relativize(conf).toString());
            }
        }
        ProjectFiles.Pom pom = ProjectFiles.Pom.read(projectDir);
        if (pom != null && readPom(pom, settings, warnings)) {
            sources.add("pom.xml");
        }
        Path resources = projectDir.resolve("src/main/resources");
        Path springProperties = resources.resolve("application.properties");
        if (Files.isRegularFile(springProperties)) {
            readSpring(
                    ProjectFiles.properties(springProperties, "The Spring settings file"),
                    settings,
                    warnings,
                    springProperties);
            sources.add(projectDir.relativize(springProperties).toString());
        }
        for (String name : List.of("application.yml", "application.yaml")) {
            Path yaml = resources.resolve(name);
            if (Files.isRegularFile(yaml)) {
                readSpring(ProjectFiles.yaml(yaml), settings, warnings, yaml);
                sources.add(projectDir.relativize(yaml).toString());
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        overrides.forEach((key, value) -> given.put(key.startsWith("flyway.") ? key : "flyway." + key, value));
        merge(settings, given, "flyway.", true, warnings);
        if (!overrides.isEmpty()) {
            sources.add("-Dmigrate.import.flyway.*");
        }
        return of(projectDir, settings, sources, warnings);
    }

    private static FlywaySettings of(
            Path projectDir, Map<String, String> settings, List<String> sources, List<String> warnings) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("placeholders.")) {
                placeholders.put(key.substring("placeholders.".length()), value);
            }
        });
        String encoding = settings.getOrDefault("encoding", "UTF-8");
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new MigrateException(
                    "Flyway's encoding is set to '" + encoding + "' in " + String.join(", ", sources)
                            + ", which Java does not know. Set flyway.encoding to a charset name such as UTF-8.",
                    e);
        }
        return new FlywaySettings(
                projectDir.toAbsolutePath().normalize(),
                list(settings.getOrDefault("locations", "classpath:db/migration")).stream()
                        .map(location -> location.replace("{vendor}", "postgresql"))
                        .toList(),
                placeholders,
                settings.getOrDefault("table", "flyway_schema_history"),
                blankToNull(settings.get("defaultSchema")),
                list(settings.getOrDefault("schemas", "")),
                blankToNull(settings.get("baselineVersion")),
                Boolean.parseBoolean(
                        settings.getOrDefault("outOfOrder", "false").strip()),
                settings.getOrDefault("sqlMigrationPrefix", "V"),
                settings.getOrDefault("undoSqlMigrationPrefix", "U"),
                settings.getOrDefault("repeatableSqlMigrationPrefix", "R"),
                settings.getOrDefault("sqlMigrationSeparator", "__"),
                list(settings.getOrDefault("sqlMigrationSuffixes", ".sql")),
                settings.getOrDefault("placeholderPrefix", "${"),
                settings.getOrDefault("placeholderSuffix", "}"),
                settings.getOrDefault("placeholderSeparator", ":"),
                Boolean.parseBoolean(
                        settings.getOrDefault("placeholderReplacement", "true").strip()),
                charset,
                blankToNull(settings.get("user")),
                blankToNull(settings.get("url")),
                sources,
                warnings);
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

    // ---- the sources -------------------------------------------------------------------------------------------

    /**
     * Puts each {@code prefix}ed entry of {@code source} into {@code settings} by Flyway's name: kebab-case
     * spelled as camel case, any case accepted, placeholder names as written.
     */
    private static void merge(
            Map<String, String> settings,
            Map<String, String> source,
            String prefix,
            boolean strict,
            List<String> warnings) {
        for (Map.Entry<String, String> entry : source.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String name = key.substring(prefix.length());
            if (name.startsWith("placeholders.")) {
                settings.put(name, entry.getValue());
                continue;
            }
            String canonical = canonical(name);
            if (canonical != null) {
                settings.put(canonical, entry.getValue().strip());
            } else if (strict) {
                warnings.add("The import setting " + key.replaceFirst("^flyway\\.", "-Dmigrate.import.flyway.")
                        + " is not one the Flyway import reads, and is left out; it reads " + String.join(", ", KNOWN)
                        + " and placeholders.<name>.");
            }
        }
    }

    private static @Nullable String canonical(String name) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return KNOWN.stream()
                .filter(k -> k.equalsIgnoreCase(camel.toString()))
                .findFirst()
                .orElse(null);
    }

    /**
     * Spring Boot's {@code spring.flyway.*}, with {@code spring.datasource.*} for the user and URL it falls back to,
     * and the Quarkus extension's {@code quarkus.flyway.*}.
     */
    private static void readSpring(
            Map<String, String> raw, Map<String, String> settings, List<String> warnings, Path file) {
        Map<String, String> resolved = ProjectFiles.resolved(raw);
        Map<String, String> datasource = new LinkedHashMap<>();
        putIfPresent(datasource, "flyway.url", resolved.get("spring.datasource.url"));
        putIfPresent(datasource, "flyway.user", resolved.get("spring.datasource.username"));
        merge(settings, datasource, "flyway.", false, warnings);
        merge(settings, resolved, "spring.flyway.", false, warnings);
        readQuarkus(resolved, settings, warnings);
        if ("false"
                .equalsIgnoreCase(
                        resolved.getOrDefault("spring.flyway.enabled", "true").strip())) {
            warnings.add(file.getFileName() + " turns Flyway off (spring.flyway.enabled=false): the import reads its "
                    + "migrations all the same; check that the project runs them some other way.");
        }
    }

    /**
     * The Quarkus Flyway extension's {@code quarkus.flyway.*} (its default datasource), with
     * {@code quarkus.datasource.*} for the URL and user: the keys without a profile, then those of {@code %prod.},
     * the profile the packaged application runs with, which win.
     */
    private static void readQuarkus(Map<String, String> resolved, Map<String, String> settings, List<String> warnings) {
        for (String profile : List.of("", "%prod.")) {
            Map<String, String> datasource = new LinkedHashMap<>();
            putIfPresent(datasource, "flyway.url", resolved.get(profile + "quarkus.datasource.jdbc.url"));
            putIfPresent(datasource, "flyway.user", resolved.get(profile + "quarkus.datasource.username"));
            merge(settings, datasource, "flyway.", false, warnings);
            merge(settings, resolved, profile + "quarkus.flyway.", false, warnings);
        }
    }

    private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * The pom's {@code flyway.*} properties and the {@code <configuration>} of its {@code
     * org.flywaydb:flyway-maven-plugin}, Maven's {@code ${...}} resolved from the pom's properties.
     *
     * @return whether the pom configures Flyway at all
     */
    private static boolean readPom(ProjectFiles.Pom pom, Map<String, String> settings, List<String> warnings) {
        Map<String, String> found = new LinkedHashMap<>();
        pom.properties().forEach((key, value) -> {
            if (key.startsWith("flyway.")) {
                found.put(key, value);
            }
        });
        for (Element configuration : pom.pluginConfigurations("flyway-maven-plugin")) {
            for (Element setting : ProjectFiles.children(configuration)) {
                String name = setting.getTagName();
                List<Element> items = ProjectFiles.children(setting);
                if (name.equals("placeholders")) {
                    items.forEach(p -> found.put("flyway.placeholders." + p.getTagName(), p.getTextContent()));
                } else if (!items.isEmpty()) {
                    found.put(
                            "flyway." + name,
                            String.join(
                                    ",",
                                    items.stream()
                                            .map(item -> item.getTextContent().strip())
                                            .toList()));
                } else {
                    found.put("flyway." + name, setting.getTextContent().strip());
                }
            }
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        found.forEach((key, value) -> resolved.put(key, pom.resolve(value)));
        merge(settings, resolved, "flyway.", false, warnings);
        return !found.isEmpty();
    }

    private static List<String> list(String value) {
        return Arrays.stream(COMMA.split(value, -1))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code flyway.placeholders.<name>}, in a message that tells where to set it. */
    static String placeholderFix(String name) {
        return "set flyway.placeholders." + name + "=... in flyway.conf (spring.flyway.placeholders." + name
                + " in application.properties, <placeholders><" + name.toLowerCase(Locale.ROOT)
                + "> in the Flyway Maven plugin) or run the import with -Dmigrate.import.flyway.placeholders." + name
                + "=...";
    }
}
