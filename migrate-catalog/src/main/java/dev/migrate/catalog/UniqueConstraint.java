package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A unique constraint (not a unique index made with {@code CREATE UNIQUE INDEX}: that is an
 * {@link Index}).
 *
 * @param nullsNotDistinct {@code UNIQUE NULLS NOT DISTINCT} (PostgreSQL 15+; always {@code false} before)
 * @param storage the storage parameters of the constraint's index ({@code WITH (fillfactor = 70)}), as its {@code
 *     pg_class.reloptions} holds them, in that order (compared as a map); empty for the defaults
 */
public record UniqueConstraint(
        String name,
        List<String> columns,
        boolean nullsNotDistinct,
        boolean deferrable,
        boolean initiallyDeferred,
        Map<String, String> storage)
        implements Serializable {

    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        storage = Collections.unmodifiableMap(new LinkedHashMap<>(storage));
    }

    /** A unique constraint whose index has the default storage parameters. */
    public UniqueConstraint(
            String name,
            List<String> columns,
            boolean nullsNotDistinct,
            boolean deferrable,
            boolean initiallyDeferred) {
        this(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, Map.of());
    }

    /** The same constraint on {@code columns} (its columns renamed). */
    public UniqueConstraint withColumns(List<String> columns) {
        return new UniqueConstraint(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, storage);
    }
}
