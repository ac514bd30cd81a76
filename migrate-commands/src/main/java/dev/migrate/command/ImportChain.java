package dev.migrate.command;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.ComparisonDatabases;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.command.output.CommandResult;
import dev.migrate.imports.ImportProof;
import dev.migrate.imports.ImportedRevisions;
import dev.migrate.imports.OldChain;
import dev.migrate.imports.OldProject;
import dev.migrate.imports.OldTool;
import dev.migrate.imports.ToolLoader;
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
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code import}: moves a project in from Flyway or Liquibase. Reads the old tool's migrations as it finds them,
 * writes one revision per migration (a linear chain in the old order), and first proves them: the old tool replays
 * its chain on one throwaway database, migrate the written one on another, and both schemas must be equal. Nothing
 * is written when the proof finds a difference or a migration cannot be kept:
 * {@code new ImportChain("flyway", project, Map.of(), sources, true).run(face)}.
 *
 * @param from {@code flyway} or {@code liquibase}
 * @param project the project's directory, where the old tool's configuration and files are
 * @param settings the import's own settings ({@code -Dmigrate.import.*} without the prefix): placeholders,
 *     locations, the changelog, contexts
 * @param sources where the revisions are written
 * @param prove whether to replay both chains and compare them before writing
 */
public record ImportChain(String from, Path project, Map<String, String> settings, SourceRoot sources, boolean prove) {
    public ImportChain {
        settings = Map.copyOf(settings);
    }

    /** What a face gives the import besides what every command reading schemas gets. */
    public interface Face extends SchemaFace {
        /** The old tool's jars with what they need, resolved as the face resolves libraries. */
        List<Path> toolJars(OldTool tool);

        /** The project's compiled classes and dependencies, which the written revisions compile against. */
        List<Path> projectClasspath();

        /** A directory for the proof's compiled classes. */
        Path workDirectory();
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
    public void run(Face face) {
        OldTool tool = tool(from, face.fixes());
        Migrator chain = face.migrations(false).build();
        if (!chain.revisions().isEmpty()) {
            throw new MigrateException(face.fixes().command("import") + " writes the first revisions of a chain, and "
                    + sources.packageName() + " already holds "
                    + chain.revisions().size() + " revision"
                    + (chain.revisions().size() == 1 ? "" : "s") + ". Import into an empty package (delete the "
                    + "revisions an earlier import wrote, or set "
                    + face.fixes().setting("packages", "<another package>")
                    + "). Nothing was written.");
        }
        // the project's classes after the tool's jars: Flyway's Java-based migrations replay from them
        List<Path> jars = new ArrayList<>(face.toolJars(tool));
        jars.addAll(face.projectClasspath());
        try (ToolLoader loader = ToolLoader.of(tool, jars)) {
            OldProject old = OldProject.of(tool, project, settings, loader);
            OldChain oldChain = old.read();
            oldChain.warnings().forEach(face::warn);
            ImportedRevisions writer = new ImportedRevisions(sources.packageName());
            List<ImportedRevisions.Written> revisions = writer.of(oldChain, null);
            if (revisions.isEmpty()) {
                face.info(tool.displayName() + " has no migration in " + old.where() + ", so there is nothing to "
                        + "import. Check "
                        + face.fixes()
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
                proved = prove(face, old, oldChain, revisions);
            } else {
                face.warn("The import was not proved (" + face.fixes().setting("import.prove", "false")
                        + "): nothing compared the written chain with " + tool.displayName() + "'s.");
            }
            List<Path> written = writer.write(revisions, sources.directory());
            List<Path> objects = old.writeDeclaredObjects(oldChain, proved == null ? null : proved.expected());
            if (proved != null) {
                // verify compares the imported head with it: an imported revision edited later is caught there
                proved.writeUnder(project.resolve("src/main/resources"));
            }
            face.result(new CommandResult.Imported(
                    tool.key(),
                    revisions.stream().map(ImportedRevisions.Written::id).toList(),
                    objects.stream().map(face::shown).toList(),
                    prove,
                    List.of()));
            face.info("Wrote " + written.size() + " revision" + (written.size() == 1 ? "" : "s") + " imported from "
                    + tool.displayName() + " (" + old.where() + ") into " + face.shown(sources.directory()) + ", "
                    + revisions.get(0).id() + " to "
                    + revisions.get(revisions.size() - 1).id()
                    + (objects.isEmpty()
                            ? ""
                            : ", and " + objects.size() + " declared object file" + (objects.size() == 1 ? "" : "s")
                                    + " of what it builds beside the tables")
                    + ". The first " + face.fixes().command("upgrade") + " of each database " + tool.displayName()
                    + " migrated marks what it applied and runs only what follows; a new database gets the whole "
                    + "chain.");
        }
    }

    /** Proves the written chain; the schema the old tool built, as a snapshot of the imported head. */
    private SchemaSnapshot prove(
            Face face, OldProject old, OldChain oldChain, List<ImportedRevisions.Written> revisions) {
        ComparisonDatabases databases = face.databases(null);
        Path work;
        try {
            work = Files.createDirectories(face.workDirectory());
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
                    face.projectClasspath(),
                    work,
                    server.createDatabase("import_migrate"));
            List<String> differences = result.differences();
            if (!differences.isEmpty()) {
                face.result(new CommandResult.Imported(oldChain.tool().key(), List.of(), List.of(), true, differences));
                throw new MigrateException("The written chain does not build what "
                        + oldChain.tool().displayName()
                        + " builds: replayed on two empty databases, the schemas differ in "
                        + differences.size() + " place" + (differences.size() == 1 ? "" : "s") + ":\n  - "
                        + differences.stream().collect(Collectors.joining("\n  - "))
                        + "\nNothing was written. Report this with the migrations named above.");
            }
            face.info("Proved: " + oldChain.tool().displayName() + " and the " + revisions.size()
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
