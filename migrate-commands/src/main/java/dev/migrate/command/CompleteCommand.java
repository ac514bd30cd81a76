package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.CONSENT;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.Migrator;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.graph.RevisionTarget;
import java.io.Writer;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code complete}: the contract phase of the online revision in its expand phase, on one database or on a fleet;
 * offline, the script of the online revision {@code target} names:
 * {@code new CompleteCommand(RevisionTarget.HEAD).run(null, null, context)}.
 *
 * @param target offline, the online revision whose contract phase is written
 */
public record CompleteCommand(RevisionTarget target) implements Move {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS =
            TakenSettings.database("complete").and(Move.ROWS).notOnCommandLine(CONSENT);

    public CompleteCommand {
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String command() {
        return SETTINGS.command();
    }

    @Override
    public CommandResult runOn(Migrator migrator, CommandContext context) {
        return new CommandResult.Completed(migrator.complete().orElse(null), migrator.current());
    }

    @Override
    public Consumer<Writer> script(Migrator migrator, CommandContext context) {
        return out -> migrator.completeSql(target, out);
    }

    @Override
    public FleetResult runOn(Fleet fleet) {
        return fleet.complete();
    }

    @Override
    public void writeScripts(Fleet fleet, Function<String, Writer> scripts) {
        fleet.completeSql(target, scripts);
    }
}
