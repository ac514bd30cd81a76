package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.MESSAGE;
import static dev.migrate.command.settings.SettingsTable.ONLINE;
import static dev.migrate.command.settings.SettingsTable.SAFE;
import static dev.migrate.command.settings.SettingsTable.SOURCE_DIRECTORY;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateResult;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.LockSafeForm;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OnlineForm;
import dev.migrate.command.CommandContext;
import dev.migrate.command.entity.EntityOrigin;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.op.IndexOp;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code autogenerate}: compares the entities with the schema at head and writes the next migration; nothing
 * when nothing differs: {@code new AutogenerateCommand(comparison, "add status column", root, false, false).run(context, entities)}.
 *
 * @param comparison how the entities are compared with the schema at head
 * @param message the migration's one-line description, which also names its class
 * @param sources where the class is written
 * @param safe every change to an existing table in its lock-safe form; otherwise only those to tables the
 *     comparison measured as large
 * @param online one online migration ({@link OnlineForm}): a type change, {@code NOT NULL}, a rename or a drop
 *     of an existing table's column or table as its expand and contract halves, the rest in its lock-safe form
 */
public record AutogenerateCommand(
        EntityComparison comparison, String message, SourceRoot sources, boolean safe, boolean online) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("autogenerate")
            .and(EntityComparison.ROWS)
            .and(MESSAGE, SOURCE_DIRECTORY, SAFE, ONLINE);

    public AutogenerateCommand {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sources, "sources");
    }

    /**
     * Writes the next migration, or says that nothing differs.
     *
     * @throws MigrateException when the message is blank, when something looks renamed and nobody can be asked,
     *     or when the chain has several heads, naming the fix; nothing is written then
     */
    public void run(CommandContext context, Entities entities) {
        if (message.isBlank()) {
            throw new MigrateException(context.fixes().command("autogenerate") + " needs a message. Add "
                    + context.fixes().setting("message", "\"what changed\"") + ".");
        }
        EntityComparison.AtHead atHead = comparison.run("autogenerate", false, context, entities);
        AutogenerateResult result = atHead.result();
        if (!result.limitedRows().isEmpty()) {
            writeLimited(result, atHead.chain(), context, entities);
            return;
        }
        // in a module, an entity that moved to another module hands its table over, and a table given is taken
        ModuleMoves moves = ModuleMoves.of(entities, atHead.chain(), result.script());
        MigrationScript diff = moves.remaining();
        List<String> changes = EntityComparison.report(diff, context);
        List<CommandResult.Difference> differences = EntityComparison.differences(diff);
        context.output().result(new CommandResult.Generated(differences, List.of()));
        if (changes.isEmpty() && moves.isEmpty()) {
            entities.matchHead(context);
            context.output().info(atHead.noChanges());
            return;
        }
        changes.forEach(c -> context.output().info("Detected " + c));
        warnUnseenDrops(moves, entities, context);
        entities.providerCause(context, atHead.chain(), changes.size()).ifPresent(context.output()::warn);
        List<String> suspected = result.suspectedRenames();
        if (!suspected.isEmpty()) {
            throw new MigrateException("Nothing was written: " + String.join(", ", suspected)
                    + (suspected.size() == 1 ? " looks like a rename" : " look like renames")
                    + ", which batch mode cannot ask about, and drop plus add would lose the data. To rename, run "
                    + "again with " + context.fixes().setting("renames", String.join(",", suspected))
                    + "; to drop and add instead, with "
                    + context.fixes()
                            .setting(
                                    "notRenamed",
                                    suspected.stream()
                                            .map(r -> r.substring(0, r.indexOf('=')))
                                            .collect(Collectors.joining(",")))
                    + ".");
        }
        Migrator chain = atHead.chain();
        List<String> heads = entities.parents(chain);
        if (heads.size() > 1) {
            throw new MigrateException((entities.module() == null
                            ? "The revision graph has "
                            : "The module " + entities.module() + " has ")
                    + heads.size() + " heads " + heads
                    + ", so the new migration has no single parent. "
                    + (chain.contexts().isEmpty()
                            ? "Join them with " + context.fixes().command("merge") + " first."
                            : "This run is given the contexts " + String.join(", ", chain.contexts())
                                    + ", whose revisions are heads of their own: write what every environment has in"
                                    + " a run given no context."));
        }
        heads = writeMoves(moves, chain, heads, context, entities);
        if (changes.isEmpty()) {
            return;
        }
        String counted = changes.size() + " change" + (changes.size() == 1 ? "" : "s");
        if (online) {
            MigrationScript expandAndContract = OnlineForm.of(diff);
            if (OnlineForm.isOnline(expandAndContract)) {
                refuseTablesCitusSpreads(result.changedOnlineWhereCitusSpreads(expandAndContract), context);
                String id = SourceRoot.nextId(chain, heads);
                NewMigration migration = NewMigration.autogenerated(id, heads, message.strip(), expandAndContract);
                // an index built or dropped concurrently makes the downgrade run outside a transaction too
                Path path = write(
                        concurrent(expandAndContract) ? migration.outsideTransaction() : migration, context, entities);
                context.output()
                        .result(new CommandResult.Generated(
                                differences, List.of(new CommandResult.Written(id, context.shown(path)))));
                context.output()
                        .info("Wrote " + path + " (revision " + id + ", " + counted + ") as an online migration: "
                                + context.fixes().command("upgrade") + " runs its expand phase, "
                                + context.fixes().command("complete")
                                + " its contract once every instance runs the new application. Review it first.");
                return;
            }
            context.output()
                    .info("No change needs the online form (none changes a column's type or NOT NULL, renames or drops"
                            + " a column or table of an existing table): writing a plain migration.");
        }
        Predicate<ObjectName> large = safe ? table -> true : result.largeTables()::contains;
        String text = message.strip();
        // the lock-safe form when asked for, or when a change to a large table has one
        if (!safe && LockSafeForm.of(diff, large).concurrent().isEmpty()) {
            String id = SourceRoot.nextId(chain, heads);
            Path path = write(NewMigration.autogenerated(id, heads, text, diff), context, entities);
            context.output()
                    .result(new CommandResult.Generated(
                            differences, List.of(new CommandResult.Written(id, context.shown(path)))));
            context.output()
                    .info("Wrote " + path + " (revision " + id + ", " + counted + "). Review it, then run "
                            + context.fixes().command("upgrade") + ".");
            return;
        }
        List<NewMigration> migrations = NewMigration.autogeneratedLockSafe(
                heads, text, diff, parents -> SourceRoot.nextId(chain, parents), large);
        List<CommandResult.Written> written = new ArrayList<>();
        for (NewMigration migration : migrations) {
            Path path = write(migration, context, entities);
            written.add(new CommandResult.Written(migration.id(), context.shown(path)));
            context.output().result(new CommandResult.Generated(differences, written));
            context.output()
                    .info("Wrote " + path + " (revision " + migration.id()
                            + (migration.transactional()
                                    ? ""
                                    : ", transactional = false: its statements commit one by one")
                            + ").");
        }
        context.output()
                .info("Wrote " + counted
                        + (safe || online
                                ? " in the lock-safe form (" + context.fixes().setting("safe", "true") + ")"
                                : ", those on tables of at least largeTableRows (" + comparison.largeTableRows()
                                        + ") rows in the lock-safe form,")
                        + " as " + migrations.size() + " migration" + (migrations.size() == 1 ? "" : "s")
                        + ". Review, then run " + context.fixes().command("upgrade") + ".");
    }

    /**
     * Writes the takes, then the hand-overs, of a module whose entities moved, each revising the one before; returns
     * the parents of what is written next: the last of them, or {@code heads} when there is none.
     */
    private List<String> writeMoves(
            ModuleMoves moves, Migrator chain, List<String> heads, CommandContext context, Entities entities) {
        List<String> parents = heads;
        for (Map.Entry<String, List<String>> take : moves.takes().entrySet()) {
            String from = MigratorTools.moduleOf(take.getKey());
            String id = SourceRoot.nextId(chain, parents);
            Path path =
                    write(NewMigration.takeOver(id, parents, from, take.getValue(), take.getKey()), context, entities);
            context.output()
                    .info("Wrote " + path + " (revision " + id + "): module " + entities.module() + " takes "
                            + String.join(", ", take.getValue()) + " from module " + from + ", which "
                            + take.getKey() + " gave it; the rows stay.");
            parents = List.of(id);
        }
        for (Map.Entry<String, List<String>> handOver : moves.handOvers().entrySet()) {
            String id = SourceRoot.nextId(chain, parents);
            Path path = write(
                    NewMigration.handOver(id, parents, handOver.getKey(), handOver.getValue()), context, entities);
            context.output()
                    .info("Wrote " + path + " (revision " + id + "): the entity of "
                            + String.join(", ", handOver.getValue()) + " is module " + handOver.getKey()
                            + "'s now, so module " + entities.module() + " hands the table over instead of dropping"
                            + " it; the rows stay. " + context.fixes().command("autogenerate") + " in "
                            + handOver.getKey() + " writes its take.");
            parents = List.of(id);
        }
        return parents;
    }

    /**
     * Warns of each table a module's revision drops while its build cannot see the modules its entity could have moved
     * to (the module built alone): the drop loses the rows, where a hand-over would keep them.
     */
    private static void warnUnseenDrops(ModuleMoves moves, Entities entities, CommandContext context) {
        for (String table : moves.unseenDrops()) {
            context.output()
                    .warn("Table " + table + " of module " + entities.module() + " has no entity in the module any"
                            + " more, and the drop written for it loses its rows. This build holds module "
                            + entities.module() + " alone, so it cannot see whether the entity moved to another"
                            + " module: if it did, delete the migration written and run "
                            + context.fixes().command("autogenerate") + " from the root of the multi-module build,"
                            + " which hands the table over to that module with its rows.");
        }
    }

    /**
     * The rows of the run's contexts' folders ({@code db/data/test/}) as a revision limited to those contexts, which
     * revises every head of the run. A run that finds other differences too writes nothing: those are every
     * environment's, for a run given no context.
     */
    private void writeLimited(AutogenerateResult result, Migrator chain, CommandContext context, Entities entities) {
        MigrationScript limited = result.limitedRows();
        List<String> others = EntityComparison.report(result.script(), context);
        if (!others.isEmpty()) {
            throw new MigrateException("Nothing was written: this run is given the contexts "
                    + String.join(", ", chain.contexts()) + ", and besides the rows of their folders ("
                    + String.join(", ", limited.descriptions()) + ") the project differs from the schema at head in"
                    + " what every environment has: " + String.join(", ", others) + ". Write that first with "
                    + context.fixes().command("autogenerate") + " given no context, then run this again.");
        }
        List<CommandResult.Difference> differences = EntityComparison.differences(limited);
        List<String> heads = entities.parents(chain);
        String id = SourceRoot.nextId(chain, heads);
        Path path = write(
                NewMigration.autogenerated(id, heads, message.strip(), limited).limitedTo(chain.contexts()),
                context,
                entities);
        context.output()
                .result(new CommandResult.Generated(
                        differences, List.of(new CommandResult.Written(id, context.shown(path)))));
        limited.descriptions().forEach(c -> context.output().info("Detected " + c));
        context.output()
                .info("Wrote " + path + " (revision " + id + ", limited to " + String.join(", ", chain.contexts())
                        + "): only a run given " + (chain.contexts().size() == 1 ? "that context" : "one of them")
                        + " applies it. Review it, then run " + context.fixes().command("upgrade") + " with "
                        + context.fixes().setting("contexts", String.join(",", chain.contexts())) + ".");
    }

    /**
     * Before anything is written: an online change of a table Citus spreads (distributed, a reference table, in
     * a distributed schema), as the database has it or the entities declare it, is refused, as {@code upgrade}
     * would refuse it before running anything.
     */
    private static void refuseTablesCitusSpreads(List<String> refused, CommandContext context) {
        if (refused.isEmpty()) {
            return;
        }
        throw new MigrateException("Nothing was written: the online migration would change "
                + String.join(", ", refused) + " online, and Citus cannot run an online migration's phases on a"
                + " table it spreads over the cluster: the expand keeps the old and the new shape in step with a"
                + " trigger on the table and backfills through it, and Citus refuses triggers on distributed and"
                + " reference tables (" + context.fixes().command("upgrade")
                + " would refuse the migration before running"
                + " anything). Run " + context.fixes().command("autogenerate") + " again without "
                + context.fixes().setting("online", "true")
                + ": a plain migration's ALTER TABLE runs on the coordinator,"
                + " which applies it to every shard. To keep the online form for the other tables, write the change of "
                + (refused.size() == 1
                        ? "that table as a plain migration first (only its entity changed)"
                        : "those tables as a plain migration first (only their entities changed)")
                + ", then autogenerate the rest online.");
    }

    private static boolean concurrent(MigrationScript script) {
        return script.upgrade().stream()
                .anyMatch(op -> (op instanceof IndexOp.CreateIndex i && i.isConcurrent())
                        || (op instanceof IndexOp.DropIndex d && d.concurrently()));
    }

    /**
     * Writes {@code migration}, its header naming the provider whose entity DDL it comes from, and keeps that model
     * as the one the head now matches.
     */
    private Path write(NewMigration migration, CommandContext context, Entities entities) {
        EntityOrigin origin = entities.origin();
        Path path = sources.write(origin == null ? migration : migration.describedBy(origin.provider()));
        entities.matchHead(context);
        return path;
    }
}
