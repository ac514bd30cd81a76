package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.CREDENTIALS_PROVIDER;
import static dev.migrate.command.settings.SettingsTable.FAIL_ON;
import static dev.migrate.command.settings.SettingsTable.LARGE_TABLE_ROWS;
import static dev.migrate.command.settings.SettingsTable.LINT_REPORT;
import static dev.migrate.command.settings.SettingsTable.LINT_SINCE;
import static dev.migrate.command.settings.SettingsTable.REPORT;
import static dev.migrate.command.settings.SettingsTable.URL;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.ChainVerifier;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.command.CommandContext;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.lint.Lint;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.tooling.BranchReview;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * {@code verify}: the round-trip test of the migration chain on a throwaway server. A single head, or heads each
 * declared by a branch label; every revision upgraded, downgraded and upgraded again with an identical schema; a
 * downgrade to base that leaves only the version tables; at head, a schema that matches the entities where the
 * face can compare them; and the lint of the whole chain:
 *
 * <pre>{@code
 * new VerifyCommand("public", List.of(), null, null).run(face);
 * }</pre>
 *
 * @param managedSchema the schema the migrations build
 * @param exclude name patterns the comparisons leave alone
 * @param failOn the least lint severity that fails the command ({@code error}, {@code warning}, {@code none});
 *     null: only a migration that fails on the lint's rows does
 * @param judged the revisions whose lint findings count; null: all of them
 * @param reportFile where the lint report is written as JSON; null: nowhere
 */
public record VerifyCommand(
        String managedSchema,
        List<String> exclude,
        @Nullable String failOn,
        @Nullable Set<String> judged,
        @Nullable Path reportFile) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("verify")
            .and(EntityComparison.ROWS)
            .and(FAIL_ON, LINT_REPORT, LINT_SINCE, REPORT)
            .withThrowawayServers()
            // the command line's verify runs on throwaway servers alone, and compares no entities
            .notOnCommandLine(EntityComparison.DESIRED_SCHEMA)
            .notOnCommandLine(URL, CREDENTIALS_PROVIDER, LARGE_TABLE_ROWS);

    public VerifyCommand {
        Objects.requireNonNull(managedSchema, "managedSchema");
        exclude = NonBlank.of(exclude);
        judged = judged == null ? null : Set.copyOf(judged);
    }

    /**
     * Verifies the chain.
     *
     * @throws MigrateException naming the revision that does not round-trip, the difference from the entities,
     *     or the lint findings at or above {@code failOn}
     */
    public void run(CommandContext context, Entities entities) {
        LintOutput.failOn(failOn); // a wrong setting fails before any server starts
        reviewBranches(context.migrations(false).build(), context);
        Optional<String> skipped = entities.skippedBecause();
        ComparisonDatabases throwaways = replayingOn(context);
        try (ComparisonDatabases.ThrowawayServer server = throwaways.start(throwaways.defaultVersion())) {
            Migrator migrator =
                    context.migrations(true).dataSource(server.dataSource()).build();
            server.createRolesOf(migrator, context.output()::info);
            roundTrip(migrator, server.dataSource(), entities, context);
            importedAsProved(migrator, server, throwaways.defaultVersion().major(), context);
            int revisions = migrator.revisions().size();
            context.output().result(new CommandResult.Verified(revisions, skipped.isEmpty(), List.of(), null));
            if (revisions > 0) {
                context.output().info("Linting the chain on a database of its own.");
                Lint.Builder builder = Lint.builder(migrator).database(server.createDatabase("migrate_lint"));
                if (judged != null) {
                    builder.judgingOnly(judged);
                }
                new LintOutput(
                                context,
                                failOn == null,
                                lint -> new CommandResult.Verified(revisions, skipped.isEmpty(), List.of(), lint))
                        .report(() -> builder.build().run("base:heads"), reportFile, failOn);
            }
        }
    }

    /**
     * The run's throwaway servers, or, when the configured database is a Citus coordinator, databases made on its
     * server with the citus extension ({@link CoordinatorReplay}), where a chain that spreads tables runs.
     */
    private static ComparisonDatabases replayingOn(CommandContext context) {
        ComparisonDatabases throwaways = context.databases(null);
        Optional<? extends DataSource> configured = context.configuredDatabase();
        if (configured.isEmpty()) {
            return throwaways;
        }
        try {
            return CoordinatorReplay.of(configured.get(), throwaways, context);
        } catch (MigrateException e) {
            context.output()
                    .info("Could not ask the configured database whether it is a Citus coordinator (" + e.getMessage()
                            + "): the chain is verified on a throwaway PostgreSQL.");
            return throwaways;
        }
    }

    /**
     * Holds the imported revisions to the proof {@code import} kept: the schema the old tool built, as a snapshot of
     * the imported head. A revision edited since, or one that builds otherwise on this server, is named.
     */
    private static void importedAsProved(
            Migrator chain, ComparisonDatabases.ThrowawayServer server, int major, CommandContext context) {
        Optional<MigratorTools.ImportPoint> point = MigratorTools.of(chain).importPoint();
        if (point.isEmpty()) {
            return;
        }
        String revision = point.get().revision();
        Optional<SchemaSnapshot> kept;
        try {
            kept = SchemaSnapshot.find(point.get().resources(), revision, major);
        } catch (MigrateException e) {
            // written by another version of migrate: the proof stands as it was, it cannot be read again here
            context.output()
                    .info("The imported revisions up to " + revision + " were not compared with what the old tool "
                            + "built: " + e.getMessage());
            return;
        }
        if (kept.isEmpty()) {
            context.output()
                    .info("The imported revisions up to " + revision
                            + " were not compared with what the old tool built: "
                            + "the import kept its proof for PostgreSQL "
                            + SchemaSnapshot.majorsOf(point.get().resources(), revision) + ", and this replay runs on "
                            + major
                            + ".");
            return;
        }
        DataSource database = server.createDatabase("migrate_imported");
        Migrator imported = context.migrations(true).dataSource(database).build();
        imported.upgrade(revision);
        ChainTables tables = MigratorTools.of(imported).tables();
        Exclusions exclusions = Exclusions.versionTables(tables.versionTable(), tables.historyTable())
                .and(kept.get().excluded());
        List<String> differences;
        try (Connection c = database.getConnection()) {
            DatabaseSchema built = SchemaDrift.read(c, kept.get().schema(), exclusions);
            differences = SchemaDrift.compare(
                            "the imported revisions",
                            kept.get().schema(),
                            revision,
                            c,
                            built,
                            kept.get().expected(),
                            exclusions)
                    .differences();
        } catch (SQLException e) {
            throw new MigrateException("Could not read the imported revisions' schema: " + e.getMessage(), e);
        }
        if (!differences.isEmpty()) {
            throw new MigrateException("The imported revisions up to " + revision + " no longer build what the old "
                    + "tool built when they were imported (the proof kept in "
                    + SchemaSnapshot.resourceName(revision, major) + "):\n  - " + String.join("\n  - ", differences)
                    + "\nAn imported revision was "
                    + "changed since: undo the change, and make it in a new revision instead.");
        }
        context.output().info("The imported revisions up to " + revision + " still build what the old tool built.");
    }

    private void roundTrip(Migrator migrator, DataSource database, Entities entities, CommandContext context) {
        Optional<String> skipped = entities.skippedBecause();
        new ChainVerifier(
                        migrator,
                        database,
                        managedSchema,
                        exclude,
                        context.output().asMigrationLog())
                .verify();
        Set<String> withoutDowngrade = MigratorTools.of(migrator).withoutDowngrade();
        if (!withoutDowngrade.isEmpty()) {
            context.output()
                    .warn(withoutDowngrade.size() + " revision" + (withoutDowngrade.size() == 1 ? " was" : "s were")
                            + " imported with no downgrade and only upgraded: " + String.join(", ", withoutDowngrade)
                            + ". Write each downgrade and set downgrade = true in its @Imported, so that its round trip is"
                            + " proved too.");
        }
        if (skipped.isPresent()) {
            // migrations written by hand, or no entities to hand: the round trips are the whole check
            context.output().info("Skipped the comparison with the entities: " + skipped.get());
            context.output().info("Verified " + migrator.revisions().size() + " revisions: every step round-trips.");
            return;
        }
        migrator.upgrade("heads");
        List<String> differences = EntityComparison.differencesOn(migrator, database, context, entities);
        if (!differences.isEmpty()) {
            context.output()
                    .result(new CommandResult.Verified(migrator.revisions().size(), true, differences, null));
            throw new MigrateException(
                    "The migration chain round-trips, but at head the schema differs from the entities:\n  - "
                            + String.join("\n  - ", differences)
                            + "\nWrite the missing migration with "
                            + context.fixes().command("autogenerate") + ".");
        }
        context.output()
                .info("Verified " + migrator.revisions().size()
                        + " revisions: every step round-trips and the head matches the entities.");
    }

    /**
     * Fails when {@code chain} has two or more heads that no branch label declares, naming each with where it is
     * written and the two fixes; warns of each revision a late branch puts out of order. Needs no database.
     */
    public static void reviewBranches(Migrator chain, CommandContext context) {
        BranchReview branches = MigratorTools.of(chain).branchReview();
        branches.outOfOrderWarnings(r -> context.source(r.source())).forEach(context.output()::warn);
        if (!branches.undeclaredHeads().isEmpty()) {
            throw new MigrateException(branches.headsError(r -> context.source(r.source())));
        }
    }
}
