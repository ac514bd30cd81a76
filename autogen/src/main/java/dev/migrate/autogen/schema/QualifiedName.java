package dev.migrate.autogen.schema;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * A schema-qualified object name, exactly as stored in the catalog (not quoted, case kept).
 * Ordered by schema, then name, so maps keyed by it iterate in a stable order.
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName>, Serializable {
    private static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    /** {@code schema.name}, unquoted: for messages and logs, not for SQL. */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
