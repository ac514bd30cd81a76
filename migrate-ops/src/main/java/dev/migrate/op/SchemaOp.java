package dev.migrate.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Creating and dropping schemas.
 */
public sealed interface SchemaOp extends Op {
    record CreateSchema(String name, boolean ifNotExists) implements SchemaOp {
        public CreateSchema {
            Objects.requireNonNull(name, "schema name");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DropSchema(name, false));
        }
    }

    record DropSchema(String name, boolean cascade) implements SchemaOp {
        public DropSchema {
            Objects.requireNonNull(name, "schema name");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return cascade ? Optional.empty() : Optional.of(new CreateSchema(name, false));
        }
    }
}
