package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a partitioned table (or a partition that is partitioned in turn) splits its rows. Entities
 * cannot express any of it, so a comparison keeps it as it is and only names it.
 *
 * @param key as {@code pg_get_partkeydef} writes it: {@code RANGE (created_time)}, {@code LIST (region)},
 *     {@code HASH (id)}
 * @param keyColumns the columns of the key, in key order; an expression in the key is not among them
 * @param keyHasExpressions whether the key has an expression part ({@code RANGE (lower(name))}), on which
 *     PostgreSQL allows no primary key or unique constraint at all
 * @param partitions the partitions, sorted by name
 */
public record Partitioning(String key, List<String> keyColumns, boolean keyHasExpressions, List<Partition> partitions)
        implements Serializable {
    public Partitioning {
        Objects.requireNonNull(key, "key");
        keyColumns = List.copyOf(keyColumns);
        partitions = partitions.stream()
                .sorted(Comparator.comparing(Partition::name))
                .toList();
    }

    /** The strategy in lower case, as {@code check} names it: {@code range}, {@code list} or {@code hash}. */
    public String strategy() {
        int paren = key.indexOf('(');
        return (paren < 0 ? key : key.substring(0, paren)).strip().toLowerCase(Locale.ROOT);
    }

    /** The key after its strategy: {@code (created_time)}. */
    public String keyList() {
        int paren = key.indexOf('(');
        return paren < 0 ? key : key.substring(paren);
    }

    /**
     * Whether PostgreSQL accepts a primary key or unique constraint on these columns: it must include
     * every column of the key, and the key must have no expression (SQLSTATE 0A000 otherwise).
     */
    public boolean allowsKeyOn(List<String> columns) {
        return !keyHasExpressions && columns.containsAll(keyColumns);
    }

    /** Every partition below this level, partitions of partitions included. */
    public int partitionCount() {
        return partitions.stream()
                .mapToInt(p ->
                        1 + (p.partitioning() == null ? 0 : p.partitioning().partitionCount()))
                .sum();
    }
}
