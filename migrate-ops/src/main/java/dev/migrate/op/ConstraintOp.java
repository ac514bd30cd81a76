package dev.migrate.op;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The constraints of a table (primary key, unique, check, exclusion, foreign key): added, dropped,
 * validated, their deferrability and comment changed.
 */
public sealed interface ConstraintOp extends Op {
    /**
     * {@code COMMENT ON CONSTRAINT constraint ON table IS ...}: the comment of a primary key, unique, check,
     * exclusion or foreign key constraint; {@code null} removes it.
     */
    record CommentOnConstraint(
            QualifiedName table,
            String constraint,
            @Nullable String comment,
            @Nullable String previousComment) implements ConstraintOp {
        public CommentOnConstraint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(constraint, "constraint");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new CommentOnConstraint(table, constraint, previousComment, comment));
        }
    }

    record AddConstraint(QualifiedName table, Constraint constraint) implements ConstraintOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(constraint.name()).map(n -> new DropConstraint(table, n, constraint));
        }
    }

    /**
     * {@code ALTER TABLE table DROP CONSTRAINT name}.
     *
     * @param definition the dropped constraint, when known, for the reverse
     */
    record DropConstraint(
            QualifiedName table, String name, @Nullable Constraint definition) implements ConstraintOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(definition).map(c -> new AddConstraint(table, c));
        }
    }

    /** Checks the existing rows against a constraint added {@code NOT VALID}. */
    record ValidateConstraint(QualifiedName table, String name) implements ConstraintOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code ALTER TABLE table ALTER CONSTRAINT constraint NOT DEFERRABLE}, {@code DEFERRABLE INITIALLY
     * IMMEDIATE} or {@code DEFERRABLE INITIALLY DEFERRED}: when a foreign key is checked, changed in place,
     * where dropping and adding it again would check every row under a lock that blocks writes. PostgreSQL
     * (13 to 18) alters the deferrability of foreign keys only: a primary key or unique constraint is dropped
     * and added again.
     *
     * @param previous the deferrability before, when known, for the reverse
     */
    record AlterConstraintDeferrability(
            QualifiedName table,
            String constraint,
            Deferrability deferrability,
            @Nullable Deferrability previous) implements ConstraintOp {
        public AlterConstraintDeferrability {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(constraint, "constraint");
            Objects.requireNonNull(deferrability, "deferrability");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(previous)
                    .map(before -> new AlterConstraintDeferrability(table, constraint, before, deferrability));
        }
    }
}
