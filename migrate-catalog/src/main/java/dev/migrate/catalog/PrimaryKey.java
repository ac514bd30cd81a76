package dev.migrate.catalog;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A primary key constraint; {@code columns} in key order. A key added {@code USING INDEX ... DEFERRABLE}
 * keeps its deferrability, as a unique constraint does.
 */
public record PrimaryKey(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred)
        implements Serializable {
    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }

    /** A key checked at once, as most are. */
    public PrimaryKey(String name, List<String> columns) {
        this(name, columns, false, false);
    }
}
