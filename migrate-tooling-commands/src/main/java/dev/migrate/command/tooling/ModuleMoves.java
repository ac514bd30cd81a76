package dev.migrate.command.tooling;

import dev.migrate.Migrator;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.command.output.CommandResult;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.TableOp;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.TableOwners;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a module's {@code autogenerate} writes for entities that moved between modules, beside its comparison's
 * changes: the tables another module gave it and it has not taken yet ({@code @TakesOver}), and the tables its chain
 * owns whose entity another module of the build now has ({@code @HandsOver}), which its comparison would otherwise
 * drop, each with its own sequence ({@code <table>_seq}, Hibernate's for an entity named as its table). Nothing for an
 * application without modules.
 *
 * @param takes the tables to take, by the revision that gave them ({@code customers.20261129_100000})
 * @param handOvers the tables to hand over, by the module whose entities they now are
 * @param remaining the comparison's changes without the drops of the tables handed over
 * @param unseenDrops the tables of the module dropped while its build cannot see the other modules (built alone): an
 *     entity that moved would lose its rows
 */
record ModuleMoves(
        Map<String, List<String>> takes,
        Map<String, List<String>> handOvers,
        MigrationScript remaining,
        List<String> unseenDrops) {

    /** How Hibernate names an entity's own sequence after its table ({@code @GeneratedValue} without {@code IDENTITY}). */
    private static final String OWN_SEQUENCE = "_seq";

    /** The moves of {@code entities}' module in {@code chain}, with {@code script} as its comparison found it. */
    static ModuleMoves of(Entities entities, Migrator chain, MigrationScript script) {
        String module = entities.module();
        if (module == null) {
            return new ModuleMoves(Map.of(), Map.of(), script, List.of());
        }
        TableOwners owners = MigratorTools.of(chain).tableOwners();
        Map<String, List<String>> takes = new LinkedHashMap<>();
        new TreeMap<>(owners.toTake(module)) // by name: the same revision's tables in the same order on every run
                .forEach((table, given) -> takes.computeIfAbsent(given.revision(), r -> new ArrayList<>())
                        .add(table));
        Map<String, List<String>> handOvers = new LinkedHashMap<>();
        Map<String, String> handedTo = new HashMap<>();
        List<String> unseen = new ArrayList<>();
        List<OpGroup> kept = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            Optional<String> dropped = droppedTable(group).flatMap(table -> ownedBy(owners, module, table));
            Optional<String> to = dropped.flatMap(table -> entities.others().mapping(table));
            if (dropped.isPresent() && to.isPresent()) {
                handOvers.computeIfAbsent(to.get(), m -> new ArrayList<>()).add(dropped.get());
                handedTo.put(dropped.get(), to.get());
                continue; // the table stays, with its rows: the module that has its entity now takes it
            }
            if (dropped.isPresent() && !entities.others().seen()) {
                unseen.add(dropped.get());
            }
            kept.add(group);
        }
        // the moved entity's own sequence (Hibernate's <table>_seq) goes with its table rather than being dropped
        List<OpGroup> remaining = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            List<String> sequences = ownSequences(group, owners, module, handedTo);
            for (String sequence : sequences) {
                String to = handedTo.getOrDefault(sequence.substring(0, sequence.length() - OWN_SEQUENCE.length()), "");
                handOvers.computeIfAbsent(to, m -> new ArrayList<>()).add(sequence);
            }
            if (kept.contains(group) && sequences.isEmpty()) {
                remaining.add(group);
            }
        }
        return new ModuleMoves(
                takes, handOvers, new MigrationScript(remaining, script.warnings(), script.guards()), unseen);
    }

    /**
     * The sequences {@code group} drops that {@code module} owns and that are the own sequence of a table handed over
     * ({@code note_seq} of {@code note}), as the chain's owners name them.
     */
    private static List<String> ownSequences(
            OpGroup group, TableOwners owners, String module, Map<String, String> handedTo) {
        return group.changes().stream()
                .map(Change::ops)
                .flatMap(List::stream)
                .filter(SequenceOp.DropSequence.class::isInstance)
                .map(op -> ownedBy(owners, module, ((SequenceOp.DropSequence) op).sequence()))
                .flatMap(Optional::stream)
                .filter(sequence -> sequence.endsWith(OWN_SEQUENCE)
                        && handedTo.containsKey(sequence.substring(0, sequence.length() - OWN_SEQUENCE.length())))
                .toList();
    }

    boolean isEmpty() {
        return takes.isEmpty() && handOvers.isEmpty();
    }

    /**
     * Each take and hand-over as {@code check} reports them, differences that {@code autogenerate} writes as moves of
     * tables with their rows, not as drops and creates.
     */
    List<CommandResult.Difference> differences(String module) {
        List<CommandResult.Difference> moves = new ArrayList<>();
        takes.forEach((revision, tables) -> moves.add(new CommandResult.Difference(
                "take",
                String.join(", ", tables),
                revision,
                "Module " + module + " takes " + String.join(", ", tables) + " from module "
                        + MigratorTools.moduleOf(revision) + ", which " + revision + " gave it: a take to write, the"
                        + " rows staying")));
        handOvers.forEach((to, tables) -> moves.add(new CommandResult.Difference(
                "hand_over",
                String.join(", ", tables),
                to,
                "The entity of " + String.join(", ", tables) + " is module " + to + "'s now: module " + module
                        + " hands the table over to " + to + " instead of dropping it, a hand-over to write, the rows"
                        + " staying")));
        return moves;
    }

    /** The table {@code group} drops; empty when it drops none. */
    private static Optional<QualifiedName> droppedTable(OpGroup group) {
        return group.changes().stream()
                .map(Change::ops)
                .flatMap(List::stream)
                .filter(TableOp.DropTable.class::isInstance)
                .map(op -> ((TableOp.DropTable) op).table())
                .findFirst();
    }

    /**
     * {@code table} as the chain's owners name it ({@code schema.table}, or the name alone as a revision created it in
     * the default schema) when {@code module} owns it; empty when another module or nothing does.
     */
    private static Optional<String> ownedBy(TableOwners owners, String module, QualifiedName table) {
        List<String> names = table.schema() == null
                ? List.of(table.name())
                : List.of(table.schema() + "." + table.name(), table.name());
        return names.stream()
                .filter(name -> owners.ownerOf(name).isPresent())
                .findFirst()
                .filter(name -> owners.ownerOf(name).filter(module::equals).isPresent());
    }
}
