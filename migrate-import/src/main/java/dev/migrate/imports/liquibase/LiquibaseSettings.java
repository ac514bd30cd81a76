package dev.migrate.imports.liquibase;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Liquibase's settings as a project keeps them, read from every place Liquibase's users keep them; a later source
 * wins over an earlier one, setting by setting (parameters one by one): {@code liquibase.properties} (the Maven
 * plugin's {@code propertyFile}, else the one in the project's directory or {@code src/main/resources}), the
 * Liquibase Maven plugin's {@code <configuration>} (the other way round when it sets
 * {@code propertyFileWillOverride}), Spring Boot's {@code spring.liquibase.*}, the Quarkus extension's
 * {@code quarkus.liquibase.*}, then the import's own ({@code -Dmigrate.import.liquibase.*}).
 *
 * @param project the changelog and how the project runs it, as far as the settings say
 * @param sources the files the settings came from, in the order read, for messages
 * @param warnings each setting that bears on what Liquibase ran and that the import cannot honour, with the way
 *     out, one sentence each
 */
public record LiquibaseSettings(LiquibaseProject project, List<String> sources, List<String> warnings) {
    /** Spring Boot's default changelog, which most projects keep. */
    static final String DEFAULT_CHANGELOG = "db/changelog/db.changelog-master.yaml";

    /** The settings read, by the import's names, for messages. */
    static final List<String> KNOWN = List.of(
            "changelog", "searchPath", "defaultSchema", "changelogSchema", "table", "lockTable", "contexts", "labels");

    /**
     * Each setting read, by the name the import gives it, with every spelling Liquibase's faces use for it (the
     * Maven plugin's, {@code liquibase.properties}' old and new names, Spring's, Quarkus's), compared without case,
     * dashes or dots.
     */
    private static final Map<String, List<String>> SPELLINGS = Map.of(
            "changelog", List.of("changelog", "changelogfile", "liquibasechangelogfile"),
            "searchPath", List.of("searchpath", "changelogdirectory"),
            "defaultSchema", List.of("defaultschema", "defaultschemaname"),
            "changelogSchema",
                    List.of("changelogschema", "changelogschemaname", "liquibaseschema", "liquibaseschemaname"),
            "table", List.of("databasechangelogtable", "databasechangelogtablename"),
            "lockTable", List.of("databasechangeloglocktable", "databasechangeloglocktablename"),
            "contexts", List.of("contexts", "context", "contextfilter"),
            "labels", List.of("labels", "labelfilter"));

    /**
     * Settings that change what Liquibase ran and that no imported chain can take over, with the way out; by the
     * spelling compared as in {@link #SPELLINGS}.
     */
    private static final Map<String, String> NOT_HONOURED = Map.of(
            "dropfirst",
            "drops every object of the schema before each update, which no revision does. Drop the setting before "
                    + "moving in; a test that wants an empty database starts from one (migrate-junit does)",
            "defaultcatalogname",
            "names a catalog, which PostgreSQL does not have beside the database connected to. Remove it",
            "liquibasecatalogname",
            "names a catalog, which PostgreSQL does not have beside the database connected to. Remove it",
            "changelogcatalogname",
            "names a catalog, which PostgreSQL does not have beside the database connected to. Remove it",
            "changeexeclistenerclass",
            "runs the project's listener around each changeset, which the import cannot read. Move what it does into "
                    + "the revisions after the import",
            "includesystemclasspath",
            "changes where includes are found. The import searches src/main/resources and the search path only: "
                    + "set searchPath to the directories that hold every included file");

    /**
     * Reads the settings of the project in {@code projectDir}.
     *
     * @param overrides the import's settings without {@code migrate.import.liquibase.} ({@code changelog},
     *     {@code contexts}, {@code parameters.<name>}); they win over every file
     * @throws MigrateException naming the file when a settings file cannot be read, or when no changelog is found
     */
    public static LiquibaseSettings read(Path projectDir, Map<String, String> overrides) {
        List<String> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Settings settings = new Settings(warnings);

        ProjectFiles.Pom pom = ProjectFiles.Pom.read(projectDir);
        Map<String, String> plugin = new LinkedHashMap<>();
        if (pom != null) {
            for (Element configuration : pom.pluginConfigurations("liquibase-maven-plugin")) {
                plugin.putAll(pluginSettings(configuration, pom));
            }
        }
        Path propertyFile = propertyFile(projectDir, plugin.get("propertyFile"));
        boolean fileWins = Boolean.parseBoolean(plugin.getOrDefault("propertyFileWillOverride", "false"));
        if (!fileWins && propertyFile != null) {
            readPropertyFile(projectDir, propertyFile, settings, sources);
        }
        if (!plugin.isEmpty()) {
            if ("true".equalsIgnoreCase(plugin.getOrDefault("skip", "false"))) {
                warnings.add("The Liquibase Maven plugin is configured with <skip>true</skip> in pom.xml: the import "
                        + "reads its changelog all the same; check that the project runs it some other way.");
            }
            settings.putAll(plugin, "pom.xml (liquibase-maven-plugin)", false);
            sources.add("pom.xml");
        }
        if (fileWins && propertyFile != null) {
            readPropertyFile(projectDir, propertyFile, settings, sources);
        }

        Map<String, String> application = ProjectFiles.applicationSettings(projectDir, sources);
        for (String prefix : List.of("spring.liquibase.", "quarkus.liquibase.", "%prod.quarkus.liquibase.")) {
            Map<String, String> own = new LinkedHashMap<>();
            application.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    own.put(key.substring(prefix.length()), value);
                }
            });
            if ("false".equalsIgnoreCase(own.getOrDefault("enabled", "true").strip())) {
                warnings.add("The application turns Liquibase off (" + prefix + "enabled=false): the import reads its "
                        + "changelog all the same; check that the project runs it some other way.");
            }
            settings.putAll(own, prefix + "*", false);
        }
        settings.putAll(overrides, "-Dmigrate.import.liquibase.*", true);
        if (!overrides.isEmpty()) {
            sources.add("-Dmigrate.import.liquibase.*");
        }
        return new LiquibaseSettings(settings.project(projectDir), sources, warnings);
    }

    public LiquibaseSettings {
        Objects.requireNonNull(project, "project");
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }

    /** The plugin's settings by its names; {@code expressionVariables} and {@code expressionVars} as parameters. */
    private static Map<String, String> pluginSettings(Element configuration, ProjectFiles.Pom pom) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element setting : ProjectFiles.children(configuration)) {
            String name = setting.getTagName();
            List<Element> items = ProjectFiles.children(setting);
            if (name.equals("expressionVariables") || name.equals("expressionVars")) {
                for (Element item : items) {
                    // a map is <name>value</name>; Properties may be <property><name/><value/></property>
                    Element n = ProjectFiles.child(item, "name");
                    Element v = ProjectFiles.child(item, "value");
                    if (n != null && v != null) {
                        found.put("parameters." + n.getTextContent().strip(), pom.resolve(v.getTextContent()));
                    } else {
                        found.put("parameters." + item.getTagName(), pom.resolve(item.getTextContent()));
                    }
                }
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
        return found;
    }

    /** The properties file Liquibase reads: the plugin's {@code propertyFile}, else a default one, or none. */
    private static @Nullable Path propertyFile(Path projectDir, @Nullable String configured) {
        if (configured != null) {
            String path = configured.replaceFirst("^classpath\\*?:", "");
            for (Path candidate : List.of(
                    projectDir.resolve(path),
                    projectDir.resolve("src/main/resources").resolve(path.replaceFirst("^/+", "")))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw new MigrateException("The Liquibase Maven plugin's propertyFile " + configured + " (pom.xml) is "
                    + "neither in " + projectDir + " nor in its src/main/resources. Correct the path in the pom, or "
                    + "remove the setting. Nothing was read or written.");
        }
        for (Path candidate : List.of(
                projectDir.resolve("liquibase.properties"),
                projectDir.resolve("src/main/resources/liquibase.properties"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void readPropertyFile(Path projectDir, Path file, Settings settings, List<String> sources) {
        Map<String, String> own = new LinkedHashMap<>();
        ProjectFiles.properties(file, "The Liquibase properties file").forEach((key, value) -> {
            // 4.x also accepts liquibase.command.<name> and liquibase.<name>; parameters are parameter.<name>
            String name = key.replaceFirst("^liquibase\\.command\\.", "").replaceFirst("^liquibase\\.", "");
            own.put(
                    name.startsWith("parameter.") ? "parameters." + name.substring("parameter.".length()) : name,
                    value);
        });
        String shown = projectDir.relativize(file).toString();
        settings.putAll(own, shown, false);
        sources.add(shown);
    }

    /** The settings as they are merged, with where each came from for messages. */
    private static final class Settings {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, String> from = new LinkedHashMap<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final List<String> warnings;

        Settings(List<String> warnings) {
            this.warnings = warnings;
        }

        /**
         * Puts each of {@code source}'s settings by the import's name; parameters ({@code parameters.<name>},
         * Quarkus's {@code change-log-parameters.<name>}) by their name as written.
         *
         * @param strict whether a setting the import does not know is worth a warning (the import's own settings)
         */
        void putAll(Map<String, String> source, String where, boolean strict) {
            source.forEach((key, value) -> {
                for (String prefix : List.of("parameters.", "change-log-parameters.", "changeLogParameters.")) {
                    if (key.startsWith(prefix)) {
                        parameters.put(key.substring(prefix.length()), value);
                        return;
                    }
                }
                String spelling = key.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "");
                String name = SPELLINGS.entrySet().stream()
                        .filter(e -> e.getValue().contains(spelling))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
                if (name != null) {
                    String earlier = values.get(name);
                    boolean application = where.contains("liquibase.*");
                    if (application
                            && earlier != null
                            && !earlier.equals(value.strip())
                            && !from.getOrDefault(name, "").contains("liquibase.*")) {
                        // the Maven plugin's runs and the application's ran apart: which one the databases saw is
                        // the team's to say
                        warnings.add("Liquibase's " + name + " is " + earlier + " in " + from.get(name) + " and "
                                + value.strip() + " in " + where.replace("*", "") + key + "; the import takes "
                                + value.strip() + ", as the application runs it. If the databases were updated with "
                                + "the Maven plugin, choose with -Dmigrate.import.liquibase." + name + "=" + earlier
                                + ".");
                    }
                    values.put(name, value.strip());
                    from.put(name, where + " " + key);
                } else if (NOT_HONOURED.containsKey(spelling) && !"false".equalsIgnoreCase(value.strip())) {
                    warnings.add("Liquibase's setting " + key + " (" + where + ") " + NOT_HONOURED.get(spelling) + ".");
                } else if (strict) {
                    warnings.add("The import setting -Dmigrate.import.liquibase." + key + " is not one the Liquibase "
                            + "import reads, and is left out; it reads " + String.join(", ", KNOWN)
                            + " and parameters.<name>.");
                }
            });
        }

        LiquibaseProject project(Path projectDir) {
            Path resources = projectDir.resolve("src/main/resources");
            String changelog = values.get("changelog");
            String where = from.getOrDefault("changelog", "Spring Boot's default");
            if (changelog == null) {
                for (String candidate : List.of(
                        DEFAULT_CHANGELOG,
                        "db/changelog/db.changelog-master.xml",
                        "db/changelog/db.changelog-master.yml",
                        "db/changelog/db.changelog-master.json",
                        "db/changelog/db.changelog-master.sql")) {
                    if (Files.isRegularFile(resources.resolve(candidate))) {
                        changelog = candidate;
                        break;
                    }
                }
            }
            if (changelog == null) {
                throw new MigrateException("No Liquibase changelog was found: none is configured (changeLogFile of "
                        + "the Liquibase Maven plugin or of liquibase.properties, spring.liquibase.change-log, "
                        + "quarkus.liquibase.change-log) and " + resources.resolve(DEFAULT_CHANGELOG)
                        + " does not exist. Name the root changelog, a path under "
                        + "src/main/resources, with the import setting liquibase.changelog "
                        + "(-Dmigrate.import.liquibase.changelog=db/changelog/<file> in Maven, --import-setting "
                        + "liquibase.changelog=db/changelog/<file> on the command line). Nothing was read or written.");
            }
            changelog = changelog.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
            Set<Path> roots = new LinkedHashSet<>();
            String searchPath = values.get("searchPath");
            if (searchPath != null) {
                for (String entry : Arrays.asList(searchPath.split(","))) {
                    String dir = entry.strip().replaceFirst("^file:", "");
                    if (dir.isEmpty()) {
                        continue;
                    }
                    Path root = projectDir.resolve(dir).normalize();
                    if (!Files.isDirectory(root)) {
                        throw new MigrateException("Liquibase's search path names " + entry.strip() + " ("
                                + from.get("searchPath") + "), which is no directory under " + projectDir
                                + ". Correct the search path, or name the changelog's directory with "
                                + "-Dmigrate.import.liquibase.searchPath=<dir>. Nothing was read or written.");
                    }
                    roots.add(root);
                }
            }
            final String path = changelog;
            if (roots.stream().noneMatch(root -> Files.isRegularFile(root.resolve(path)))) {
                if (Files.isRegularFile(resources.resolve(path))) {
                    roots.add(resources);
                } else if (Files.isRegularFile(projectDir.resolve(path))) {
                    roots.add(projectDir);
                } else {
                    throw new MigrateException("The Liquibase changelog " + path + " (from " + where + ") is not in "
                            + (roots.isEmpty() ? "" : "the search path " + roots + " nor in ") + resources
                            + ". Name the root changelog, a path under src/main/resources, with the import setting "
                            + "liquibase.changelog (-Dmigrate.import.liquibase.changelog=... in Maven, --import-setting "
                            + "liquibase.changelog=... on the command line). Nothing was read or written.");
                }
            }
            String changelogSchema = values.get("changelogSchema");
            return new LiquibaseProject(
                    List.copyOf(roots),
                    path,
                    parameters,
                    blankToNull(values.get("contexts")),
                    blankToNull(values.get("labels")),
                    blankToNull(values.get("defaultSchema")),
                    blankToNull(changelogSchema),
                    values.getOrDefault("table", LiquibaseProject.TABLE),
                    values.getOrDefault("lockTable", LiquibaseProject.LOCK_TABLE));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
