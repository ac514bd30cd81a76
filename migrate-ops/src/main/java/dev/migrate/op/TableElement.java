package dev.migrate.op;

/** Something {@code createTable} takes: a column or a table constraint. */
public sealed interface TableElement permits Column, Constraint {
    <R> R accept(TableElementVisitor<R> visitor);
}
