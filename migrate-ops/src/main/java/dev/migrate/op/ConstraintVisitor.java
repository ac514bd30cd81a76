package dev.migrate.op;

/**
 * One method per kind of {@link Constraint}: a new kind fails to compile until every consumer (SQL
 * rendering, Java rendering) handles it, where a chain of {@code instanceof} would fail at run time.
 */
public interface ConstraintVisitor<R> {
    R visit(Constraint.PrimaryKey constraint);

    R visit(Constraint.Unique constraint);

    R visit(Constraint.ForeignKey constraint);

    R visit(Constraint.Check constraint);
}
