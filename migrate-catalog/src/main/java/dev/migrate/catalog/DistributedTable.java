package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a Citus coordinator spreads one table over its workers ({@code pg_dist_partition}): by the hash of a
 * column into shards, or copied whole to every node as a reference table. The tables of a distributed
 * schema are the schema's ({@link Distribution#schemas()}), not each one's.
 *
 * @param column the distribution column; {@code null} for a reference table
 * @param colocatedWith the table whose shards this one's go with: its colocation group's leader, the table
 *     the others are colocated with (as the entities declare it, or as the catalog reads it: the table of the
 *     group distributed first); {@code null} for the leader itself and for a reference table. Citus numbers
 *     its groups as they come, so two clusters built alike number them otherwise: the leader names the group
 *     the same on both, and a comparison matches groups by their members ({@code DistributionDiff}).
 * @param shardCount how many shards it has; 1 for a reference table
 */
public record DistributedTable(
        ObjectName table, @Nullable String column, @Nullable ObjectName colocatedWith, int shardCount)
        implements Serializable {
    public DistributedTable {
        Objects.requireNonNull(table, "table");
    }

    /** A reference table: a copy on every node. */
    public static DistributedTable reference(ObjectName table) {
        return new DistributedTable(table, null, null, 1);
    }

    public boolean isReference() {
        return column == null;
    }

    /** The same distribution of the table of schema {@code to} where it was of {@code from}. */
    DistributedTable withSchemaRenamed(String from, String to) {
        return new DistributedTable(
                renamed(table, from, to),
                column,
                colocatedWith == null ? null : renamed(colocatedWith, from, to),
                shardCount);
    }

    private static ObjectName renamed(ObjectName name, String from, String to) {
        return from.equals(name.schema()) ? ObjectName.of(to, name.name()) : name;
    }

    /**
     * As a difference names it: {@code distributed by customer_id}, {@code distributed by customer_id in 8
     * shards, colocated with public.customers}, {@code a reference table}.
     */
    public String describe() {
        if (column == null) {
            return "a reference table";
        }
        return "distributed by " + column + " in " + shardCount + " shards"
                + (colocatedWith == null ? "" : ", colocated with " + colocatedWith);
    }
}
