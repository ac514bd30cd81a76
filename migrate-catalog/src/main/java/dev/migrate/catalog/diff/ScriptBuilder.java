package dev.migrate.catalog.diff;

import dev.migrate.catalog.ObjectName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Collects the changes the comparison finds, each where it belongs, and puts them in the order a
 * migration runs them:
 * <ol>
 *   <li>objects tables use: schemas, enum types and sequences created or changed;</li>
 *   <li>foreign keys that go or change, per table: what they point at may change or go next;</li>
 *   <li>tables that go, each with its indexes, those pointed at last;</li>
 *   <li>each table that stays or comes, tables pointed at first: the table's own ops (create,
 *       rename, comment), its constraints and indexes that go, its columns, then its constraints
 *       and indexes that come, its foreign keys when what they point at is ready, and last the
 *       columns that go (a constraint being replaced may still use them);</li>
 *   <li>foreign keys whose table comes before the one they point at (a cycle), per table;</li>
 *   <li>enum types and sequences that go, once nothing uses them; then what cannot be migrated.</li>
 * </ol>
 */
final class ScriptBuilder {
    /** Where a change goes in the group of a table that stays or comes. */
    enum Part {
        /** Create, rename or comment on the table itself. */
        TABLE,
        DROP_CONSTRAINT_OR_INDEX,
        COLUMN,
        ADD_CONSTRAINT_OR_INDEX,
        /** After the foreign keys: dropping a column drops the constraints on it, which may still be replaced by name. */
        DROP_COLUMN
    }

    private record ForeignKeyChange(ObjectName referenced, Change change) {}

    private final Map<ObjectName, List<Change>> renames = new LinkedHashMap<>();
    private final List<Change> beforeTables = new ArrayList<>();
    private final Map<ObjectName, List<Change>> foreignKeysLetGo = new LinkedHashMap<>();
    private final Map<ObjectName, List<Change>> droppedTables = new LinkedHashMap<>();
    private final Map<ObjectName, Map<Part, List<Change>>> tables = new LinkedHashMap<>();
    private final Map<ObjectName, List<ForeignKeyChange>> foreignKeysAdded = new LinkedHashMap<>();
    private final List<Change> afterTables = new ArrayList<>();
    private final List<Change> notMigrated = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** A rename of {@code table} (by its new name), or of a column or sequence of it: first of all, last undone. */
    void renamed(ObjectName table, Change change) {
        renames.computeIfAbsent(table, t -> new ArrayList<>()).add(change);
    }

    /** A schema, enum type or sequence created or changed: tables may use it. */
    void beforeTables(Change change) {
        beforeTables.add(change);
    }

    /** An enum type or sequence dropped, once no table uses it any more. */
    void afterTables(Change change) {
        afterTables.add(change);
    }

    void notMigrated(Change change) {
        notMigrated.add(change);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** A foreign key dropped, before anything it points at changes. */
    void letGo(ObjectName table, Change change) {
        foreignKeysLetGo.computeIfAbsent(table, t -> new ArrayList<>()).add(change);
    }

    /** A change to a table that stays (under its new name, if renamed) or comes. */
    void table(ObjectName table, Part part, Change change) {
        tables.computeIfAbsent(table, t -> new EnumMap<>(Part.class))
                .computeIfAbsent(part, p -> new ArrayList<>())
                .add(change);
    }

    /**
     * A constraint or index of {@code table} replaced (its first op drops the old one, the rest adds
     * the new one). When a column of the table changes type, PostgreSQL rebuilds whatever reads it
     * from the old definition, which may not fit the new type (a numeric check on a column becoming
     * {@code varchar}). Then ({@code aroundColumns}) the old one goes before the columns change
     * and the new one comes after, and the downgrade, undoing the parts in reverse, does the same the other way.
     */
    void replaced(ObjectName table, Change change, boolean aroundColumns) {
        if (!aroundColumns) {
            table(table, Part.ADD_CONSTRAINT_OR_INDEX, change);
            return;
        }
        List<Change> parts = change.splitAfter(1);
        table(table, Part.DROP_CONSTRAINT_OR_INDEX, parts.get(0));
        table(table, Part.ADD_CONSTRAINT_OR_INDEX, parts.get(1));
    }

    /** A foreign key added (or changed in place) on {@code table}, pointing at {@code referenced}. */
    void foreignKey(ObjectName table, ObjectName referenced, Change change) {
        tables.computeIfAbsent(table, t -> new EnumMap<>(Part.class));
        foreignKeysAdded.computeIfAbsent(table, t -> new ArrayList<>()).add(new ForeignKeyChange(referenced, change));
    }

    /** A change that drops a table or one of its parts, in the order given. */
    void droppedTable(ObjectName table, Change change) {
        droppedTables.computeIfAbsent(table, t -> new ArrayList<>()).add(change);
    }

    /** Takes back a foreign key change recorded with {@link #foreignKey}, to split it around a replaced key. */
    @SuppressWarnings("ReferenceEquality") // this very change is withdrawn, not an equal one of another table
    void withdrawForeignKey(ObjectName table, Change change) {
        List<ForeignKeyChange> changes = foreignKeysAdded.get(table);
        if (changes != null) {
            changes.removeIf(c -> c.change() == change);
        }
    }

    /**
     * @param desiredReferences for each table of the entities, the tables its foreign keys point at
     * @param liveReferences the same for the live tables
     */
    MigrationScript build(
            Map<ObjectName, Set<ObjectName>> desiredReferences, Map<ObjectName, Set<ObjectName>> liveReferences) {
        List<OpGroup> groups = new ArrayList<>();
        renames.forEach((table, changes) -> groups.add(new OpGroup(table, changes)));
        groups.add(OpGroup.outsideTables(beforeTables));
        foreignKeysLetGo.forEach((table, changes) -> groups.add(new OpGroup(table, changes)));

        List<ObjectName> dropOrder = dependencyOrder(List.copyOf(droppedTables.keySet()), liveReferences);
        for (int i = dropOrder.size() - 1; i >= 0; i--) {
            ObjectName dropped = dropOrder.get(i);
            groups.add(new OpGroup(dropped, droppedTables.getOrDefault(dropped, List.of())));
        }

        List<ObjectName> order = dependencyOrder(List.copyOf(tables.keySet()), desiredReferences);
        Map<ObjectName, Integer> position = new HashMap<>();
        order.forEach(t -> position.put(t, position.size()));
        Map<ObjectName, List<Change>> late = new LinkedHashMap<>();
        for (int at = 0; at < order.size(); at++) {
            ObjectName table = order.get(at);
            Map<Part, List<Change>> parts = tables.getOrDefault(table, Map.of());
            List<Change> changes = new ArrayList<>();
            parts.forEach((part, inPart) -> {
                if (part != Part.DROP_COLUMN) {
                    changes.addAll(inPart);
                }
            });
            for (ForeignKeyChange fk : foreignKeysAdded.getOrDefault(table, List.of())) {
                Integer target = position.get(fk.referenced());
                if (target == null || target <= at) {
                    changes.add(fk.change());
                } else {
                    // the table pointed at is not ready yet
                    late.computeIfAbsent(table, t -> new ArrayList<>()).add(fk.change());
                }
            }
            changes.addAll(parts.getOrDefault(Part.DROP_COLUMN, List.of()));
            groups.add(new OpGroup(table, changes));
        }
        late.forEach((table, changes) -> groups.add(new OpGroup(table, changes)));

        groups.add(OpGroup.outsideTables(afterTables));
        groups.add(OpGroup.outsideTables(notMigrated));
        return new MigrationScript(groups, warnings);
    }

    /**
     * {@code names} with every table after the tables it points at, otherwise in the order given;
     * in a cycle, the first table given goes first.
     */
    static List<ObjectName> dependencyOrder(List<ObjectName> names, Map<ObjectName, Set<ObjectName>> references) {
        Map<ObjectName, Integer> index = new HashMap<>();
        names.forEach(n -> index.put(n, index.size()));
        Map<ObjectName, Set<ObjectName>> waitingFor = new HashMap<>();
        Map<ObjectName, List<ObjectName>> referencedBy = new HashMap<>();
        for (ObjectName name : names) {
            Set<ObjectName> pending = new LinkedHashSet<>();
            for (ObjectName target : references.getOrDefault(name, Set.of())) {
                if (!target.equals(name) && index.containsKey(target)) {
                    pending.add(target);
                    referencedBy.computeIfAbsent(target, t -> new ArrayList<>()).add(name);
                }
            }
            waitingFor.put(name, pending);
        }
        PriorityQueue<ObjectName> ready = new PriorityQueue<>(Comparator.comparing(index::get));
        names.stream()
                .filter(n -> waitingFor.getOrDefault(n, Set.of()).isEmpty())
                .forEach(ready::add);
        List<ObjectName> order = new ArrayList<>();
        Set<ObjectName> placed = new LinkedHashSet<>();
        while (order.size() < names.size()) {
            ObjectName next = ready.poll();
            if (next == null) {
                // a cycle: break it at the first table given that is still waiting
                next = names.stream()
                        .filter(n -> !placed.contains(n))
                        .findFirst()
                        .orElseThrow();
            } else if (placed.contains(next)) {
                continue;
            }
            order.add(next);
            placed.add(next);
            for (ObjectName dependent : referencedBy.getOrDefault(next, List.of())) {
                Set<ObjectName> pending = waitingFor.get(dependent);
                if (pending != null && pending.remove(next) && pending.isEmpty() && !placed.contains(dependent)) {
                    ready.add(dependent);
                }
            }
        }
        return order;
    }
}
