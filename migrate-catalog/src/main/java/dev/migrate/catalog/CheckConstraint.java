package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;

/**
 * A check constraint.
 *
 * @param expression as {@code pg_get_constraintdef} gives it, e.g. {@code CHECK ((price > 0))},
 *     without the trailing {@code NO INHERIT} and {@code NOT VALID}, which {@code noInherit} and
 *     {@code validated} carry instead
 * @param validated {@code false} for a constraint added {@code NOT VALID} and not validated since
 * @param noInherit {@code true} for a constraint made {@code NO INHERIT}: the tables that inherit
 *     from this one do not get it
 */
public record CheckConstraint(String name, String expression, boolean validated, boolean noInherit)
        implements Serializable {
    public CheckConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }

    /** A check that inheriting tables inherit, as PostgreSQL makes one by default. */
    public CheckConstraint(String name, String expression, boolean validated) {
        this(name, expression, validated, false);
    }

    /** The same check with its expression spelled otherwise. */
    public CheckConstraint withExpression(String respelled) {
        return new CheckConstraint(name, respelled, validated, noInherit);
    }
}
