package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.ACCEPT_FUTURE_REVISIONS;
import static dev.migrate.command.settings.SettingsTable.REBUILD_INVALID_INDEXES;
import static dev.migrate.command.settings.SettingsTable.REHEARSE;

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
 * {@code upgrade}: applies the migrations up to {@code target}, on one database, on a fleet, or as SQL:
 * {@code new UpgradeCommand(RevisionTarget.of("head")).run(null, null, context)}.
 *
 * @param target the revision to move to, in any of the target forms; offline, also a {@code <from>:<to>} range
 * @param onRefusal what a refusal for consent shows of a rehearsal on a throwaway copy of the chain: rehearsed then
 *     by default ({@link Rehearsal})
 */
public record UpgradeCommand(RevisionTarget target, Rehearsal.OnRefusal onRefusal) implements Move {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("upgrade")
            .and(Move.ROWS)
            .and(REBUILD_INVALID_INDEXES, ACCEPT_FUTURE_REVISIONS, REHEARSE);

    public UpgradeCommand {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(onRefusal, "onRefusal");
    }

    /** An upgrade rehearsed when refused for consent. */
    public UpgradeCommand(RevisionTarget target) {
        this(target, new Rehearsal.Rehearse());
    }

    /** This upgrade, whose refusal for consent shows {@code shown}: a rehearsal measured before it ran, for one. */
    @Override
    public UpgradeCommand shownOnRefusal(Rehearsal.OnRefusal shown) {
        return new UpgradeCommand(target, shown);
    }

    @Override
    public String command() {
        return SETTINGS.command();
    }

    @Override
    public CommandResult runOn(Migrator migrator, CommandContext context) {
        return MoveRun.changed(target, migrator.upgrade(target).applied(), migrator);
    }

    @Override
    public Consumer<Writer> script(Migrator migrator, CommandContext context) {
        return out -> migrator.upgradeSql(target, out);
    }

    @Override
    public FleetResult runOn(Fleet fleet) {
        return fleet.upgrade(target);
    }

    @Override
    public void writeScripts(Fleet fleet, Function<String, Writer> scripts) {
        fleet.upgradeSql(target, scripts);
    }
}
