package dev.migrate.op;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The objects kept as one definition (views, functions, triggers, policies, domains, ... : {@link
 * ObjectKind}): created, replaced in place and dropped.
 */
public sealed interface ObjectOp extends Op {
    /** Creates an object from its definition; dropping it undoes that. */
    record CreateObject(ObjectDefinition definition) implements ObjectOp {
        public CreateObject {
            Objects.requireNonNull(definition, "definition");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DropObject(definition.kind(), definition.identity(), definition));
        }
    }

    /**
     * Replaces an object's definition in place ({@code CREATE OR REPLACE}), where PostgreSQL accepts
     * the new one so; the old one is kept to put back.
     */
    record ReplaceObject(ObjectDefinition from, ObjectDefinition to) implements ObjectOp {
        public ReplaceObject {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.kind() != to.kind()) {
                throw new IllegalArgumentException("A " + from.describe() + " cannot be replaced by a " + to.describe()
                        + "; drop the one and create the other.");
            }
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new ReplaceObject(to, from));
        }
    }

    /**
     * Drops an object.
     *
     * @param definition what it was, to create it again on downgrade, or {@code null} when unknown
     */
    record DropObject(
            ObjectKind kind, String identity, @Nullable ObjectDefinition definition) implements ObjectOp {
        public DropObject {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(definition).map(CreateObject::new);
        }
    }
}
