package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;

/**
 * An exclusion constraint. Entities cannot express one; it is read so that a diff can see it and
 * leave it alone rather than not know it exists.
 *
 * @param definition as {@code pg_get_constraintdef} gives it, e.g. {@code EXCLUDE USING gist (area WITH &&)}
 */
public record ExclusionConstraint(String name, String definition) implements Serializable {
    public ExclusionConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
