package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;

/**
 * A check constraint.
 *
 * @param expression as {@code pg_get_constraintdef} gives it, e.g. {@code CHECK ((price > 0))},
 *     without the trailing {@code NO INHERIT}, {@code NOT VALID} and {@code NOT ENFORCED}, which
 *     {@code noInherit}, {@code validated} and {@code notEnforced} carry instead
 * @param validated {@code false} for a constraint added {@code NOT VALID} and not validated since
 * @param noInherit {@code true} for a constraint made {@code NO INHERIT}: the tables that inherit
 *     from this one do not get it
 * @param notEnforced {@code true} for a constraint made {@code NOT ENFORCED} (PostgreSQL 18,
 *     {@code conenforced}): no row is checked against it; such a check reads as validated, as
 *     {@code NOT ENFORCED} is the one word PostgreSQL writes for it
 */
public record CheckConstraint(String name, String expression, boolean validated, boolean noInherit, boolean notEnforced)
        implements Serializable {
    public CheckConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }

    /** A check that inheriting tables inherit, as PostgreSQL makes one by default. */
    public CheckConstraint(String name, String expression, boolean validated) {
        this(name, expression, validated, false, false);
    }

    /** An enforced check. */
    public CheckConstraint(String name, String expression, boolean validated, boolean noInherit) {
        this(name, expression, validated, noInherit, false);
    }

    /** The same check with its expression spelled otherwise. */
    public CheckConstraint withExpression(String respelled) {
        return new CheckConstraint(name, respelled, validated, noInherit, notEnforced);
    }
}
