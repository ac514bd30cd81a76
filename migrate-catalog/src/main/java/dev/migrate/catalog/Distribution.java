package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * How a Citus cluster spreads the schemas read over its nodes: the tables distributed by a column or copied
 * to every node, and the schemas distributed as a unit (schema-based sharding, Citus 12 and later). Empty
 * on a server without the {@code citus} extension, and for the schema entities describe.
 *
 * @param tables the distributed and reference tables, by name; the tables of a distributed schema are not
 *     among them
 * @param schemas the schemas distributed as a unit
 * @param unmodelled the tables Citus holds in a way no operation makes yet (a single-shard table outside a
 *     distributed schema, a range or append distributed one), each with how: a baseline names them for the
 *     reader to distribute by hand
 */
public record Distribution(
        Map<ObjectName, DistributedTable> tables, Set<String> schemas, Map<ObjectName, String> unmodelled)
        implements Serializable {
    /** Nothing distributed: a server without Citus. */
    public static final Distribution NONE = new Distribution(Map.of(), Set.of(), Map.of());

    public Distribution {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        schemas = Collections.unmodifiableSet(new TreeSet<>(schemas));
        unmodelled = Collections.unmodifiableMap(new TreeMap<>(unmodelled));
    }

    public boolean isEmpty() {
        return tables.isEmpty() && schemas.isEmpty() && unmodelled.isEmpty();
    }

    /** Whether {@code table} is distributed or a reference table, alone or with its schema. */
    public boolean distributes(ObjectName table) {
        return tables.containsKey(table) || schemas.contains(table.schema());
    }

    /** The part of it in {@code schema}. */
    Distribution in(String schema) {
        Predicate<ObjectName> inSchema = n -> n.schema().equals(schema);
        return new Distribution(
                filtered(tables, inSchema),
                schemas.contains(schema) ? Set.of(schema) : Set.of(),
                filtered(unmodelled, inSchema));
    }

    /** The same with schema {@code from} called {@code to}. */
    Distribution withSchemaRenamed(String from, String to) {
        Map<ObjectName, DistributedTable> renamed = new TreeMap<>();
        tables.values().forEach(t -> {
            DistributedTable r = t.withSchemaRenamed(from, to);
            renamed.put(r.table(), r);
        });
        Set<String> renamedSchemas = new TreeSet<>();
        schemas.forEach(s -> renamedSchemas.add(from.equals(s) ? to : s));
        Map<ObjectName, String> renamedUnmodelled = new TreeMap<>();
        unmodelled.forEach(
                (n, how) -> renamedUnmodelled.put(from.equals(n.schema()) ? ObjectName.of(to, n.name()) : n, how));
        return new Distribution(renamed, renamedSchemas, renamedUnmodelled);
    }

    /** The distributions of {@code tables} (and the distributed schemas), with {@code unmodelled}. */
    public static Distribution of(
            Collection<DistributedTable> tables, Collection<String> schemas, Map<ObjectName, String> unmodelled) {
        Map<ObjectName, DistributedTable> byName = new TreeMap<>();
        tables.forEach(t -> byName.put(t.table(), t));
        return new Distribution(byName, Set.copyOf(schemas), unmodelled);
    }

    /** The distributions as they come, in name order. */
    public List<DistributedTable> ordered() {
        return List.copyOf(tables.values());
    }

    private static <T> Map<ObjectName, T> filtered(Map<ObjectName, T> map, Predicate<ObjectName> keep) {
        Map<ObjectName, T> result = new TreeMap<>();
        map.forEach((k, v) -> {
            if (keep.test(k)) {
                result.put(k, v);
            }
        });
        return result;
    }
}
