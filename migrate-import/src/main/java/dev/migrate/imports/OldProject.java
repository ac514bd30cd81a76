package dev.migrate.imports;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.imports.flyway.FlywayMigrations;
import dev.migrate.imports.flyway.FlywayRun;
import dev.migrate.imports.flyway.FlywaySettings;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A project's old tool as the import meets it: where its migrations are, reading them, replaying them with the
 * tool itself, and the declared objects its repeatable migrations become.
 */
public sealed interface OldProject {
    /**
     * The project's Flyway or Liquibase setup, from its own configuration and the import's settings.
     *
     * @param settings the import's settings without {@code migrate.import.}: {@code flyway.locations},
     *     {@code flyway.placeholders.<name>}, {@code liquibase.changelog}, {@code liquibase.contexts}, ...
     */
    static OldProject of(OldTool tool, Path project, Map<String, String> settings, ToolLoader loader) {
        String prefix = tool.key() + ".";
        Map<String, String> own = new HashMap<>();
        settings.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                own.put(name.substring(prefix.length()), value);
            }
        });
        return tool == OldTool.FLYWAY
                ? new Flyway(FlywaySettings.read(project, own), loader)
                : new Liquibase(project, Liquibase.changelog(project, own), loader);
    }

    /** Where the migrations were found, as a user would name it. */
    String where();

    /** The schema the old chain builds. */
    String schema();

    /** Every migration, in the old tool's order, with what cannot be imported named. */
    OldChain read();

    /** Replays the old chain with the old tool on an empty database. */
    void replay(DataSource empty);

    /** The old tool's own tables, which no schema comparison includes. */
    List<String> ownTables(OldChain chain);

    /** The project's directory. */
    Path project();

    /**
     * Writes the objects beside the tables that the old chain builds (views, functions, triggers, policies, grants,
     * ...) as declared object files under {@code src/main/resources/db/objects/<tool>/}, compared and updated as
     * declared objects are from now on: from {@code built}, the schema the proof read where the old tool replayed its
     * chain, one file per object as the server spells it; without a proof, the repeatable migrations' statements
     * (Flyway's {@code R__}, Liquibase's {@code runOnChange}). The files written.
     *
     * @param built the old tool's schema as the proof read it, or {@code null} when the import was not proved
     */
    default List<Path> writeDeclaredObjects(OldChain chain, @Nullable DatabaseSchema built) {
        Path directory = project()
                .resolve("src/main/resources/db/objects")
                .resolve(chain.tool().key());
        if (built != null) {
            return DeclaredObjects.write(directory, chain.tool(), built);
        }
        List<Path> written = new ArrayList<>();
        for (OldMigration migration : chain.migrations()) {
            if (migration.kind() == OldMigration.Kind.REPEATABLE) {
                String name = chain.tool() == OldTool.FLYWAY
                        ? migration.description()
                        : migration.key().split("::", -1)[1];
                written.add(DeclaredObjects.write(directory.resolve(DeclaredObjects.fileName(name)), migration));
            }
        }
        return written;
    }

    /** Flyway, from {@code flyway.conf}, its Maven plugin, {@code spring.flyway.*} and the import's settings. */
    record Flyway(FlywaySettings settings, ToolLoader loader) implements OldProject {
        @Override
        public String where() {
            return String.join(", ", settings.locations());
        }

        @Override
        public String schema() {
            String first = settings.historySchema();
            return first == null ? "public" : first;
        }

        @Override
        public OldChain read() {
            return FlywayMigrations.read(settings);
        }

        @Override
        public void replay(DataSource empty) {
            FlywayRun.migrate(loader, FlywayRun.of(Endpoint.of(empty).urlWithUser(), settings));
        }

        @Override
        public List<String> ownTables(OldChain chain) {
            return List.of(chain.table());
        }

        @Override
        public Path project() {
            return settings.projectDir();
        }
    }

    /** Liquibase, from the import's settings, {@code spring.liquibase.change-log} or {@code liquibase.properties}. */
    record Liquibase(Path project, LiquibaseProject changelog, ToolLoader loader) implements OldProject {
        /** Spring Boot's default, which most projects keep. */
        static final String DEFAULT_CHANGELOG = "db/changelog/db.changelog-master.yaml";

        static LiquibaseProject changelog(Path project, Map<String, String> settings) {
            Path resources = project.resolve("src/main/resources");
            String changelog = settings.get("changelog");
            String from = "the import setting liquibase.changelog";
            if (changelog == null) {
                changelog = Liquibase.springSetting(resources);
                from = "spring.liquibase.change-log";
            }
            if (changelog == null) {
                changelog = Liquibase.propertiesSetting(project, resources);
                from = "liquibase.properties";
            }
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
                from = "Spring Boot's default";
            }
            if (changelog == null) {
                throw new MigrateException("No Liquibase changelog was found: none is configured "
                        + "(spring.liquibase.change-log, changeLogFile in liquibase.properties) and "
                        + resources.resolve(DEFAULT_CHANGELOG)
                        + " does not exist. Name the root changelog, a path under "
                        + "src/main/resources, with the import setting liquibase.changelog "
                        + "(-Dmigrate.import.liquibase.changelog=db/changelog/<file> in Maven, --import-setting "
                        + "liquibase.changelog=db/changelog/<file> on the command line). Nothing was read or written.");
            }
            changelog = changelog.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
            if (!Files.isRegularFile(resources.resolve(changelog))
                    && !Files.isRegularFile(project.resolve(changelog))) {
                throw new MigrateException("The Liquibase changelog " + changelog + " (from " + from + ") is not in "
                        + resources
                        + ". Name the root changelog, a path under src/main/resources, with the import setting "
                        + "liquibase.changelog (-Dmigrate.import.liquibase.changelog=... in Maven, --import-setting "
                        + "liquibase.changelog=... on the command line). Nothing was read or written.");
            }
            Map<String, String> parameters = new HashMap<>();
            settings.forEach((name, value) -> {
                if (name.startsWith("parameters.")) {
                    parameters.put(name.substring("parameters.".length()), value);
                }
            });
            List<Path> roots =
                    Files.isRegularFile(resources.resolve(changelog)) ? List.of(resources) : List.of(project);
            return new LiquibaseProject(roots, changelog, parameters, settings.get("contexts"), settings.get("labels"));
        }

        private static @Nullable String springSetting(Path resources) {
            Properties properties = load(resources.resolve("application.properties"));
            String value = properties.getProperty("spring.liquibase.change-log");
            if (value != null) {
                return value.strip();
            }
            for (String yaml : List.of("application.yml", "application.yaml")) {
                Path file = resources.resolve(yaml);
                if (Files.isRegularFile(file)) {
                    Object tree = new org.yaml.snakeyaml.Yaml().load(read(file));
                    Object found = path(tree, "spring", "liquibase", "change-log");
                    if (found == null) {
                        found = path(tree, "spring", "liquibase", "changeLog");
                    }
                    if (found != null) {
                        return found.toString().strip();
                    }
                }
            }
            return null;
        }

        private static @Nullable String propertiesSetting(Path project, Path resources) {
            for (Path file :
                    List.of(project.resolve("liquibase.properties"), resources.resolve("liquibase.properties"))) {
                Properties properties = load(file);
                for (String name : List.of("changeLogFile", "changelog-file", "liquibase.changelog-file")) {
                    String value = properties.getProperty(name);
                    if (value != null) {
                        return value.strip();
                    }
                }
            }
            return null;
        }

        private static @Nullable Object path(@Nullable Object tree, String... keys) {
            Object node = tree;
            for (String key : keys) {
                if (!(node instanceof Map<?, ?> map)) {
                    return null;
                }
                node = map.get(key);
            }
            return node;
        }

        private static Properties load(Path file) {
            Properties properties = new Properties();
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return properties;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String where() {
            return changelog.changelog();
        }

        @Override
        public String schema() {
            return "public";
        }

        @Override
        public OldChain read() {
            return LiquibaseChangelog.read(loader, changelog);
        }

        @Override
        public void replay(DataSource empty) {
            Endpoint endpoint = Endpoint.of(empty);
            LiquibaseUpdate.run(loader, endpoint.url(), endpoint.user(), null, changelog, LiquibaseUpdate.Stop.all());
        }

        @Override
        public List<String> ownTables(OldChain chain) {
            return List.of(chain.table(), chain.table() + "lock");
        }
    }

    /** A throwaway database as the old tool connects to it: the embedded server trusts its superuser. */
    record Endpoint(String url, String user) {
        /** The URL with the user, for a tool given a URL alone. */
        String urlWithUser() {
            return url + (url.contains("?") ? "&" : "?") + "user=" + user;
        }

        static Endpoint of(DataSource dataSource) {
            try (Connection c = dataSource.getConnection()) {
                return new Endpoint(c.getMetaData().getURL(), c.getMetaData().getUserName());
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not connect to the import's throwaway database: " + e.getMessage(), e);
            }
        }
    }
}
