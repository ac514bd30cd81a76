package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.ONTO;
import static dev.migrate.command.settings.SettingsTable.REVISION;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.RebasePlan;
import dev.migrate.tooling.RevisionName;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * {@code rebase}: puts a branch that is not released yet on top of the other head; the first revision of the
 * branch gets that head as its parent, in its source file, and the revisions above it follow. With a configured
 * database, refuses when that database has applied any revision of the branch:
 * {@code new RebaseCommand(RevisionName.of("20260105"), null).run(context)}.
 *
 * @param revision the first revision of the branch to move: a full or unique-prefix id, or a branch label
 * @param onto the head to put the branch on; null: the other head, when the chain has exactly two
 */
public record RebaseCommand(RevisionName revision, @Nullable RevisionName onto) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS =
            TakenSettings.database("rebase").and(REVISION, ONTO);

    public RebaseCommand {
        Objects.requireNonNull(revision, "revision");
    }

    /** Edits the first revision's source file; the chain's classes are compiled again after. */
    public void run(CommandContext context) {
        RebasePlan plan = MigratorTools.of(context.migrations(false).build())
                .rebasePlan(revision.text(), onto == null ? null : onto.text());
        RevisionInfo first = plan.revision();
        Path file = context.project()
                .sourceFile(first.source())
                .orElseThrow(() -> new MigrateException("The source file of revision " + first.id() + " ("
                        + first.source() + ") is not below the project's source roots "
                        + context.project().sourceRoots()
                        + ": only a migration written in this project can be rebased. Join the heads with "
                        + context.fixes().command("merge") + " instead."));
        Optional<? extends DataSource> configured = context.configuredDatabase();
        if (configured.isPresent()) {
            // a revision a database has applied is released: moving it would change the past of that database
            Migrator database =
                    context.migrations(true).dataSource(configured.get()).build();
            plan.refuseWhenApplied(
                    MigratorTools.of(database).appliedRevisions(),
                    context.database().configuredName());
        }
        String replaced = RevisesEdit.apply(file, plan.fromNames(), plan.onto());
        context.output()
                .info("Rebased " + String.join(", ", plan.movedIds()) + " onto " + plan.onto() + ": "
                        + context.shown(file)
                        + " now revises " + plan.onto() + " instead of " + replaced + ". Compile and check the chain: "
                        + context.fixes().command("verify") + ".");
    }
}
