package dev.migrate.op;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One key of an index: a column, whose name is always quoted as PostgreSQL needs, or an SQL
 * expression that the migration says is one. Keeping the two apart means a column name can never
 * be read as SQL.
 */
public sealed interface IndexKey {
    <R> R accept(IndexKeyVisitor<R> visitor);

    /** Where NULLs sort in the index, when not the default. */
    enum Nulls {
        FIRST,
        LAST
    }

    /**
     * A column key.
     *
     * @param descending {@code DESC} rather than the default ascending order
     * @param nulls {@code NULLS FIRST} or {@code NULLS LAST}; null for the default
     */
    record Column(String name, boolean descending, @Nullable Nulls nulls) implements IndexKey {
        public Column {
            Objects.requireNonNull(name, "column name");
        }

        @Override
        public <R> R accept(IndexKeyVisitor<R> visitor) {
            return visitor.visit(this);
        }

        /** The column, ascending. */
        public static Column of(String name) {
            return new Column(name, false, null);
        }

        public Column desc() {
            return new Column(name, true, nulls);
        }

        public Column nullsFirst() {
            return new Column(name, descending, Nulls.FIRST);
        }

        public Column nullsLast() {
            return new Column(name, descending, Nulls.LAST);
        }

        /** Whether this is the column alone, ascending with the default NULLS order. */
        public boolean isPlain() {
            return !descending && nulls == null;
        }
    }

    /**
     * An expression key, written into the statement as given, in PostgreSQL's index key syntax:
     * {@code lower(email)}, {@code (price * quantity)}, {@code name text_pattern_ops}, {@code created_at DESC}.
     */
    record Expression(String sql) implements IndexKey {
        public Expression {
            Objects.requireNonNull(sql, "expression");
        }

        @Override
        public <R> R accept(IndexKeyVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
