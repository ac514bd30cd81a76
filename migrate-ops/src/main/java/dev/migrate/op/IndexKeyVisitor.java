package dev.migrate.op;

/**
 * One method per kind of {@link IndexKey}: a new kind fails to compile until every consumer (SQL
 * rendering, Java rendering) handles it.
 */
public interface IndexKeyVisitor<R> {
    R visit(IndexKey.Column key);

    R visit(IndexKey.Expression key);
}
