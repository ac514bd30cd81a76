package dev.migrate.op;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Enum types: created, dropped, and their labels added or renamed.
 */
public sealed interface EnumOp extends Op {
    record CreateEnum(QualifiedName type, List<String> labels) implements EnumOp {
        public CreateEnum {
            labels = List.copyOf(labels);
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DropEnum(type, labels));
        }
    }

    /**
     * {@code DROP TYPE type}.
     *
     * @param labels the dropped type's labels, when known, for the reverse
     */
    record DropEnum(QualifiedName type, @Nullable List<String> labels) implements EnumOp {
        public DropEnum {
            labels = labels == null ? null : List.copyOf(labels);
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(labels).map(l -> new CreateEnum(type, l));
        }
    }

    /**
     * {@code ALTER TYPE ... ADD VALUE}; PostgreSQL cannot remove an enum value, so this has no reverse.
     *
     * @param before the existing label to insert before, or {@code null}
     * @param after the existing label to insert after, or {@code null}
     */
    record AddEnumValue(
            QualifiedName type,
            String label,
            @Nullable String before,
            @Nullable String after) implements EnumOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record RenameEnumValue(QualifiedName type, String label, String newLabel) implements EnumOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new RenameEnumValue(type, newLabel, label));
        }
    }
}
