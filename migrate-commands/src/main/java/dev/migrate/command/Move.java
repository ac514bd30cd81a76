package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.CONSENT;
import static dev.migrate.command.settings.SettingsTable.EMBEDDED;
import static dev.migrate.command.settings.SettingsTable.SQL;
import static dev.migrate.command.settings.SettingsTable.SQL_FILE;
import static dev.migrate.command.settings.SettingsTable.TARGET;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.Setting;
import dev.migrate.graph.RevisionTarget;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A move of the version table along the revision graph (not a change of a schema diff, which is
 * {@code dev.migrate.catalog.diff.Change}): the commands {@link UpgradeCommand}, {@link DowngradeCommand},
 * {@link StampCommand} and {@link CompleteCommand}, each run on one database or on a fleet, or written as SQL, as
 * every face runs them:
 *
 * <pre>{@code
 * new UpgradeCommand(RevisionTarget.of("head")).run(null, null, context);
 * }</pre>
 *
 * <p>The face checked the target's form where the user wrote it ({@link RevisionTarget}); the engine checks the
 * revisions it names against the migrations before anything connects (once for a fleet), so a misspelt one
 * fails with its name and the forms a target takes, whatever the face.
 */
public sealed interface Move permits UpgradeCommand, DowngradeCommand, StampCommand, CompleteCommand {
    /** The settings every move takes: its target, the consent, the embedded server, the script and the fleet. */
    List<Setting<?>> ROWS = Stream.concat(
                    Stream.of(TARGET, CONSENT, EMBEDDED, SQL, SQL_FILE), FleetSettings.ROWS.stream())
            .toList();

    /**
     * The revision to move to, in any of the target forms; offline, also a {@code <from>:<to>} range
     * ({@link RevisionTarget#orRange}).
     */
    RevisionTarget target();

    /** The command's name, as the goal and the command line spell it: {@code upgrade}. */
    String command();

    /**
     * What a refusal of the move for consent shows of a rehearsal on a throwaway copy of the chain ({@link
     * Rehearsal}): only an upgrade or a downgrade is rehearsed, by default.
     */
    default Rehearsal.OnRefusal onRefusal() {
        return new Rehearsal.Rehearse();
    }

    /**
     * This move, whose refusal for consent shows {@code shown}: a rehearsal measured before it ran, for one. A move
     * that is not rehearsed is itself.
     */
    default Move shownOnRefusal(Rehearsal.OnRefusal shown) {
        return this;
    }

    /**
     * This move, whose refusal for consent shows what it measured on a throwaway copy of the chain when {@code
     * rehearse} (the setting {@code rehearse}), else says that it was not rehearsed.
     */
    default Move rehearsing(boolean rehearse) {
        return shownOnRefusal(rehearse ? new Rehearsal.Rehearse() : new Rehearsal.Skip());
    }

    /**
     * Runs the move as {@code context} is configured: on {@code fleet} when one is given, else on the run's
     * database; written as SQL instead when a {@code script} is given (one script, or one per tenant).
     *
     * @throws MigrateException when it fails, or when any tenant of the fleet failed, naming them and where
     *     each failure's message is
     */
    default void run(@Nullable FleetSettings fleet, @Nullable SqlScript script, CommandContext context) {
        MoveRun.run(this, fleet, script, context);
    }

    /** Runs the move on one database; returns what it did and where the database is now. */
    CommandResult runOn(Migrator migrator, CommandContext context);

    /**
     * The SQL of the move, without a database, for the writer it is handed; its target is checked against
     * {@code migrator} before anything is written.
     */
    Consumer<Writer> script(Migrator migrator, CommandContext context);

    /** Runs the move on every tenant of {@code fleet}. */
    FleetResult runOn(Fleet fleet);

    /** Writes the SQL of the move, one script per tenant, each to the writer {@code scripts} opens for it. */
    void writeScripts(Fleet fleet, Function<String, Writer> scripts);
}
