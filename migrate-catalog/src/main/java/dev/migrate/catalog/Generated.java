package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;

/**
 * The generation expression of a generated column ({@code GENERATED ALWAYS AS (...)}).
 *
 * @param expression as {@code pg_get_expr} gives it
 * @param stored {@code true} for {@code STORED}; {@code false} for {@code VIRTUAL} (PostgreSQL 18+)
 */
public record Generated(String expression, boolean stored) implements Serializable {
    public Generated {
        Objects.requireNonNull(expression, "expression");
    }
}
