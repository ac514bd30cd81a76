package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * A schema-qualified object name, exactly as stored in the catalog (not quoted, case kept).
 * Ordered by schema, then name, so maps keyed by it iterate in a stable order.
 */
public record ObjectName(String schema, String name) implements Comparable<ObjectName>, Serializable {
    private static final Comparator<ObjectName> ORDER =
            Comparator.comparing(ObjectName::schema).thenComparing(ObjectName::name);

    public ObjectName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static ObjectName of(String schema, String name) {
        return new ObjectName(schema, name);
    }

    @Override
    public int compareTo(ObjectName other) {
        return ORDER.compare(this, other);
    }

    /** {@code schema.name}, unquoted: for messages and logs, not for SQL. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
