package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.MANAGED_SCHEMA;
import static dev.migrate.command.settings.SettingsTable.MESSAGE;
import static dev.migrate.command.settings.SettingsTable.SOURCE_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.SQUASH_DATA;
import static dev.migrate.command.settings.SettingsTable.TARGET;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.Squash;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.command.CommandContext;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.text.Fixes;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code squash}: replaces a revision and every revision below it with one migration that builds the same
 * schema, replayed on a throwaway server: {@code new SquashCommand(RevisionTarget.of("20261120_093000"), null, null,
 * "public", root).run(face)}.
 *
 * @param target the last revision the squash replaces, its form checked where the user wrote it; null when it was
 *     not given, which {@link #checkSettings} refuses
 * @param message the migration's message; null: {@code squash up to <target>}
 * @param dataSteps what becomes of the data steps inside the range: {@code carry} (also when null) or {@code drop}
 * @param managedSchema the schema the squash builds
 * @param sources where the class is written
 */
public record SquashCommand(
        @Nullable RevisionTarget target,
        @Nullable String message,
        @Nullable String dataSteps,
        String managedSchema,
        SourceRoot sources) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS =
            TakenSettings.database("squash").and(TARGET, MESSAGE, SOURCE_DIRECTORY, SQUASH_DATA, MANAGED_SCHEMA);

    public SquashCommand {
        Objects.requireNonNull(managedSchema, "managedSchema");
        Objects.requireNonNull(sources, "sources");
    }

    /** Fails, before anything runs, on a missing target or an unknown data-steps setting. */
    public void checkSettings(Fixes fixes) {
        checkedTarget(fixes);
    }

    private RevisionTarget checkedTarget(Fixes fixes) {
        if (target == null) {
            throw new MigrateException(fixes.command("squash") + " needs the last revision to replace. Add "
                    + fixes.setting("target", "<id>") + " (the history goal lists them); the squash replaces it and "
                    + "every revision below it. Nothing was written.");
        }
        Squash.DataSteps.parse(dataSteps);
        return target;
    }

    /** Replays the range on a throwaway server of the default version, and writes the squash. */
    public void run(CommandContext context) {
        RevisionTarget target = checkedTarget(context.fixes());
        Squash.DataSteps mode = Squash.DataSteps.parse(dataSteps);
        Migrator chain = context.migrations(false).build();
        ComparisonDatabases throwaways = context.databases(null, chain);
        ChainTables settings = MigratorTools.of(chain).tables();
        List<String> replaced = Squash.replaced(chain, target);
        String tip = replaced.get(replaced.size() - 1);
        MigrationScript script;
        List<Squash.DataStep> steps;
        try (ComparisonDatabases.ThrowawayServer server = throwaways.start(throwaways.defaultVersion())) {
            context.output().info("Replaying " + replaced.size() + " revisions up to " + tip + ".");
            server.createRolesOf(chain, context.output()::info);
            Squash.Replayed replayed = Squash.replay(
                    chain, server.dataSource(), tip, managedSchema, settings.versionTable(), settings.historyTable());
            steps = replayed.dataSteps();
            script = replayed.script(mode);
        }
        script.warnings().forEach(context.output()::warn);
        if (!steps.isEmpty()) {
            String heading = "The range has " + steps.size() + " data step" + (steps.size() == 1 ? "" : "s");
            if (mode == Squash.DataSteps.CARRY) {
                context.output().info(heading + ", carried into the squash as the rows they leave in a new database:");
            } else {
                context.output()
                        .warn(heading + ", left out of the squash ("
                                + context.fixes().setting("squashData", "drop")
                                + "); add back by hand what a new database needs:");
            }
            steps.forEach(step -> context.output().info("  " + step));
        }
        String id = SourceRoot.nextId(chain, List.of());
        String text = message == null || message.isBlank() ? "squash up to " + tip : message.strip();
        Path path = sources.write(NewMigration.squash(id, text, replaced, script));
        context.output()
                .info("Wrote " + path + " (revision " + id + ", replacing " + replaced.size() + " revisions up to "
                        + tip + "). Prove it with " + context.fixes().command("verify")
                        + ": a database built from it must match one "
                        + "built from the chain, at " + tip
                        + " and at head. Delete the replaced classes once every database "
                        + "is past " + tip + ".");
    }
}
