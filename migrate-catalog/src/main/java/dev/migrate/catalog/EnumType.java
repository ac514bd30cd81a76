package dev.migrate.catalog;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** An enum type with its labels in sort order (the order {@code <} uses, not alphabetical). */
public record EnumType(String schema, String name, List<String> labels) implements Serializable {
    public EnumType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
    }

    public ObjectName qualifiedName() {
        return ObjectName.of(schema, name);
    }
}
