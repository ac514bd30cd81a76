package dev.migrate.catalog.diff;

import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order in which objects beside tables are created, from their dependencies: extensions and what a
 * table needs (a domain a column is typed with, a function a default calls, and what those need in turn) before
 * the tables, everything else after them, and within each part every object after what it depends on
 * (a view over a view over a table, a trigger after its function). Drops run in the reverse order.
 * Among objects that do not depend on one another the order is by kind, then by name, so that two
 * reads of the same catalog give the same script.
 *
 * @param beforeTables created before the tables
 * @param afterTables created after the tables
 */
public record ObjectOrder(List<SchemaObject> beforeTables, List<SchemaObject> afterTables) {
    public ObjectOrder {
        beforeTables = List.copyOf(beforeTables);
        afterTables = List.copyOf(afterTables);
    }

    /** Orders {@code objects}; a dependency on an object not among them is left to the database. */
    public static ObjectOrder of(Collection<SchemaObject> objects) {
        Map<ObjectId, SchemaObject> byId = new TreeMap<>();
        objects.forEach(o -> byId.put(o.id(), o));
        Set<ObjectId> early = new HashSet<>();
        Deque<ObjectId> pending = new ArrayDeque<>();
        // an extension needs nothing of the schema, and tables often use what it brings (citext, uuid_generate_v4())
        byId.values().stream()
                .filter(o -> o.neededByTables() || o.id().kind() == ObjectKind.EXTENSION)
                .forEach(o -> pending.add(o.id()));
        while (!pending.isEmpty()) {
            ObjectId id = pending.pop();
            SchemaObject o = byId.get(id);
            if (o != null && early.add(id)) {
                pending.addAll(o.dependsOn());
            }
        }
        List<SchemaObject> before = new ArrayList<>();
        List<SchemaObject> after = new ArrayList<>();
        for (SchemaObject o : sorted(byId)) {
            (early.contains(o.id()) ? before : after).add(o);
        }
        return new ObjectOrder(before, after);
    }

    /** Every object after those it depends on; a cycle, which PostgreSQL would not have, is broken by name. */
    private static List<SchemaObject> sorted(Map<ObjectId, SchemaObject> byId) {
        Set<ObjectId> placed = new LinkedHashSet<>();
        Set<ObjectId> visiting = new HashSet<>();
        for (ObjectId id : new TreeSet<>(byId.keySet())) {
            place(id, byId, placed, visiting);
        }
        return placed.stream().map(byId::get).toList();
    }

    private static void place(
            ObjectId id, Map<ObjectId, SchemaObject> byId, Set<ObjectId> placed, Set<ObjectId> visiting) {
        SchemaObject o = byId.get(id);
        if (o == null || placed.contains(id) || !visiting.add(id)) {
            return;
        }
        for (ObjectId needed : o.dependsOn()) {
            place(needed, byId, placed, visiting);
        }
        placed.add(id);
    }

    /** Every object, in the order they are created. */
    public List<SchemaObject> all() {
        List<SchemaObject> all = new ArrayList<>(beforeTables);
        all.addAll(afterTables);
        return all;
    }

    /**
     * Creating each object of {@code objects}, as changes, in order, written as a migration of {@code
     * defaultSchema} writes them ({@link SchemaObject#definitionIn}).
     */
    public static List<Change> creating(List<SchemaObject> objects, String defaultSchema) {
        return objects.stream()
                .map(o -> Change.of(
                        Description.added(o.id().toString()), new ObjectOp.CreateObject(o.definitionIn(defaultSchema))))
                .toList();
    }
}
