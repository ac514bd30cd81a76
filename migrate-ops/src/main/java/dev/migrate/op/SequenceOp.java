package dev.migrate.op;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sequences: created, altered and dropped.
 */
public sealed interface SequenceOp extends Op {
    /**
     * {@code CREATE SEQUENCE sequence [options] [OWNED BY ownedBy]}.
     *
     * @param ownedBy {@code table.column} that owns the sequence, or {@code null}
     */
    record CreateSequence(
            QualifiedName sequence,
            SequenceOptions options,
            @Nullable String ownedBy) implements SequenceOp {
        public CreateSequence {
            options = options == null ? SequenceOptions.DEFAULTS : options;
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DropSequence(sequence, this));
        }
    }

    /**
     * {@code ALTER SEQUENCE} with the options that change; the current value is never touched.
     *
     * @param previous the values those options had, when known, for the reverse
     */
    record AlterSequence(
            QualifiedName sequence,
            SequenceChanges changes,
            @Nullable SequenceChanges previous) implements SequenceOp {
        public AlterSequence {
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(changes, "changes");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(previous).map(p -> new AlterSequence(sequence, p, changes));
        }
    }

    /**
     * {@code DROP SEQUENCE sequence}.
     *
     * @param definition the dropped sequence, when known, for the reverse
     */
    record DropSequence(QualifiedName sequence, @Nullable CreateSequence definition) implements SequenceOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(definition);
        }
    }
}
