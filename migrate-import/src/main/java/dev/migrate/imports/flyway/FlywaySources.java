package dev.migrate.imports.flyway;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.ProjectFiles;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Flyway's settings merged from every place a project keeps them, in the order of {@link FlywaySettings}: each
 * setting with the source it came from, for messages; a later source wins setting by setting, placeholders one by
 * one.
 */
final class FlywaySources {
    private static final String OVERRIDES = "-Dmigrate.import.flyway.*";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> from = new LinkedHashMap<>();
    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private final Map<String, String> unresolved = new LinkedHashMap<>();
    private final List<String> sources = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** The chosen environment's own {@code [environments.<name>.flyway]} settings, which win over the others. */
    private final Map<String, String> environmentOverrides = new LinkedHashMap<>();

    private final Map<String, String> environmentOverridesFrom = new LinkedHashMap<>();
    private final Map<String, String> environmentOverridesUnresolved = new LinkedHashMap<>();

    private FlywaySources() {}

    /**
     * Reads every source of the project in {@code projectDir}.
     *
     * @param overrides the import's own settings by Flyway's name, which win over every source
     * @param environment the environment variables ({@code FLYWAY_*}, {@code flyway_*}, and those the files name)
     */
    static FlywaySettings read(Path projectDir, Map<String, String> overrides, Map<String, String> environment) {
        FlywaySources merged = new FlywaySources();
        ProjectFiles.Pom pom = ProjectFiles.Pom.read(projectDir);
        Map<String, String> plugin = pom == null ? Map.of() : plugin(pom);
        Map<String, String> pomProperties = new LinkedHashMap<>();
        if (pom != null) {
            pom.properties().forEach((key, value) -> {
                if (key.startsWith("flyway.")) {
                    pomProperties.put(key.substring("flyway.".length()), pom.resolve(value));
                }
            });
        }
        Map<String, String> variables = variables(environment);
        Map<String, String> given = new LinkedHashMap<>();
        overrides.forEach((key, value) -> given.put(key.replaceFirst("^flyway\\.", ""), value));

        Charset encoding = encoding(first(
                variables.get("configFileEncoding"),
                given.get("configFileEncoding"),
                pomProperties.get("configFileEncoding"),
                plugin.get("configFileEncoding")));
        List<String> defaults = new ArrayList<>();
        for (String name : List.of(
                "conf/flyway.conf",
                "flyway.conf",
                "conf/flyway.toml",
                "conf/flyway.user.toml",
                "flyway.toml",
                "flyway.user.toml")) {
            if (Files.isRegularFile(projectDir.resolve(name))) {
                defaults.add(name);
            }
        }
        List<String> fromVariable = list(variables.getOrDefault("configFiles", ""));
        List<String> fromImport = list(given.getOrDefault("configFiles", ""));
        List<String> fromPom = fromVariable.isEmpty() && fromImport.isEmpty()
                ? list(java.util.Objects.requireNonNullElse(
                        first(pomProperties.get("configFiles"), plugin.get("configFiles")), ""))
                : List.of();
        boolean toml = toml(fromImport, "-Dmigrate.import.flyway.configFiles")
                .orElseGet(() -> toml(fromVariable, "FLYWAY_CONFIG_FILES")
                        .orElse(defaults.stream().anyMatch(FlywaySources::isToml)));
        List<String> leftOut = new ArrayList<>();
        List<FlywayConfigFile> before = new ArrayList<>();
        List<FlywayConfigFile> after = new ArrayList<>();
        for (String path : defaults) {
            if (isToml(path) == toml) {
                before.add(FlywayConfigFile.read(projectDir.resolve(path), path, encoding, environment));
            } else {
                leftOut.add(path);
            }
        }
        List<String> where = List.of("FLYWAY_CONFIG_FILES", "-Dmigrate.import.flyway.configFiles", "pom.xml");
        List<List<String>> named = List.of(fromVariable, fromImport, fromPom);
        for (int i = 0; i < named.size(); i++) {
            for (String path : named.get(i)) {
                if (i < 2 && isToml(path) != toml) {
                    leftOut.add(path);
                    continue;
                }
                Path file = projectDir.resolve(path).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new MigrateException("The Flyway configuration file " + path + " named by configFiles ("
                            + where.get(i) + ") is not in " + projectDir + ". Correct the path (relative to the "
                            + "project's directory), or remove it from configFiles. Nothing was read or written.");
                }
                after.add(FlywayConfigFile.read(file, path, encoding, environment));
            }
        }
        if (!leftOut.isEmpty()) {
            // Flyway's "Configuration Precedence": TOML and CONF files are never read together
            merged.warnings.add("Flyway reads " + (toml ? "TOML" : "CONF") + " configuration files here and leaves "
                    + "out " + String.join(", ", leftOut) + ", as its command line does; the import does the same. "
                    + "If the project's databases were migrated with "
                    + (leftOut.size() == 1 ? "that file" : "those files") + " (the Flyway Maven plugin reads "
                    + "flyway.conf), name it with -Dmigrate.import.flyway.configFiles=<file>.");
        }
        String environmentName = environmentName(given, variables, before, after);

        for (FlywayConfigFile file : before) {
            merged.putFile(file, environmentName);
        }
        if (!plugin.isEmpty() || !pomProperties.isEmpty()) {
            // the Flyway Maven plugin: its <configuration>, then the pom's flyway.* properties over it
            merged.putAll(plugin, "pom.xml (flyway-maven-plugin)", true, Map.of());
            merged.putAll(pomProperties, "pom.xml <properties>", false, Map.of());
            merged.sources.add("pom.xml");
        }
        for (FlywayConfigFile file : after) {
            merged.putFile(file, environmentName);
        }

        Map<String, String> own = new LinkedHashMap<>();
        variables.forEach((key, value) -> {
            String prefix = "environments." + environmentName + ".";
            if (key.startsWith(prefix + "flyway.")) {
                merged.environmentOverrides.put(key.substring((prefix + "flyway.").length()), value);
                merged.environmentOverridesFrom.put(
                        key.substring((prefix + "flyway.").length()), "the environment variables");
            } else if (key.startsWith(prefix)) {
                own.put(key.substring(prefix.length()), value);
            } else if (!key.startsWith("environments.")
                    && !List.of("configFiles", "configFileEncoding", "environment")
                            .contains(key)) {
                own.put(key, value); // configFiles and the environment were taken above
            }
        });
        if (!own.isEmpty()) {
            merged.putAll(own, "the environment variables FLYWAY_*", false, Map.of());
            merged.sources.add("FLYWAY_* environment variables");
        }

        merged.application(projectDir);

        merged.environmentOverrides(environmentName);
        merged.putAll(given, OVERRIDES, true, Map.of());
        if (!given.isEmpty()) {
            merged.sources.add(OVERRIDES);
        }
        return merged.settings(projectDir, environmentName);
    }

    // ---- the sources -------------------------------------------------------------------------------------------

    /** Flyway's environment variables by the dotted key each sets (without {@code flyway.}). */
    static Map<String, String> variables(Map<String, String> environment) {
        Map<String, String> found = new LinkedHashMap<>();
        environment.forEach((variable, value) -> {
            if (variable.startsWith("flyway_") || variable.startsWith("environments_")) {
                // Flyway 10's own spelling: flyway_<setting>, environments_<name>_<setting>
                found.put(variable.replaceFirst("^flyway_", "").replace('_', '.'), value);
            }
        });
        environment.forEach((variable, value) -> {
            String key = FlywayKeys.environmentVariable(variable);
            if (key != null) {
                found.put(key, value);
            }
        });
        return found;
    }

    private static String environmentName(
            Map<String, String> given,
            Map<String, String> variables,
            List<FlywayConfigFile> defaults,
            List<FlywayConfigFile> configFiles) {
        String name = null;
        for (List<FlywayConfigFile> files : List.of(defaults, configFiles)) {
            for (FlywayConfigFile file : files) {
                String set = file.settings().get("flyway.environment");
                if (set != null) {
                    name = set.strip();
                }
            }
        }
        String chosen = first(given.get("environment"), variables.get("environment"), name);
        return chosen == null ? "default" : chosen;
    }

    private static boolean isToml(String path) {
        return path.endsWith(".toml");
    }

    /**
     * Whether {@code files} choose TOML (Flyway's modern configuration), or empty when they name none.
     *
     * @throws MigrateException when they name both TOML and CONF files, which Flyway refuses
     */
    private static java.util.Optional<Boolean> toml(List<String> files, String where) {
        boolean anyToml = files.stream().anyMatch(FlywaySources::isToml);
        boolean anyConf = files.stream().anyMatch(f -> !isToml(f));
        if (anyToml && anyConf) {
            throw new MigrateException("The configuration files of " + where + " (" + String.join(", ", files)
                    + ") mix TOML and CONF files, which Flyway refuses to read together. Name the files of one kind. "
                    + "Nothing was read or written.");
        }
        return files.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(anyToml);
    }

    private static Charset encoding(@Nullable String name) {
        String encoding = name == null ? "UTF-8" : name.strip();
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new MigrateException(
                    "Flyway's configFileEncoding is set to '" + encoding + "', which Java does not know. Set it to a "
                            + "charset name such as UTF-8.",
                    e);
        }
    }

    /** One configuration file: its {@code flyway.*} settings and those of the chosen environment. */
    private void putFile(FlywayConfigFile file, String environmentName) {
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> ownUnresolved = new LinkedHashMap<>();
        String environment = "environments." + environmentName + ".";
        file.settings().forEach((key, value) -> {
            String why = file.unresolved().get(key);
            if (key.startsWith(environment + "flyway.")) {
                String setting = key.substring((environment + "flyway.").length());
                environmentOverrides.put(setting, value);
                environmentOverridesFrom.put(setting, file.shown());
                if (why != null) {
                    environmentOverridesUnresolved.put(setting, why);
                } else {
                    environmentOverridesUnresolved.remove(setting);
                }
                return;
            }
            String name = key.startsWith(environment)
                    ? key.substring(environment.length())
                    : key.startsWith("flyway.") ? key.substring("flyway.".length()) : null;
            // other environments, and the tables of Flyway's other commands, bear on nothing that ran here
            if (name != null && !name.equals("environment")) {
                own.put(name, value);
                if (why != null) {
                    ownUnresolved.put(name, why);
                }
            }
        });
        putAll(own, file.shown(), true, ownUnresolved);
        sources.add(file.shown());
    }

    /**
     * The chosen environment's {@code [environments.<name>.flyway]} settings over every other source, as Flyway's
     * {@code ClassicConfiguration} takes them; its placeholders replace the others as a whole.
     */
    private void environmentOverrides(String environmentName) {
        if (environmentOverrides.keySet().stream().anyMatch(k -> k.startsWith("placeholders."))) {
            placeholders.clear();
        }
        environmentOverrides.forEach((key, value) -> {
            String why = environmentOverridesUnresolved.get(key);
            putAll(
                    Map.of(key, value),
                    environmentOverridesFrom.get(key) + " [environments." + environmentName + ".flyway]",
                    true,
                    why == null ? Map.of() : Map.of(key, why));
        });
    }

    /**
     * Whether {@code name} lies in a table of its own in {@code [flyway]}: a database's settings
     * ({@code [flyway.postgresql]}, {@code [flyway.sqlserver]}) or a command's ({@code [flyway.check]}), none of
     * which bears on what a migration ran; placeholders and JDBC properties are Flyway's own.
     */
    private static boolean isNamespace(String name) {
        int dot = name.indexOf('.');
        return dot > 0 && !name.startsWith("placeholders.") && !name.startsWith("jdbcProperties.");
    }

    /**
     * Puts each of {@code source}'s settings by the import's name.
     *
     * @param strict whether a setting Flyway does not have is worth a warning
     * @param sourceUnresolved the settings of {@code source} whose value could not be resolved, with why
     */
    private void putAll(
            Map<String, String> source, String where, boolean strict, Map<String, String> sourceUnresolved) {
        source.forEach((key, value) -> {
            if (key.startsWith("placeholders.")) {
                placeholders.put(key.substring("placeholders.".length()), value);
                return;
            }
            if (isNamespace(key)) {
                return; // a database's or a command's settings ([flyway.postgresql], pluginConfiguration)
            }
            String name = FlywayKeys.canonical(key);
            if (FlywayKeys.KNOWN.contains(name) || FlywayKeys.NOT_HONOURED.containsKey(name)) {
                String earlier = values.get(name);
                if (isApplication(where)
                        && earlier != null
                        && !earlier.equals(value.strip())
                        && !isApplication(from.getOrDefault(name, ""))
                        && !name.equals("url")
                        && !name.equals("user")) {
                    // Flyway's own runs and the application's ran apart: which one the databases saw is the team's
                    // to say
                    warnings.add("Flyway's " + name + " is " + earlier + " in " + from.get(name) + " and "
                            + value.strip() + " in " + where.replace("*", "") + key + "; the import takes "
                            + value.strip() + ", as the application runs it. If the databases were migrated with "
                            + "Flyway's command line or Maven plugin, choose with -Dmigrate.import.flyway." + name
                            + "=" + earlier + ".");
                }
                values.put(name, value.strip());
                from.put(name, where);
                String why = sourceUnresolved.get(key);
                if (why != null) {
                    unresolved.put(name, why);
                } else {
                    unresolved.remove(name);
                }
            } else if (FlywayKeys.noBearing(key)) {
                // connecting, logging, validating: nothing a migration ran
            } else if (where.equals(OVERRIDES)) {
                warnings.add("The import setting -Dmigrate.import.flyway." + key + " is not one the Flyway import "
                        + "reads, and is left out; it reads " + String.join(", ", FlywayKeys.KNOWN)
                        + " and placeholders.<name>.");
            } else if (strict) {
                warnings.add("Flyway's setting " + key + " (" + where + ") is not one the import knows, and is left "
                        + "out; Flyway itself refuses a setting it does not know. Correct its spelling, or remove it.");
            }
        });
    }

    /** Whether a setting came from the application's settings ({@code spring.flyway.*}, {@code quarkus.flyway.*}). */
    private static boolean isApplication(String where) {
        return where.matches("(%prod\\.)?(spring|quarkus)\\.(flyway|datasource)\\.\\*");
    }

    /**
     * Spring Boot's {@code spring.flyway.*}, with {@code spring.datasource.*} for the user and URL it falls back to,
     * and the Quarkus extension's {@code quarkus.flyway.*} (its default datasource), with {@code quarkus.datasource.*}:
     * the keys without a profile, then those of {@code %prod.}, the profile the packaged application runs with.
     */
    private void application(Path projectDir) {
        Map<String, String> application = ProjectFiles.applicationSettings(projectDir, sources);
        for (String profile : List.of("", "%prod.")) {
            for (String tool : List.of("spring", "quarkus")) {
                if (profile.equals("%prod.") && tool.equals("spring")) {
                    continue;
                }
                Map<String, String> datasource = new LinkedHashMap<>();
                String url =
                        application.get(profile + tool + ".datasource." + (tool.equals("spring") ? "url" : "jdbc.url"));
                String user = application.get(profile + tool + ".datasource.username");
                if (url != null) {
                    datasource.put("url", url);
                }
                if (user != null) {
                    datasource.put("user", user);
                }
                putAll(datasource, profile + tool + ".datasource.*", false, Map.of());
                String prefix = profile + tool + ".flyway.";
                Map<String, String> own = new LinkedHashMap<>();
                application.forEach((key, value) -> {
                    if (key.startsWith(prefix)) {
                        own.put(key.substring(prefix.length()), value);
                    }
                });
                putAll(own, prefix + "*", false, Map.of());
            }
        }
        if ("false"
                .equalsIgnoreCase(application
                        .getOrDefault("spring.flyway.enabled", "true")
                        .strip())) {
            warnings.add("The application turns Flyway off (spring.flyway.enabled=false): the import reads its "
                    + "migrations all the same; check that the project runs them some other way.");
        }
    }

    /**
     * The {@code <configuration>} of the pom's {@code org.flywaydb:flyway-maven-plugin}, Maven's {@code ${...}}
     * resolved from the pom's properties; a list element's items joined with commas, {@code <placeholders>} and
     * {@code <pluginConfiguration>} by their items' names.
     */
    private static Map<String, String> plugin(ProjectFiles.Pom pom) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element configuration : pom.pluginConfigurations("flyway-maven-plugin")) {
            for (Element setting : ProjectFiles.children(configuration)) {
                String name = setting.getTagName();
                List<Element> items = ProjectFiles.children(setting);
                if (name.equals("placeholders") || name.equals("jdbcProperties")) {
                    items.forEach(p -> found.put(name + "." + p.getTagName(), pom.resolve(p.getTextContent())));
                } else if (name.equals("pluginConfiguration")) {
                    items.forEach(p -> found.put(p.getTagName(), pom.resolve(p.getTextContent())));
                } else if (!items.isEmpty()) {
                    found.put(
                            name,
                            String.join(
                                    ",",
                                    items.stream()
                                            .map(item -> pom.resolve(
                                                    item.getTextContent().strip()))
                                            .toList()));
                } else {
                    found.put(name, pom.resolve(setting.getTextContent().strip()));
                }
            }
        }
        return found;
    }

    // ---- the result --------------------------------------------------------------------------------------------

    private FlywaySettings settings(Path projectDir, String environmentName) {
        unresolved.forEach((name, why) -> {
            if (name.equals("url") || name.equals("user")) {
                // only ${flyway:database} and ${flyway:user} use them, which then say they are not set
                values.remove(name);
            } else if (FlywayKeys.KNOWN.contains(name) || FlywayKeys.NOT_HONOURED.containsKey(name)) {
                throw new MigrateException("Flyway's setting " + why + ". Set the variable for the import, or give "
                        + "the setting with -Dmigrate.import.flyway." + name + "=... (--import-setting flyway." + name
                        + "=... on the command line). Nothing was read or written.");
            }
        });
        FlywayKeys.NOT_HONOURED.forEach((name, message) -> {
            String value = values.get(name);
            if (value != null
                    && !value.isBlank()
                    && !"false".equalsIgnoreCase(value)
                    && !(name.equals("target") && value.equalsIgnoreCase("latest"))) {
                warnings.add("Flyway's setting " + name + "=" + value + " (" + from.get(name) + ") " + message + ".");
            }
        });
        String encoding = values.getOrDefault("encoding", "UTF-8");
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new MigrateException(
                    "Flyway's encoding is set to '" + encoding + "' in " + from.get("encoding")
                            + ", which Java does not know. Set flyway.encoding to a charset name such as UTF-8.",
                    e);
        }
        return new FlywaySettings(
                projectDir.toAbsolutePath().normalize(),
                list(values.getOrDefault("locations", "classpath:db/migration")).stream()
                        .map(location -> location.replace("{vendor}", "postgresql"))
                        .toList(),
                placeholders,
                values.getOrDefault("table", "flyway_schema_history"),
                blankToNull(values.get("defaultSchema")),
                list(values.getOrDefault("schemas", "")),
                blankToNull(values.get("baselineVersion")),
                flag("outOfOrder", false),
                values.getOrDefault("sqlMigrationPrefix", "V"),
                values.getOrDefault("undoSqlMigrationPrefix", "U"),
                values.getOrDefault("repeatableSqlMigrationPrefix", "R"),
                values.getOrDefault("sqlMigrationSeparator", "__"),
                list(values.getOrDefault("sqlMigrationSuffixes", ".sql")),
                values.getOrDefault("placeholderPrefix", "${"),
                values.getOrDefault("placeholderSuffix", "}"),
                values.getOrDefault("placeholderSeparator", ":"),
                flag("placeholderReplacement", true),
                charset,
                flag("executeInTransaction", true),
                flag("validateMigrationNaming", false),
                environmentName,
                blankToNull(values.get("user")),
                blankToNull(values.get("url")),
                sources,
                warnings);
    }

    /** A boolean setting; anything but {@code true} or {@code false} is refused, as Flyway refuses it. */
    private boolean flag(String name, boolean otherwise) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new MigrateException("Flyway's setting " + name + " is '" + value + "' in " + from.get(name)
                    + ", which is neither true nor false; Flyway refuses it too. Set it to true or false.");
        }
        return Boolean.parseBoolean(value);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",", -1))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static @Nullable String first(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
