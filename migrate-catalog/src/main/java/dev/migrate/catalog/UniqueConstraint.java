package dev.migrate.catalog;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A unique constraint (not a unique index made with {@code CREATE UNIQUE INDEX}: that is an
 * {@link Index}).
 *
 * @param nullsNotDistinct {@code UNIQUE NULLS NOT DISTINCT} (PostgreSQL 15+; always {@code false} before)
 */
public record UniqueConstraint(
        String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable, boolean initiallyDeferred)
        implements Serializable {

    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
