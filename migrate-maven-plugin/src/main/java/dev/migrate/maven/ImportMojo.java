package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.command.RetireCommand;
import dev.migrate.command.tooling.ImportCommand;
import dev.migrate.imports.tool.OldTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Moves a project in from Flyway or Liquibase, keeping its history:
 * {@code mvn migrate:import -Dmigrate.import.from=flyway}. Reads the old tool's migrations where it finds them,
 * writes one revision per versioned migration or changeset (a linear chain in the old order, each naming the
 * migration it came from), and proves them first: the old tool replays its chain on a throwaway database, migrate
 * the written one on another, and both schemas must be equal. Then the first {@code migrate:upgrade} of each
 * database the old tool migrated marks what it applied, its checksums checked, and runs only what follows. The old
 * tool runs in a class loader of its own, resolved from Maven Central (Flyway, or Liquibase 4.33).
 */
@Mojo(
        name = "import",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ImportMojo extends SchemaWriteMojo {
    /** The tool the project moves in from: {@code flyway} or {@code liquibase}. */
    @Parameter(property = "migrate.import.from")
    protected @Nullable String importFrom;

    /**
     * Whether the written chain is proved against the old tool's own replay before anything is written; {@code false}
     * skips the proof (and its throwaway server).
     */
    @Parameter(property = "migrate.import.prove", defaultValue = "true")
    protected boolean importProve;

    /** The Flyway version the proof replays with. */
    @Parameter(property = "migrate.import.flywayVersion", defaultValue = OldTool.FLYWAY_VERSION)
    protected String importFlywayVersion;

    /** The Liquibase version the import renders and replays with: a 4.x, the last open-source line. */
    @Parameter(property = "migrate.import.liquibaseVersion", defaultValue = OldTool.LIQUIBASE_VERSION)
    protected String importLiquibaseVersion;

    /**
     * The import's settings for the old tool by name, such as flyway.locations, flyway.placeholders.owner,
     * flyway.table, liquibase.changelog, liquibase.contexts or liquibase.parameters.prefix; on the command line each
     * is a property, such as -Dmigrate.import.flyway.locations=filesystem:sql.
     */
    @Parameter
    protected @Nullable Map<String, String> importSettings;

    /**
     * Instead of importing, retires the old tool's history table of the configured database once it has moved in:
     * {@code dry-run} says what it would drop, {@code true} says it and drops it.
     */
    @Parameter(property = "migrate.import.retire")
    protected @Nullable String importRetire;

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        if (importRetire != null && !importRetire.equals("false")) {
            if (!importRetire.equals("true") && !importRetire.equals("dry-run")) {
                throw new MigrateException("-Dmigrate.import.retire takes true (drop the old tool's history table) or "
                        + "dry-run (say what would be dropped), not \"" + importRetire + "\". Nothing was dropped.");
            }
            if (!database.database().isConfigured()) {
                throw new MigrateException("migrate:import -Dmigrate.import.retire drops the old tool's history table "
                        + "of a database, and no database URL is configured. Give it with -Dmigrate.url=... "
                        + "Nothing was dropped.");
            }
            new RetireCommand(importRetire.equals("true")).run(database.context(projectClasses));
            return;
        }
        Map<String, String> settings = OldToolSettings.of(importSettings, session.getUserProperties());
        new ImportCommand(
                        importFrom == null ? "" : importFrom,
                        project.getBasedir().toPath(),
                        settings,
                        sourceRoot(database.goal()),
                        importProve)
                .run(
                        new ImportCommand.Tools(
                                this::toolJars,
                                database.goal().classpathElements().stream()
                                        .map(Path::of)
                                        .toList(),
                                database.goal().inTarget("migrate", "import")),
                        database.context(projectClasses));
    }

    /** The old tool's jars, resolved as any dependency is, and never added to this realm. */
    private List<Path> toolJars(OldTool tool) {
        return OldToolSettings.jars(
                tool == OldTool.FLYWAY
                        ? List.of(
                                "org.flywaydb:flyway-core:" + importFlywayVersion,
                                "org.flywaydb:flyway-database-postgresql:" + importFlywayVersion)
                        : List.of("org.liquibase:liquibase-core:" + importLiquibaseVersion),
                tool,
                repositorySystem,
                session.getRepositorySession(),
                project.getRemotePluginRepositories());
    }
}
