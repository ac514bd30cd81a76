package dev.migrate.op;

/**
 * One method per kind of {@link TableElement}: a column, or each kind of {@link Constraint}. Code that
 * treats the elements of a new table one by one fails to compile when a kind is added, where a chain
 * of {@code instanceof} would pass it by.
 */
public interface TableElementVisitor<R> extends ConstraintVisitor<R> {
    R visit(Column column);
}
