package dev.migrate.op;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A table constraint. Each kind is an immutable record with fluent copies. */
public sealed interface Constraint extends TableElement {
    /** The constraint name; {@code null} lets PostgreSQL choose one. */
    @Nullable
    String name();

    <R> R accept(ConstraintVisitor<R> visitor);

    @Override
    default <R> R accept(TableElementVisitor<R> visitor) {
        return accept((ConstraintVisitor<R>) visitor);
    }

    /** {@code PRIMARY KEY (columns)}. */
    record PrimaryKey(@Nullable String name, List<String> columns) implements Constraint {
        @Override
        public <R> R accept(ConstraintVisitor<R> visitor) {
            return visitor.visit(this);
        }

        public PrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    /** {@code UNIQUE [NULLS NOT DISTINCT] (columns)}. */
    record Unique(
            @Nullable String name,
            List<String> columns,
            boolean isNullsNotDistinct,
            boolean deferrable,
            boolean initiallyDeferred)
            implements Constraint {
        @Override
        public <R> R accept(ConstraintVisitor<R> visitor) {
            return visitor.visit(this);
        }

        public Unique {
            columns = List.copyOf(columns);
        }

        public Unique nullsNotDistinct() {
            return new Unique(name, columns, true, deferrable, initiallyDeferred);
        }

        public Unique deferrable(boolean initially) {
            return new Unique(name, columns, isNullsNotDistinct, true, initially);
        }
    }

    /** {@code FOREIGN KEY (columns) REFERENCES table (columns)} with its actions. */
    record ForeignKey(
            @Nullable String name,
            List<String> columns,
            QualifiedName referencedTable,
            List<String> referencedColumns,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            boolean deferrable,
            boolean initiallyDeferred,
            boolean isNotValid)
            implements Constraint {
        @Override
        public <R> R accept(ConstraintVisitor<R> visitor) {
            return visitor.visit(this);
        }

        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
            Objects.requireNonNull(referencedTable, "referenced table");
            onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
            onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
        }

        public ForeignKey onDelete(ReferentialAction action) {
            return new ForeignKey(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    action,
                    onUpdate,
                    deferrable,
                    initiallyDeferred,
                    isNotValid);
        }

        public ForeignKey onUpdate(ReferentialAction action) {
            return new ForeignKey(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    onDelete,
                    action,
                    deferrable,
                    initiallyDeferred,
                    isNotValid);
        }

        public ForeignKey deferrable(boolean initially) {
            return new ForeignKey(
                    name, columns, referencedTable, referencedColumns, onDelete, onUpdate, true, initially, isNotValid);
        }

        /** Skips checking existing rows; run {@code validateConstraint} later. */
        public ForeignKey notValid() {
            return new ForeignKey(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    onDelete,
                    onUpdate,
                    deferrable,
                    initiallyDeferred,
                    true);
        }
    }

    /**
     * {@code CHECK (expression)}, perhaps {@code NO INHERIT} (it holds on this table only, not on the
     * tables that inherit from it) and perhaps {@code NOT VALID}.
     */
    record Check(@Nullable String name, String expression, boolean isNotValid, boolean isNoInherit)
            implements Constraint {
        @Override
        public <R> R accept(ConstraintVisitor<R> visitor) {
            return visitor.visit(this);
        }

        public Check {
            Objects.requireNonNull(expression, "check expression");
        }

        /** A check that tables inheriting from this one inherit too, as PostgreSQL makes it by default. */
        public Check(@Nullable String name, String expression, boolean isNotValid) {
            this(name, expression, isNotValid, false);
        }

        /** Skips checking existing rows; run {@code validateConstraint} later. */
        public Check notValid() {
            return new Check(name, expression, true, isNoInherit);
        }

        /** Holds on this table only: the tables that inherit from it do not get it. */
        public Check noInherit() {
            return new Check(name, expression, isNotValid, true);
        }
    }
}
