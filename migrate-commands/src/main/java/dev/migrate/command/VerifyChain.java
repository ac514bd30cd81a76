package dev.migrate.command;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.autogen.ChainVerifier;
import dev.migrate.autogen.ComparisonDatabases;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.command.output.CommandResult;
import dev.migrate.lint.Lint;
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
 * new VerifyChain("public", List.of(), null, null).run(face);
 * }</pre>
 *
 * @param managedSchema the schema the migrations build
 * @param exclude name patterns the comparisons leave alone
 * @param failOn the least lint severity that fails the command ({@code error}, {@code warning}, {@code none});
 *     null: only a migration that fails on the lint's rows does
 * @param judged the revisions whose lint findings count; null: all of them
 */
public record VerifyChain(
        String managedSchema,
        List<String> exclude,
        @Nullable String failOn,
        @Nullable Set<String> judged) {

    /** What a face gives verify besides what every command gets. */
    public interface Face extends SchemaFace {
        /** Where the migrations' own progress lines go. */
        MigrationLog migrationLog();

        /** Where the lint report is written as JSON; empty: nowhere. */
        Optional<Path> report();

        /**
         * Why the face does not compare the schema at head with entities (a line of output completes "Skipped the
         * comparison with the entities: "), or empty when it does.
         */
        Optional<String> entitiesSkipped();

        /** The differences between the entities and the schema on {@code database}, which is at head. */
        List<String> entityDifferences(Migrator migrator, DataSource database);
    }

    public VerifyChain {
        Objects.requireNonNull(managedSchema, "managedSchema");
        exclude = NonBlank.of(exclude);
        judged = judged == null ? null : Set.copyOf(judged);
    }

    /**
     * Verifies the face's chain.
     *
     * @throws MigrateException naming the revision that does not round-trip, the difference from the entities,
     *     or the lint findings at or above {@code failOn}
     */
    public void run(Face face) {
        LintOutput.failOn(failOn); // a wrong setting fails before any server starts
        reviewBranches(face.migrations(false).build(), face);
        Optional<String> skipped = face.entitiesSkipped();
        ComparisonDatabases throwaways = replayingOn(face);
        try (ComparisonDatabases.ThrowawayServer server = throwaways.start(throwaways.defaultVersion())) {
            Migrator migrator =
                    face.migrations(true).dataSource(server.dataSource()).build();
            server.createRolesOf(migrator, face::info);
            roundTrip(migrator, server.dataSource(), skipped, face);
            importedAsProved(migrator, server, throwaways.defaultVersion().major(), face);
            int revisions = migrator.revisions().size();
            face.result(new CommandResult.Verified(revisions, skipped.isEmpty(), List.of(), null));
            if (revisions > 0) {
                face.info("Linting the chain on a database of its own.");
                Lint.Builder builder = Lint.builder(migrator).database(server.createDatabase("migrate_lint"));
                if (judged != null) {
                    builder.judgingOnly(judged);
                }
                new LintOutput(
                                face,
                                failOn == null,
                                lint -> new CommandResult.Verified(revisions, skipped.isEmpty(), List.of(), lint))
                        .report(
                                () -> builder.build().run("base:heads"),
                                face.report().orElse(null),
                                failOn);
            }
        }
    }

    /**
     * The face's throwaway servers, or, when the configured database is a Citus coordinator, databases made on its
     * server with the citus extension ({@link CoordinatorReplay}), where a chain that spreads tables runs.
     */
    private static ComparisonDatabases replayingOn(Face face) {
        ComparisonDatabases throwaways = face.databases(null);
        Optional<? extends DataSource> configured = face.configuredDatabase();
        if (configured.isEmpty()) {
            return throwaways;
        }
        try {
            return CoordinatorReplay.of(configured.get(), throwaways, face);
        } catch (MigrateException e) {
            face.info("Could not ask the configured database whether it is a Citus coordinator (" + e.getMessage()
                    + "): the chain is verified on a throwaway PostgreSQL.");
            return throwaways;
        }
    }

    /**
     * Holds the imported revisions to the proof {@code import} kept: the schema the old tool built, as a snapshot of
     * the imported head. A revision edited since, or one that builds otherwise on this server, is named.
     */
    private static void importedAsProved(
            Migrator chain, ComparisonDatabases.ThrowawayServer server, int major, Face face) {
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
            face.info("The imported revisions up to " + revision + " were not compared with what the old tool "
                    + "built: " + e.getMessage());
            return;
        }
        if (kept.isEmpty()) {
            face.info("The imported revisions up to " + revision + " were not compared with what the old tool built: "
                    + "the import kept its proof for PostgreSQL "
                    + SchemaSnapshot.majorsOf(point.get().resources(), revision) + ", and this replay runs on " + major
                    + ".");
            return;
        }
        DataSource database = server.createDatabase("migrate_imported");
        Migrator imported = face.migrations(true).dataSource(database).build();
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
        face.info("The imported revisions up to " + revision + " still build what the old tool built.");
    }

    private void roundTrip(Migrator migrator, DataSource database, Optional<String> skipped, Face face) {
        new ChainVerifier(migrator, database, managedSchema, exclude, face.migrationLog()).verify();
        Set<String> withoutDowngrade = MigratorTools.of(migrator).withoutDowngrade();
        if (!withoutDowngrade.isEmpty()) {
            face.warn(withoutDowngrade.size() + " revision" + (withoutDowngrade.size() == 1 ? " was" : "s were")
                    + " imported with no downgrade and only upgraded: " + String.join(", ", withoutDowngrade)
                    + ". Write each downgrade and set downgrade = true in its @Imported, so that its round trip is"
                    + " proved too.");
        }
        if (skipped.isPresent()) {
            // migrations written by hand, or no entities to hand: the round trips are the whole check
            face.info("Skipped the comparison with the entities: " + skipped.get());
            face.info("Verified " + migrator.revisions().size() + " revisions: every step round-trips.");
            return;
        }
        migrator.upgrade("heads");
        List<String> differences = face.entityDifferences(migrator, database);
        if (!differences.isEmpty()) {
            face.result(new CommandResult.Verified(migrator.revisions().size(), true, differences, null));
            throw new MigrateException(
                    "The migration chain round-trips, but at head the schema differs from the entities:\n  - "
                            + String.join("\n  - ", differences)
                            + "\nWrite the missing migration with "
                            + face.fixes().command("autogenerate") + ".");
        }
        face.info("Verified " + migrator.revisions().size()
                + " revisions: every step round-trips and the head matches the entities.");
    }

    /**
     * Fails when {@code chain} has two or more heads that no branch label declares, naming each with where it is
     * written and the two fixes; warns of each revision a late branch puts out of order. Needs no database.
     */
    public static void reviewBranches(Migrator chain, CommandFace face) {
        BranchReview branches = MigratorTools.of(chain).branchReview();
        branches.outOfOrderWarnings(r -> face.source(r.source())).forEach(face::warn);
        if (!branches.undeclaredHeads().isEmpty()) {
            throw new MigrateException(branches.headsError(r -> face.source(r.source())));
        }
    }
}
