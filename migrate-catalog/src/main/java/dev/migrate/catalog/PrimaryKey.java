package dev.migrate.catalog;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A primary key constraint; {@code columns} in key order. */
public record PrimaryKey(String name, List<String> columns) implements Serializable {
    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
