package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A partition of a partitioned table. It is never a table of its own in a comparison: its columns,
 * keys and indexes come from its parent.
 *
 * @param bound as {@code pg_get_expr(relpartbound)} writes it: {@code FOR VALUES FROM ('0') TO ('1000')},
 *     {@code FOR VALUES IN ('eu')}, {@code FOR VALUES WITH (modulus 2, remainder 0)} or {@code DEFAULT}
 * @param partitioning its own partitioning when it is partitioned in turn, or {@code null}
 * @param detachPending whether a {@code DETACH PARTITION ... CONCURRENTLY} was interrupted on it
 *     (PostgreSQL 14+): it stays a partition until {@code DETACH PARTITION ... FINALIZE}
 */
public record Partition(
        String schema, String name, String bound, @Nullable Partitioning partitioning, boolean detachPending)
        implements Serializable {
    public Partition {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bound, "bound");
    }

    public ObjectName qualifiedName() {
        return ObjectName.of(schema, name);
    }
}
