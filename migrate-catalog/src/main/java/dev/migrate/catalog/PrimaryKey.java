package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A primary key constraint; {@code columns} in key order. A key added {@code USING INDEX ... DEFERRABLE}
 * keeps its deferrability, as a unique constraint does.
 *
 * @param storage the storage parameters of the key's index ({@code WITH (fillfactor = 70)}), as its {@code
 *     pg_class.reloptions} holds them, in that order (compared as a map); empty for the defaults
 */
public record PrimaryKey(
        String name, List<String> columns, boolean deferrable, boolean initiallyDeferred, Map<String, String> storage)
        implements Serializable {
    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        storage = Collections.unmodifiableMap(new LinkedHashMap<>(storage));
    }

    /** A key whose index has the default storage parameters. */
    public PrimaryKey(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
        this(name, columns, deferrable, initiallyDeferred, Map.of());
    }

    /** A key checked at once, as most are. */
    public PrimaryKey(String name, List<String> columns) {
        this(name, columns, false, false);
    }

    /** The same key on {@code columns} (its columns renamed). */
    public PrimaryKey withColumns(List<String> columns) {
        return new PrimaryKey(name, columns, deferrable, initiallyDeferred, storage);
    }
}
