package dev.migrate.imports;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.imports.flyway.FlywayMigrations;
import dev.migrate.imports.flyway.FlywayRun;
import dev.migrate.imports.flyway.FlywaySettings;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseSettings;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.sql.Identifiers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
                : new Liquibase(project, LiquibaseSettings.read(project, own), loader);
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

    /**
     * Flyway, from {@code flyway.conf} or {@code flyway.toml}, {@code configFiles}, {@code FLYWAY_*} variables, its
     * Maven plugin, {@code spring.flyway.*} and the import's settings, in Flyway's order ({@code FlywaySettings}).
     */
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

    /**
     * Liquibase, from its Maven plugin, {@code liquibase.properties}, {@code spring.liquibase.*},
     * {@code quarkus.liquibase.*} and the import's settings.
     */
    record Liquibase(Path project, LiquibaseSettings settings, ToolLoader loader) implements OldProject {
        /** The changelog and how the project runs it. */
        LiquibaseProject changelog() {
            return settings.project();
        }

        @Override
        public String where() {
            return changelog().changelog();
        }

        @Override
        public String schema() {
            return changelog().schema();
        }

        @Override
        public OldChain read() {
            OldChain chain = LiquibaseChangelog.read(loader, changelog());
            List<String> warnings = new ArrayList<>(settings.warnings());
            // the history's schema, as Liquibase keeps it (changelogSchemaName, else defaultSchemaName)
            String historySchema = changelog().history().schema();
            if (historySchema != null && !historySchema.equals("public")) {
                warnings.add("Liquibase keeps its history in the schema " + historySchema + " ("
                        + (changelog().changelogSchema() != null ? "changelogSchemaName" : "defaultSchemaName")
                        + "): the first upgrade of each database finds it there when " + historySchema + " is on the "
                        + "connection's search_path or is migrate's own schema (migrate.schema=" + historySchema
                        + "). Set one of them, or each database runs the whole chain over what Liquibase built.");
            }
            warnings.addAll(chain.warnings());
            return new OldChain(
                    chain.tool(),
                    chain.migrations(),
                    chain.table(),
                    chain.schema(),
                    chain.baselineVersion(),
                    chain.refusals(),
                    warnings);
        }

        @Override
        public void replay(DataSource empty) {
            Endpoint endpoint = Endpoint.of(empty);
            if (changelog().defaultSchema() != null || changelog().changelogSchema() != null) {
                // Liquibase creates neither: the project's databases had them before its first update
                try (Connection c = empty.getConnection();
                        Statement s = c.createStatement()) {
                    for (String schema : new LinkedHashSet<>(Arrays.asList(
                            changelog().defaultSchema(), changelog().changelogSchema()))) {
                        if (schema != null) {
                            s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
                        }
                    }
                } catch (SQLException e) {
                    throw new MigrateException(
                            "Could not create Liquibase's schemas in the import's throwaway database: "
                                    + e.getMessage(),
                            e);
                }
            }
            LiquibaseUpdate.run(loader, endpoint.url(), endpoint.user(), null, changelog(), LiquibaseUpdate.Stop.all());
        }

        @Override
        public List<String> ownTables(OldChain chain) {
            return List.of(chain.table(), changelog().lockTable());
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
