package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.PURGE;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.Migrator;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.graph.RevisionTarget;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code stamp}: sets the version table to {@code target} without running any migration, on one database, on a
 * fleet, or as SQL: {@code new StampCommand(RevisionTarget.of("head"), false).run(null, null, context)}.
 *
 * @param target the revision(s) to stamp, in any of the target forms
 * @param purge empty the version table first
 */
public record StampCommand(RevisionTarget target, boolean purge) implements Move {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS =
            TakenSettings.database("stamp").and(Move.ROWS).and(PURGE);

    public StampCommand {
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String command() {
        return SETTINGS.command();
    }

    @Override
    public CommandResult runOn(Migrator migrator, CommandContext context) {
        migrator.stamp(target, purge);
        return MoveRun.changed(target, List.of(), migrator);
    }

    @Override
    public Consumer<Writer> script(Migrator migrator, CommandContext context) {
        return out -> migrator.stampSql(target, purge, out);
    }

    @Override
    public FleetResult runOn(Fleet fleet) {
        return fleet.stamp(target, purge);
    }

    @Override
    public void writeScripts(Fleet fleet, Function<String, Writer> scripts) {
        fleet.stampSql(target, purge, scripts);
    }
}
