package dev.migrate.op;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a table: added, dropped, renamed, their type, nullability, default, identity and comment
 * changed.
 */
public sealed interface ColumnOp extends Op {
    record AddColumn(QualifiedName table, Column column) implements ColumnOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DropColumn(table, column.name(), column));
        }
    }

    /**
     * {@code ALTER TABLE table DROP COLUMN column}.
     *
     * @param definition the dropped column, when known, so the drop can be reversed
     */
    record DropColumn(
            QualifiedName table, String column, @Nullable Column definition) implements ColumnOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(definition).map(c -> new AddColumn(table, c));
        }
    }

    record RenameColumn(QualifiedName table, String column, String newName) implements ColumnOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new RenameColumn(table, newName, column));
        }
    }

    /**
     * {@code ALTER COLUMN ... TYPE type [COLLATE collation] [USING expression]}: changes the type or the
     * collation in place, keeping the column's data.
     *
     * @param previousType the type before, when known, so the change can be reversed
     * @param collation the collation to set, or {@code null} for the type's default
     * @param previousCollation the collation before, for the reverse
     * @param reverseUsing the USING expression the reverse needs, or {@code null}
     */
    record AlterColumnType(
            QualifiedName table,
            String column,
            String type,
            @Nullable String using,
            @Nullable String previousType,
            @Nullable String collation,
            @Nullable String previousCollation,
            @Nullable String reverseUsing)
            implements ColumnOp {
        public AlterColumnType(
                QualifiedName table,
                String column,
                String type,
                @Nullable String using,
                @Nullable String previousType) {
            this(table, column, type, using, previousType, null, null, null);
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(previousType)
                    .map(t -> new AlterColumnType(
                            table, column, t, reverseUsing, type, previousCollation, collation, using));
        }
    }

    record AlterColumnNullable(QualifiedName table, String column, boolean nullable) implements ColumnOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new AlterColumnNullable(table, column, !nullable));
        }
    }

    /**
     * {@code SET DEFAULT expression}, or {@code DROP DEFAULT} when {@code expression} is null.
     *
     * @param previousExpression the default before ({@code null}: none), for the reverse
     */
    record AlterColumnDefault(
            QualifiedName table,
            String column,
            @Nullable String expression,
            @Nullable String previousExpression) implements ColumnOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new AlterColumnDefault(table, column, previousExpression, expression));
        }
    }

    record AddIdentity(QualifiedName table, String column, Identity identity) implements ColumnOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DropIdentity(table, column, identity));
        }
    }

    /**
     * {@code ALTER TABLE table ALTER COLUMN column DROP IDENTITY}.
     *
     * @param previous the identity dropped, when known, for the reverse
     */
    record DropIdentity(
            QualifiedName table, String column, @Nullable Identity previous) implements ColumnOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(previous).map(i -> new AddIdentity(table, column, i));
        }
    }

    /**
     * Changes an identity column in place ({@code SET GENERATED ...}, {@code SET INCREMENT BY ...}),
     * keeping its sequence and current value.
     *
     * @param generatedAlways the new generation, or {@code null} when it stays
     * @param changes the sequence options that change
     * @param previousAlways and {@code previous}: the values before, for the reverse
     */
    record AlterIdentity(
            QualifiedName table,
            String column,
            @Nullable Boolean generatedAlways,
            SequenceChanges changes,
            @Nullable Boolean previousAlways,
            @Nullable SequenceChanges previous)
            implements ColumnOp {
        public AlterIdentity {
            changes = changes == null ? SequenceChanges.NONE : changes;
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            boolean known =
                    (changes.isEmpty() || previous != null) && (generatedAlways == null || previousAlways != null);
            return known
                    ? Optional.of(new AlterIdentity(
                            table,
                            column,
                            previousAlways,
                            previous == null ? SequenceChanges.NONE : previous,
                            generatedAlways,
                            changes))
                    : Optional.empty();
        }
    }

    record CommentOnColumn(
            QualifiedName table,
            String column,
            @Nullable String comment,
            @Nullable String previousComment) implements ColumnOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new CommentOnColumn(table, column, previousComment, comment));
        }
    }
}
