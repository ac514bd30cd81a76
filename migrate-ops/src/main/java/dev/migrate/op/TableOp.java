package dev.migrate.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tables as a whole: created, dropped, renamed, commented, made (un)logged, and the partitions of a
 * partitioned table.
 */
public sealed interface TableOp extends Op {
    /**
     * {@code CREATE [UNLOGGED] TABLE table (elements) [PARTITION BY partitionBy]}.
     *
     * @param partitionBy {@code RANGE (created_at)}, {@code LIST (region)} or {@code HASH (id)} for a
     *     partitioned table, as PostgreSQL's {@code pg_get_partkeydef} writes it; {@code null} for a plain table
     * @param unlogged whether the table is {@code UNLOGGED}: its rows skip the write-ahead log
     */
    record CreateTable(
            QualifiedName table,
            List<TableElement> elements,
            @Nullable String comment,
            @Nullable String partitionBy,
            boolean unlogged)
            implements TableOp {
        public CreateTable {
            Objects.requireNonNull(table, "table");
            elements = List.copyOf(elements);
            if (partitionBy != null) {
                Partitions.checkPartitionBy(table, partitionBy);
            }
        }

        public CreateTable(QualifiedName table, List<TableElement> elements, @Nullable String comment) {
            this(table, elements, comment, null, false);
        }

        /** A logged table, plain or partitioned. */
        public CreateTable(
                QualifiedName table,
                List<TableElement> elements,
                @Nullable String comment,
                @Nullable String partitionBy) {
            this(table, elements, comment, partitionBy, false);
        }

        public List<Column> columns() {
            return elements.stream()
                    .filter(Column.class::isInstance)
                    .map(Column.class::cast)
                    .toList();
        }

        public List<Constraint> constraints() {
            return elements.stream()
                    .filter(Constraint.class::isInstance)
                    .map(Constraint.class::cast)
                    .toList();
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DropTable(table, this));
        }
    }

    /**
     * {@code DROP TABLE table}.
     *
     * @param definition the dropped table, when known, so the drop can be reversed
     */
    record DropTable(QualifiedName table, @Nullable CreateTable definition) implements TableOp {
        public DropTable {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(definition);
        }
    }

    record RenameTable(QualifiedName table, String newName) implements TableOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new RenameTable(table.sibling(newName), table.name()));
        }
    }

    record CommentOnTable(
            QualifiedName table,
            @Nullable String comment,
            @Nullable String previousComment) implements TableOp {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new CommentOnTable(table, previousComment, comment));
        }
    }

    /**
     * {@code ALTER TABLE table SET UNLOGGED} or {@code SET LOGGED}: the table is rewritten, its rows
     * then skip the write-ahead log or go through it again.
     */
    record SetLogged(QualifiedName table, boolean unlogged) implements TableOp {
        public SetLogged {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new SetLogged(table, !unlogged));
        }
    }

    /**
     * {@code CREATE TABLE partition PARTITION OF parent bound [PARTITION BY ...]}: a new, empty partition
     * of a partitioned table. Its columns, and the keys and indexes made on the parent, come from the parent.
     *
     * @param bound as PostgreSQL writes it: {@code FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')},
     *     {@code FOR VALUES IN ('eu', 'us')}, {@code FOR VALUES WITH (MODULUS 4, REMAINDER 0)} or {@code DEFAULT}
     * @param partitionBy for a partition that is partitioned in turn, its own key ({@code LIST (region)}); else {@code null}
     */
    record CreatePartition(
            QualifiedName partition,
            QualifiedName parent,
            String bound,
            @Nullable String partitionBy) implements TableOp {
        public CreatePartition {
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(parent, "parent table");
            Partitions.checkBound(partition, bound);
            if (partitionBy != null) {
                Partitions.checkPartitionBy(partition, partitionBy);
            }
        }

        /** This partition, partitioned in turn by {@code key} ({@code LIST (region)}). */
        public CreatePartition partitionBy(String key) {
            return new CreatePartition(partition, parent, bound, key);
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DropPartition(partition, this));
        }
    }

    /**
     * {@code DROP TABLE partition}: the partition and all its rows.
     *
     * @param definition the dropped partition, when known, so the drop can be reversed (as an empty partition)
     */
    record DropPartition(QualifiedName partition, @Nullable CreatePartition definition) implements TableOp {
        public DropPartition {
            Objects.requireNonNull(partition, "partition");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(definition);
        }
    }

    /**
     * {@code ALTER TABLE parent ATTACH PARTITION partition bound}: an existing table, with its rows, becomes
     * a partition. PostgreSQL scans it to check the bound unless a check constraint already proves it.
     */
    record AttachPartition(QualifiedName parent, QualifiedName partition, String bound) implements TableOp {
        public AttachPartition {
            Objects.requireNonNull(parent, "parent table");
            Objects.requireNonNull(partition, "partition");
            Partitions.checkBound(partition, bound);
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DetachPartition(parent, partition, false, bound));
        }
    }

    /**
     * {@code ALTER TABLE parent DETACH PARTITION partition [CONCURRENTLY]}: the partition becomes a table of
     * its own and keeps its rows. {@code CONCURRENTLY} (PostgreSQL 14+) takes only a SHARE UPDATE EXCLUSIVE
     * lock on the parent, cannot run inside a transaction (the migration must be {@code transactional = false})
     * and is refused when the parent has a default partition.
     *
     * @param bound the partition's bound, when known, so the detach can be reversed
     */
    record DetachPartition(
            QualifiedName parent,
            QualifiedName partition,
            boolean concurrently,
            @Nullable String bound) implements TableOp {
        public DetachPartition {
            Objects.requireNonNull(parent, "parent table");
            Objects.requireNonNull(partition, "partition");
            if (bound != null) {
                Partitions.checkBound(partition, bound);
            }
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(bound).map(b -> new AttachPartition(parent, partition, b));
        }
    }
}
