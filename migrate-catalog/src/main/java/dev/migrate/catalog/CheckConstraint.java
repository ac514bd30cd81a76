package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;

/**
 * A check constraint.
 *
 * @param expression as {@code pg_get_constraintdef} gives it, e.g. {@code CHECK ((price > 0))},
 *     without the trailing {@code NOT VALID}, which {@code validated} carries instead
 * @param validated {@code false} for a constraint added {@code NOT VALID} and not validated since
 */
public record CheckConstraint(String name, String expression, boolean validated) implements Serializable {
    public CheckConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }
}
