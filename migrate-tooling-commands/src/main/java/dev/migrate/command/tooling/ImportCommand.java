package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.CONSENT;
import static dev.migrate.command.settings.SettingsTable.IMPORT_FLYWAY_VERSION;
import static dev.migrate.command.settings.SettingsTable.IMPORT_FROM;
import static dev.migrate.command.settings.SettingsTable.IMPORT_LIQUIBASE_VERSION;
import static dev.migrate.command.settings.SettingsTable.IMPORT_PROVE;
import static dev.migrate.command.settings.SettingsTable.IMPORT_RETIRE;
import static dev.migrate.command.settings.SettingsTable.IMPORT_SETTINGS;
import static dev.migrate.command.settings.SettingsTable.MANAGED_SCHEMA;
import static dev.migrate.command.settings.SettingsTable.PROJECT;
import static dev.migrate.command.settings.SettingsTable.SOURCE_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.TOOL_PATH;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.command.CommandContext;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.imports.ImportProof;
import dev.migrate.imports.ImportedRevisions;
import dev.migrate.imports.OldProject;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.text.Fixes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code import}: moves a project in from Flyway or Liquibase. Reads the old tool's migrations as it finds them,
 * writes one revision per migration (a linear chain in the old order), and first proves them: the old tool replays
 * its chain on one throwaway database, migrate the written one on another, and both schemas must be equal. Nothing
 * is written when the proof finds a difference or a migration cannot be kept:
 * {@code new ImportCommand("flyway", project, Map.of(), sources, true).run(tools, context)}.
 *
 * @param from {@code flyway} or {@code liquibase}
 * @param project the project's directory, where the old tool's configuration and files are
 * @param settings the import's own settings ({@code -Dmigrate.import.*} without the prefix): placeholders,
 *     locations, the changelog, contexts
 * @param sources where the revisions are written
 * @param prove whether to replay both chains and compare them before writing
 */
public record ImportCommand(
        String from, Path project, Map<String, String> settings, SourceRoot sources, boolean prove) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("import")
            .and(
                    SOURCE_DIRECTORY,
                    MANAGED_SCHEMA,
                    IMPORT_FROM,
                    IMPORT_PROVE,
                    IMPORT_FLYWAY_VERSION,
                    IMPORT_LIQUIBASE_VERSION)
            .and(IMPORT_SETTINGS, IMPORT_RETIRE, TOOL_PATH, PROJECT)
            .withThrowawayServers()
            // the command line's import connects only to retire the old tool's history table: it runs no migration
            .notOnCommandLine(SettingsTable.DATABASE.stream()
                    .filter(row -> row.run() != null)
                    .toList())
            .notOnCommandLine(MANAGED_SCHEMA)
            .andOnCommandLine(CONSENT);

    public ImportCommand {
        settings = Map.copyOf(settings);
    }

    /**
     * What the import runs with besides its settings, which only the face knows.
     *
     * @param jars the old tool's jars with what they need, resolved as the face resolves libraries (Maven's
     *     resolver, the local repository), once the import knows it needs them
     * @param projectClasspath the project's compiled classes and dependencies, which the written revisions compile
     *     against
     * @param workDirectory a directory for the proof's compiled classes
     */
    public record Tools(Function<OldTool, List<Path>> jars, List<Path> projectClasspath, Path workDirectory) {
        public Tools {
            projectClasspath = List.copyOf(projectClasspath);
        }
    }

    /** The tool {@code from} names. */
    public static OldTool tool(String from, Fixes fixes) {
        return Arrays.stream(OldTool.values())
                .filter(t -> t.key().equals(from.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new MigrateException(fixes.command("import") + " moves a project in from "
                        + "Flyway or Liquibase, and "
                        + (from.isBlank() ? "no tool was named" : "\"" + from + "\" is neither") + ". Add "
                        + fixes.setting("import.from", "flyway") + " or "
                        + fixes.setting("import.from", "liquibase") + ". Nothing was read or written."));
    }

    /**
     * Imports, proves and writes.
     *
     * @throws MigrateException naming each migration that cannot be kept, each difference the proof found, or the
     *     revisions the chain already holds; nothing is written then
     */
    public void run(Tools tools, CommandContext context) {
        OldTool tool = tool(from, context.fixes());
        Migrator chain = context.migrations(false).build();
        if (!chain.revisions().isEmpty()) {
            throw new MigrateException(
                    context.fixes().command("import") + " writes the first revisions of a chain, and "
                            + sources.packageName() + " already holds "
                            + chain.revisions().size() + " revision"
                            + (chain.revisions().size() == 1 ? "" : "s") + ". Import into an empty package (delete the "
                            + "revisions an earlier import wrote, or set "
                            + context.fixes().setting("packages", "<another package>")
                            + "). Nothing was written.");
        }
        // the project's classes after the tool's jars: Flyway's Java-based migrations replay from them
        List<Path> jars = new ArrayList<>(tools.jars().apply(tool));
        jars.addAll(tools.projectClasspath());
        try (ToolLoader loader = ToolLoader.of(tool, jars)) {
            OldProject old = OldProject.of(tool, project, settings, loader);
            OldChain oldChain = old.read();
            oldChain.warnings().forEach(context.output()::warn);
            ImportedRevisions writer = new ImportedRevisions(sources.packageName());
            List<ImportedRevisions.Written> revisions = writer.of(oldChain, null);
            if (revisions.isEmpty()) {
                context.output()
                        .info(tool.displayName() + " has no migration in " + old.where() + ", so there is nothing to "
                                + "import. Check "
                                + context.fixes()
                                        .setting(
                                                tool == OldTool.FLYWAY
                                                        ? "import.flyway.locations"
                                                        : "import.liquibase.changelog",
                                                "...")
                                + ". Nothing was written.");
                return;
            }
            @Nullable SchemaSnapshot proved = null;
            if (prove) {
                proved = prove(tools, context, old, oldChain, revisions);
            } else {
                context.output()
                        .warn("The import was not proved (" + context.fixes().setting("import.prove", "false")
                                + "): nothing compared the written chain with " + tool.displayName() + "'s.");
            }
            List<Path> written = writer.write(revisions, sources.directory());
            List<Path> objects = old.writeDeclaredObjects(oldChain, proved == null ? null : proved.expected());
            if (proved != null) {
                // verify compares the imported head with it: an imported revision edited later is caught there
                proved.writeUnder(project.resolve("src/main/resources"));
            }
            context.output()
                    .result(new CommandResult.Imported(
                            tool.key(),
                            revisions.stream()
                                    .map(ImportedRevisions.Written::id)
                                    .toList(),
                            objects.stream().map(context::shown).toList(),
                            prove,
                            List.of()));
            context.output()
                    .info("Wrote " + written.size() + " revision" + (written.size() == 1 ? "" : "s") + " imported from "
                            + tool.displayName() + " (" + old.where() + ") into " + context.shown(sources.directory())
                            + ", "
                            + revisions.get(0).id() + " to "
                            + revisions.get(revisions.size() - 1).id()
                            + (objects.isEmpty()
                                    ? ""
                                    : ", and " + objects.size() + " declared object file"
                                            + (objects.size() == 1 ? "" : "s") + " of what it builds beside the tables")
                            + ". The first " + context.fixes().command("upgrade") + " of each database "
                            + tool.displayName()
                            + " migrated marks what it applied and runs only what follows; a new database gets the whole "
                            + "chain.");
        }
    }

    /** Proves the written chain; the schema the old tool built, as a snapshot of the imported head. */
    private SchemaSnapshot prove(
            Tools tools,
            CommandContext context,
            OldProject old,
            OldChain oldChain,
            List<ImportedRevisions.Written> revisions) {
        ComparisonDatabases databases = context.databases(null);
        Path work;
        try {
            work = Files.createDirectories(tools.workDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ComparisonDatabases.ThrowawayServer server = databases.start(databases.defaultVersion())) {
            ImportProof proof = new ImportProof(old.schema(), old.ownTables(oldChain));
            ImportProof.Result result = proof.prove(
                    old::replay,
                    server.createDatabase("import_" + oldChain.tool().key()),
                    revisions,
                    sources.packageName(),
                    tools.projectClasspath(),
                    work,
                    server.createDatabase("import_migrate"));
            List<String> differences = result.differences();
            if (!differences.isEmpty()) {
                context.output()
                        .result(new CommandResult.Imported(
                                oldChain.tool().key(), List.of(), List.of(), true, differences));
                throw new MigrateException("The written chain does not build what "
                        + oldChain.tool().displayName()
                        + " builds: replayed on two empty databases, the schemas differ in "
                        + differences.size() + " place" + (differences.size() == 1 ? "" : "s") + " (\"the chain\" is"
                        + " what the written revisions build, \"the database\" what "
                        + oldChain.tool().displayName()
                        + " built):\n  - "
                        + differences.stream().collect(Collectors.joining("\n  - "))
                        + "\nNothing was written. Report this with the migrations named above.");
            }
            context.output()
                    .info("Proved: " + oldChain.tool().displayName() + " and the " + revisions.size()
                            + " written revisions build the same schema " + old.schema() + " on PostgreSQL "
                            + databases.defaultVersion().version() + ".");
            return new SchemaSnapshot(
                    revisions.get(revisions.size() - 1).id(),
                    databases.defaultVersion().major(),
                    old.schema(),
                    old.ownTables(oldChain),
                    result.built());
        }
    }
}
