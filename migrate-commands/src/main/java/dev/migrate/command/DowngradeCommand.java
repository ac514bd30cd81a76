package dev.migrate.command;

import static dev.migrate.command.settings.SettingsTable.MODULE;
import static dev.migrate.command.settings.SettingsTable.REHEARSE;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.graph.RevisionTarget;
import java.io.Writer;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code downgrade}: reverts the migrations down to {@code target}, on one database, on a fleet, or as SQL, of the
 * whole graph or of one module: {@code new DowngradeCommand(RevisionTarget.of("-1")).run(null, null, context)}.
 *
 * @param target the revision to move to, in any of the target forms; offline, also a {@code <from>:<to>} range
 * @param module the one module it reverts ({@link ModuleScope}), or null for the whole graph
 * @param onRefusal what a refusal for consent shows of a rehearsal on a throwaway copy of the chain: rehearsed then
 *     by default ({@link Rehearsal})
 */
public record DowngradeCommand(
        RevisionTarget target, @Nullable ModuleScope module, Rehearsal.OnRefusal onRefusal) implements Move {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS =
            TakenSettings.database("downgrade").and(Move.ROWS).and(MODULE, REHEARSE);

    public DowngradeCommand {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(onRefusal, "onRefusal");
    }

    /** A downgrade of the whole graph, rehearsed when refused for consent. */
    public DowngradeCommand(RevisionTarget target) {
        this(target, null, new Rehearsal.Rehearse());
    }

    /** This downgrade, scoped to {@code scope}'s module when there is one. */
    public DowngradeCommand inModule(@Nullable ModuleScope scope) {
        return new DowngradeCommand(target, scope, onRefusal);
    }

    /** This downgrade, whose refusal for consent shows {@code shown}: a rehearsal measured before it ran, for one. */
    @Override
    public DowngradeCommand shownOnRefusal(Rehearsal.OnRefusal shown) {
        return new DowngradeCommand(target, module, shown);
    }

    @Override
    public String command() {
        return SETTINGS.command();
    }

    @Override
    public void run(@Nullable FleetSettings fleet, @Nullable SqlScript script, CommandContext context) {
        if (fleet != null && module != null) {
            throw new MigrateException("A downgrade scoped to module " + module.module() + " runs on one database, "
                    + "not on a fleet. Leave the module out, or run it against each tenant's database.");
        }
        MoveRun.run(this, fleet, script, context);
    }

    @Override
    public CommandResult runOn(Migrator migrator, CommandContext context) {
        RevisionTarget scoped = target;
        if (module != null) {
            scoped = module.downgradeTarget(migrator, target, context.fixes());
            module.refuseOverDependents(migrator, context.fixes());
        }
        return MoveRun.changed(target, migrator.downgrade(scoped).applied(), migrator);
    }

    @Override
    public Consumer<Writer> script(Migrator migrator, CommandContext context) {
        RevisionTarget scoped = module == null ? target : module.downgradeTarget(migrator, target, context.fixes());
        return out -> migrator.downgradeSql(scoped, out);
    }

    @Override
    public FleetResult runOn(Fleet fleet) {
        return fleet.downgrade(target);
    }

    @Override
    public void writeScripts(Fleet fleet, Function<String, Writer> scripts) {
        fleet.downgradeSql(target, scripts);
    }
}
