package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.EXCLUDE;
import static dev.migrate.command.settings.SettingsTable.MANAGED_SCHEMA;
import static dev.migrate.command.settings.SettingsTable.REPLAY_CACHE;
import static dev.migrate.command.settings.SettingsTable.SNAPSHOT_MAJORS;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.drift.Drift;
import dev.migrate.autogen.drift.DriftRequest;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.command.CommandContext;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.text.Fixes;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code snapshot}: keeps the schema the chain builds at its head, read on each PostgreSQL major version the
 * databases run, among the application's classes, for its check at startup that its database has not drifted:
 * {@code new SnapshotCommand("public", List.of(), List.of(15, 17), classes).run(face)}.
 *
 * @param managedSchema the schema the migrations build, and the application's migrator runs in
 * @param exclude name patterns left out, as drift leaves them out
 * @param majors the major versions the databases run; empty: the default throwaway server's
 * @param classesDirectory where the snapshots are written: the application's classes
 */
public record SnapshotCommand(String managedSchema, List<String> exclude, List<Integer> majors, Path classesDirectory) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS =
            TakenSettings.database("snapshot").and(EXCLUDE, MANAGED_SCHEMA, REPLAY_CACHE, SNAPSHOT_MAJORS);

    public SnapshotCommand {
        Objects.requireNonNull(managedSchema, "managedSchema");
        exclude = NonBlank.of(exclude);
        majors = majors.stream().distinct().toList();
        Objects.requireNonNull(classesDirectory, "classesDirectory");
    }

    /** Fails, before anything runs, on a major version migrate does not read. */
    public void checkSettings(Fixes fixes) {
        for (int major : majors) {
            if (major < 13) {
                throw new MigrateException("The snapshot's majors name PostgreSQL " + major + ", and migrate reads "
                        + "PostgreSQL 13 and later. Give the major versions the databases run, e.g. "
                        + fixes.setting("snapshot.majors", "15,17") + ". Nothing was written.");
            }
        }
    }

    /** Replays the chain to its head on a throwaway server of each major (or takes it from the cache) and keeps it. */
    public void run(CommandContext context) {
        checkSettings(context.fixes());
        Migrator chain = context.migrations(false).build();
        DriftRequest request = DriftCommand.request(chain, managedSchema, exclude, context);
        ComparisonDatabases databases = context.databases(null);
        for (int major : majors.isEmpty() ? List.of(databases.defaultVersion().major()) : majors) {
            SchemaSnapshot snapshot = Drift.snapshot(request, major, databases, ComparisonLog.of(context));
            Path written = snapshot.writeUnder(classesDirectory);
            context.output()
                    .info("Kept the schema of revision " + snapshot.revision() + " (PostgreSQL " + major + ") in "
                            + context.shown(written) + ", for the application's startup check (validateDrift).");
        }
    }
}
