package dev.migrate.op;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One schema change. The same immutable values are rendered to SQL by the runtime, produced by
 * autogenerate from a schema diff, and written back as Java source; {@link #reverse()} gives the
 * change that undoes this one when it can be known.
 */
public sealed interface Op {
    <R> R accept(OpVisitor<R> visitor);

    /** The change that undoes this one, or empty when it cannot be derived (the downgrade must be written by hand). */
    default Optional<Op> reverse() {
        return Optional.empty();
    }

    // ---- schemas -------------------------------------------------------------------------------------------

    record CreateSchema(String name, boolean ifNotExists) implements Op {
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

    record DropSchema(String name, boolean cascade) implements Op {
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

    // ---- tables --------------------------------------------------------------------------------------------

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
            implements Op {
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
    record DropTable(QualifiedName table, @Nullable CreateTable definition) implements Op {
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

    record RenameTable(QualifiedName table, String newName) implements Op {
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
            @Nullable String previousComment) implements Op {
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
    record SetLogged(QualifiedName table, boolean unlogged) implements Op {
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

    // ---- partitions ----------------------------------------------------------------------------------------

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
            @Nullable String partitionBy) implements Op {
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
    record DropPartition(QualifiedName partition, @Nullable CreatePartition definition) implements Op {
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
    record AttachPartition(QualifiedName parent, QualifiedName partition, String bound) implements Op {
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
            @Nullable String bound) implements Op {
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

    // ---- columns -------------------------------------------------------------------------------------------

    record AddColumn(QualifiedName table, Column column) implements Op {
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
            QualifiedName table, String column, @Nullable Column definition) implements Op {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(definition).map(c -> new AddColumn(table, c));
        }
    }

    record RenameColumn(QualifiedName table, String column, String newName) implements Op {
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
            implements Op {
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

    record AlterColumnNullable(QualifiedName table, String column, boolean nullable) implements Op {
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
            @Nullable String previousExpression) implements Op {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new AlterColumnDefault(table, column, previousExpression, expression));
        }
    }

    record AddIdentity(QualifiedName table, String column, Identity identity) implements Op {
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
            QualifiedName table, String column, @Nullable Identity previous) implements Op {
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
            implements Op {
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
            @Nullable String previousComment) implements Op {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new CommentOnColumn(table, column, previousComment, comment));
        }
    }

    /**
     * {@code COMMENT ON CONSTRAINT constraint ON table IS ...}: the comment of a primary key, unique, check,
     * exclusion or foreign key constraint; {@code null} removes it.
     */
    record CommentOnConstraint(
            QualifiedName table,
            String constraint,
            @Nullable String comment,
            @Nullable String previousComment) implements Op {
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

    // ---- indexes -------------------------------------------------------------------------------------------

    /** {@code COMMENT ON INDEX index IS ...}: {@code null} removes the comment. */
    record CommentOnIndex(
            QualifiedName index,
            @Nullable String comment,
            @Nullable String previousComment) implements Op {
        public CommentOnIndex {
            Objects.requireNonNull(index, "index");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new CommentOnIndex(index, previousComment, comment));
        }
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table [USING method] (keys) [INCLUDE (...)] [NULLS NOT DISTINCT] [WITH (...)] [WHERE ...]}.
     * A key that is a plain name is a column (quoted as needed); anything else is written as given
     * ({@code lower(email)}, {@code created_at DESC}, {@code (a + b)}).
     *
     * @param storage the index method's storage parameters ({@code WITH (m = 16, ef_construction = 64)}),
     *     by lower-case name, in the order given, which PostgreSQL keeps; empty for the method's defaults
     */
    record CreateIndex(
            String name,
            QualifiedName table,
            List<IndexKey> keys,
            boolean isUnique,
            boolean isConcurrent,
            @Nullable String method,
            List<String> include,
            boolean isNullsNotDistinct,
            @Nullable String where,
            Map<String, String> storage)
            implements Op {
        public CreateIndex {
            Objects.requireNonNull(name, "index name");
            Objects.requireNonNull(table, "table");
            keys = List.copyOf(keys);
            include = List.copyOf(include);
            storage = StorageParameters.of(name, storage);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("Index " + name + " needs at least one column or expression.");
            }
        }

        /** The index without storage parameters, as before they were known. */
        public CreateIndex(
                String name,
                QualifiedName table,
                List<IndexKey> keys,
                boolean isUnique,
                boolean isConcurrent,
                @Nullable String method,
                List<String> include,
                boolean isNullsNotDistinct,
                @Nullable String where) {
            this(name, table, keys, isUnique, isConcurrent, method, include, isNullsNotDistinct, where, Map.of());
        }

        /** An index on these columns, ascending. */
        public static CreateIndex on(String name, QualifiedName table, List<String> columns) {
            return onKeys(
                    name,
                    table,
                    columns.stream().<IndexKey>map(IndexKey.Column::of).toList());
        }

        public static CreateIndex onKeys(String name, QualifiedName table, List<IndexKey> keys) {
            return new CreateIndex(name, table, keys, false, false, null, List.of(), false, null, Map.of());
        }

        public CreateIndex unique() {
            return new CreateIndex(
                    name, table, keys, true, isConcurrent, method, include, isNullsNotDistinct, where, storage);
        }

        /** Builds the index without blocking writes; the migration must be {@code transactional = false}. */
        public CreateIndex concurrently() {
            return new CreateIndex(
                    name, table, keys, isUnique, true, method, include, isNullsNotDistinct, where, storage);
        }

        /** The index method: {@code btree}, {@code hash}, {@code gin}, {@code gist}, {@code brin}, ... */
        public CreateIndex using(String indexMethod) {
            return new CreateIndex(
                    name,
                    table,
                    keys,
                    isUnique,
                    isConcurrent,
                    indexMethod,
                    include,
                    isNullsNotDistinct,
                    where,
                    storage);
        }

        public CreateIndex include(String... columns) {
            return new CreateIndex(
                    name,
                    table,
                    keys,
                    isUnique,
                    isConcurrent,
                    method,
                    List.of(columns),
                    isNullsNotDistinct,
                    where,
                    storage);
        }

        public CreateIndex nullsNotDistinct() {
            return new CreateIndex(name, table, keys, isUnique, isConcurrent, method, include, true, where, storage);
        }

        /** A partial index over the rows matching {@code predicate}. */
        public CreateIndex where(String predicate) {
            return new CreateIndex(
                    name, table, keys, isUnique, isConcurrent, method, include, isNullsNotDistinct, predicate, storage);
        }

        /**
         * A storage parameter of the index method, {@code WITH (parameter = value)}: HNSW's {@code m} and
         * {@code ef_construction}, IVFFlat's {@code lists}, btree's {@code fillfactor}, GIN's {@code fastupdate},
         * BRIN's {@code pages_per_range}, GiST's {@code buffering}. PostgreSQL checks the name and the value.
         *
         * <pre>{@code
         * op.createIndex(index("documents_embedding", "documents", expr("embedding vector_cosine_ops"))
         *         .using("hnsw").with("m", 16).with("ef_construction", 64));
         * }</pre>
         */
        public CreateIndex with(String parameter, String value) {
            Map<String, String> more = new LinkedHashMap<>(storage);
            more.put(parameter, value);
            return new CreateIndex(
                    name, table, keys, isUnique, isConcurrent, method, include, isNullsNotDistinct, where, more);
        }

        /**
         * A numeric storage parameter: {@code index("orders_placed", "orders", "placed_at").with("fillfactor", 70)}.
         */
        public CreateIndex with(String parameter, long value) {
            return with(parameter, Long.toString(value));
        }

        /**
         * A boolean storage parameter: {@code index("docs_body", "docs", "body_tsv").using("gin").with("fastupdate", false)}.
         */
        public CreateIndex with(String parameter, boolean value) {
            return with(parameter, Boolean.toString(value));
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DropIndex(table.sibling(name), isConcurrent, this));
        }
    }

    /**
     * {@code DROP INDEX [CONCURRENTLY] index}.
     *
     * @param definition the dropped index, when known, for the reverse
     */
    record DropIndex(
            QualifiedName index,
            boolean concurrently,
            @Nullable CreateIndex definition) implements Op {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(definition);
        }
    }

    // ---- constraints ---------------------------------------------------------------------------------------

    record AddConstraint(QualifiedName table, Constraint constraint) implements Op {
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
            QualifiedName table, String name, @Nullable Constraint definition) implements Op {
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
    record ValidateConstraint(QualifiedName table, String name) implements Op {
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
            @Nullable Deferrability previous) implements Op {
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

    // ---- enum types ----------------------------------------------------------------------------------------

    record CreateEnum(QualifiedName type, List<String> labels) implements Op {
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
    record DropEnum(QualifiedName type, @Nullable List<String> labels) implements Op {
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
            @Nullable String after) implements Op {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record RenameEnumValue(QualifiedName type, String label, String newLabel) implements Op {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new RenameEnumValue(type, newLabel, label));
        }
    }

    // ---- sequences -----------------------------------------------------------------------------------------

    /**
     * {@code CREATE SEQUENCE sequence [options] [OWNED BY ownedBy]}.
     *
     * @param ownedBy {@code table.column} that owns the sequence, or {@code null}
     */
    record CreateSequence(
            QualifiedName sequence,
            SequenceOptions options,
            @Nullable String ownedBy) implements Op {
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
            @Nullable SequenceChanges previous) implements Op {
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
    record DropSequence(QualifiedName sequence, @Nullable CreateSequence definition) implements Op {
        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(definition);
        }
    }

    // ---- objects kept as one definition: views, functions, triggers, policies, domains, ... -------------

    /** Creates an object from its definition; dropping it undoes that. */
    record CreateObject(ObjectDefinition definition) implements Op {
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
    record ReplaceObject(ObjectDefinition from, ObjectDefinition to) implements Op {
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
            ObjectKind kind, String identity, @Nullable ObjectDefinition definition) implements Op {
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

    // ---- online changes ------------------------------------------------------------------------------------

    /**
     * A change made online ({@link OnlineChange}): {@link #start} is its expand phase, which the upgrade
     * runs; {@link #complete} its contract phase, which {@code complete} runs; {@link #rollback} undoes the
     * start while the revision is in progress. Each half is made of ordinary operations.
     */
    record Online(OnlineChange change) implements Op {
        public Online {
            Objects.requireNonNull(change, "change");
        }

        /**
         * The expand phase: new columns, triggers, backfill, constraints {@code NOT VALID} then validated.
         *
         * @param revision the revision the change belongs to, which names its schema of views
         */
        public List<Op> start(String revision) {
            return OnlinePhases.of(change).start(revision);
        }

        /** The contract phase: the old columns and the triggers go, the new names take their place. */
        public List<Op> complete() {
            return OnlinePhases.of(change).complete();
        }

        /** Undoes {@link #start}; every value written meanwhile is in the old columns already. */
        public List<Op> rollback() {
            return OnlinePhases.of(change).rollback();
        }

        /** The change made at once, as a plain migration would make it (a downgrade runs this). */
        public List<Op> whole() {
            return OnlinePhases.of(change).whole();
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            if (change instanceof OnlineChange.RenameColumn r) {
                return Optional.of(new RenameColumn(r.table(), r.newName(), r.column()));
            }
            if (change instanceof OnlineChange.RenameTable r) {
                return Optional.of(new RenameTable(
                        r.table().sibling(r.newName()), r.table().name()));
            }
            return Optional.empty();
        }
    }

    /**
     * The operations the halves of an {@link Online} change are made of besides the ordinary ones. Each
     * one of a start half finds its work done when it runs again, so an interrupted expand resumes.
     */
    sealed interface OnlineStep extends Op
            permits DuplicateColumn,
                    DuplicateConstraints,
                    DuplicateIndexes,
                    ReplaceColumn,
                    SyncTrigger,
                    DropSyncTrigger,
                    Backfill,
                    PutConstraint,
                    CreateVersionViews,
                    DropVersionViews {
        @Override
        default <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Adds {@code newColumn} beside {@code column}, of {@code type} or the column's own type, with the
     * column's default; refuses a column of the primary key or one a foreign key of another table
     * references. Nothing when {@code newColumn} is there. It carries no constraint: those come with
     * {@link DuplicateConstraints}, once the {@link SyncTrigger} fills the column in every write.
     */
    record DuplicateColumn(
            QualifiedName table,
            String column,
            String newColumn,
            @Nullable String type) implements OnlineStep {}

    /**
     * Puts the constraints of {@code column} on {@code newColumn}, {@code NOT VALID} until the backfill has
     * filled it: a {@link #notNullCheck} when the column is NOT NULL, and a copy of each of its checks and
     * foreign keys, named {@code _migrate_new_<constraint>}. Each one there already is left as it is. It
     * runs after the {@link SyncTrigger}: a constraint on the new column before the trigger fills it would
     * refuse every write of the running application.
     */
    record DuplicateConstraints(QualifiedName table, String column, String newColumn) implements OnlineStep {
        /** The check, {@code NOT VALID}, that keeps a column's NOT NULL for the column beside it. */
        public String notNullCheck() {
            return OnlineNames.notNullCheck(column);
        }
    }

    /**
     * Builds, beside each index of {@code table} that {@code column} is in (but the primary key), the same
     * index over {@code newColumn}, named {@code _migrate_new_<index>}: against a database each with
     * {@code CREATE INDEX CONCURRENTLY}, a statement at a time; in a script, in one {@code DO} block.
     */
    record DuplicateIndexes(QualifiedName table, String column, String newColumn) implements OnlineStep {}

    /**
     * The contract of a replaced column: {@code column} dropped, {@code newColumn} renamed to it, and the
     * copies of its indexes given their names back, a unique constraint's index attached to it again.
     */
    record ReplaceColumn(QualifiedName table, String column, String newColumn) implements OnlineStep {}

    /**
     * A trigger, with its function, that fills one column from the other on every insert and update:
     * a row written through the revision's schema of views (the new application) gets {@code column}
     * from {@code down}; any other row gets {@code newColumn} from {@code up}.
     *
     * @param newColumn the column that stands beside {@code column}, or {@code null} when only the old
     *     column is filled (a dropped column's value for the old application)
     * @param up an expression over the row's columns, or {@code null}
     * @param down an expression over the row's columns, or {@code null}
     * @param revision the revision whose schema of views marks the new application's writes
     */
    record SyncTrigger(
            QualifiedName table,
            String column,
            @Nullable String newColumn,
            @Nullable String up,
            @Nullable String down,
            String revision)
            implements OnlineStep {
        /** The trigger's name on its table. */
        public String trigger() {
            return OnlineNames.trigger(column);
        }

        /** The trigger's function, in the table's schema. */
        public QualifiedName function() {
            return OnlineNames.function(table, column);
        }
    }

    /** Drops the trigger and the function of a {@link SyncTrigger}, when they are there. */
    record DropSyncTrigger(QualifiedName table, String column) implements OnlineStep {
        public String trigger() {
            return OnlineNames.trigger(column);
        }

        public QualifiedName function() {
            return OnlineNames.function(table, column);
        }
    }

    /**
     * Writes every existing row of {@code table} again, so that its triggers fill {@code column}: against a
     * database in batches of {@code batchSize} rows in key order, each its own short transaction,
     * resuming after the last batch done; in a script, one {@code UPDATE}.
     */
    record Backfill(QualifiedName table, String column, int batchSize) implements OnlineStep {
        public static final int DEFAULT_BATCH_SIZE = 1000;

        public Backfill(QualifiedName table, String column) {
            this(table, column, DEFAULT_BATCH_SIZE);
        }
    }

    /** Adds {@code constraint}, replacing one of its name: a start half adds it again when it resumes. */
    record PutConstraint(QualifiedName table, Constraint constraint) implements OnlineStep {}

    /**
     * The schema of views of a revision, {@code <schema>_<revision>} for each schema its changes touch:
     * one view per table (and view) of the schema, with the new names and without the dropped or
     * replaced columns, each granted as its table is.
     */
    record CreateVersionViews(String revision, List<OnlineChange> changes) implements OnlineStep {
        public CreateVersionViews {
            changes = List.copyOf(changes);
        }
    }

    /** Drops the schemas of views of a revision. */
    record DropVersionViews(String revision, List<OnlineChange> changes) implements OnlineStep {
        public DropVersionViews {
            changes = List.copyOf(changes);
        }
    }

    // ---- distribution across a Citus cluster -----------------------------------------------------------------

    /**
     * How a table is spread over a Citus cluster: by a column ({@link DistributeTable}) or copied to every
     * node ({@link CreateReferenceTable}). {@link UndistributeTable} keeps the one it undoes.
     */
    sealed interface TableDistribution extends Op permits DistributeTable, CreateReferenceTable {
        /** The table distributed. */
        QualifiedName table();
    }

    /**
     * {@code SELECT create_distributed_table('orders', 'customer_id', colocate_with => 'customers')}: the
     * table's rows are split by the hash of {@code column} into shards on the workers of a Citus cluster,
     * and its existing rows are copied there, under a lock that blocks writes to it.
     *
     * @param column the distribution column, as the catalog names it (case and all)
     * @param colocateWith the table whose shards this table's shards go with (a join on the distribution
     *     column then stays on one node), {@code "none"} for a colocation group of its own, or {@code null}
     *     for Citus's default: the group of the tables with the same column type and shard count
     * @param shardCount the number of shards, or {@code null} for the cluster's {@code citus.shard_count};
     *     a table colocated with another has that table's
     */
    record DistributeTable(
            QualifiedName table,
            String column,
            @Nullable String colocateWith,
            @Nullable Integer shardCount) implements TableDistribution {
        /** The colocation that puts a table in a group of its own. */
        public static final String NONE = "none";

        public DistributeTable {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "distribution column");
            if (column.isEmpty()) {
                throw new IllegalArgumentException("Distributing table " + table
                        + " needs a distribution column: the column whose value picks each row's shard.");
            }
            if (colocateWith != null && colocateWith.isBlank()) {
                throw new IllegalArgumentException("Table " + table + " is colocated with a blank name; name a "
                        + "distributed table, \"none\" for a group of its own, or leave it out for Citus's default.");
            }
            if (shardCount != null && shardCount < 1) {
                throw new IllegalArgumentException("Table " + table + " cannot have " + shardCount
                        + " shards; give a shard count of 1 or more, or leave it out for citus.shard_count.");
            }
            if (shardCount != null && colocateWith != null && !isKeyword(colocateWith)) {
                throw new IllegalArgumentException("Table " + table + " is colocated with " + colocateWith
                        + " and also given " + shardCount + " shards; a colocated table has the shards of the"
                        + " table it goes with, so leave the shard count out.");
            }
        }

        /** Distributed by {@code column}, colocated as Citus's default says. */
        public DistributeTable(QualifiedName table, String column) {
            this(table, column, null, null);
        }

        /** Whether {@code colocateWith} names a table rather than {@code none} or {@code default}. */
        public boolean colocatedWithTable() {
            return colocateWith != null && !isKeyword(colocateWith);
        }

        private static boolean isKeyword(String colocateWith) {
            return colocateWith.equalsIgnoreCase(NONE) || colocateWith.equalsIgnoreCase("default");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new UndistributeTable(table, this));
        }
    }

    /**
     * {@code SELECT create_reference_table('countries')}: a copy of the table, rows and all, on every node of a
     * Citus cluster, so that any distributed table may join it, or point a foreign key at it, on the node
     * where its shard is. Its existing rows are copied to every node under a lock that blocks writes.
     */
    record CreateReferenceTable(QualifiedName table) implements TableDistribution {
        public CreateReferenceTable {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new UndistributeTable(table, this));
        }
    }

    /**
     * {@code SELECT undistribute_table('orders')}: a distributed or reference table becomes a table of the
     * coordinator again; its rows are copied back from the workers into a new table that takes its place.
     *
     * @param previous how the table was distributed, when known, so that this can be reversed
     */
    record UndistributeTable(QualifiedName table, @Nullable TableDistribution previous) implements Op {
        public UndistributeTable {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(previous);
        }
    }

    /**
     * {@code SELECT citus_schema_distribute('tenant_1')}: schema-based sharding (Citus 12 and later). Each table
     * of the schema, and each one created in it later, becomes a table of a single shard, all of them in one
     * colocation group placed on one worker: the schema moves as a unit. Existing rows are copied there.
     */
    record DistributeSchema(String schema) implements Op {
        public DistributeSchema {
            Objects.requireNonNull(schema, "schema");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new UndistributeSchema(schema));
        }
    }

    /**
     * {@code SELECT citus_schema_undistribute('tenant_1')}: the tables of a distributed schema become tables of
     * the coordinator again, their rows copied back.
     */
    record UndistributeSchema(String schema) implements Op {
        public UndistributeSchema {
            Objects.requireNonNull(schema, "schema");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DistributeSchema(schema));
        }
    }

    // ---- raw SQL and data ----------------------------------------------------------------------------------

    /**
     * SQL run as written.
     *
     * @param reverseSql SQL that undoes it, or {@code null}
     */
    record Execute(String sql, @Nullable String reverseSql) implements Op {
        public Execute {
            Objects.requireNonNull(sql, "sql");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(reverseSql).map(r -> new Execute(r, sql));
        }
    }

    /**
     * A guard: the migration stops, with {@code message} and the number of rows, when {@code query}
     * returns any row. It runs in the migration's transaction before the changes that the rows would
     * make fail, so nothing of the migration is applied. It changes nothing, so it has no reverse:
     * the downgrade needs no guard.
     *
     * @param query a SELECT returning the rows that must not exist
     * @param message what to do about them, for the person running the migration
     */
    record RequireNoRows(String query, String message) implements Op {
        public RequireNoRows {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(message, "message");
            if (query.isBlank()) {
                throw new IllegalArgumentException("A requireNoRows guard needs a query: a SELECT returning the rows "
                        + "that must not exist, such as SELECT 1 FROM customers WHERE email IS NULL.");
            }
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A guard that decides, on the database the revision runs on, whether the revision's changes run:
     * a Liquibase precondition kept as code. It is evaluated before the revision's statements, in its
     * transaction; when the precondition does not hold, {@code onFail} says what happens (the revision
     * fails, stays pending, is recorded as applied without running, or runs after a warning). It
     * changes nothing, so it has no reverse: the downgrade needs no guard.
     *
     * <p>When evaluating the precondition itself fails (an {@code sqlCheck} whose query errors), {@code onError}
     * says what happens, as Liquibase's {@code onError} does; it is evaluated under a savepoint, so the failure
     * does not end the revision's transaction.
     *
     * @param onError what happens when the precondition cannot be evaluated, or {@code null} for {@code HALT}
     *     (Liquibase's default); {@code HALT} is kept as {@code null}, so a guard that names it has the checksum
     *     of one that does not
     * @param message what the run says when the precondition does not hold
     * @param errorMessage what the run says when the precondition cannot be evaluated (the
     *     onErrorMessage attribute of Liquibase), or {@code null} for {@code message}
     */
    record Guard(
            Precondition precondition,
            Precondition.OnFail onFail,
            Precondition.@Nullable OnFail onError,
            String message,
            @Nullable String errorMessage)
            implements Op {
        public Guard {
            Objects.requireNonNull(precondition, "precondition");
            Objects.requireNonNull(onFail, "onFail");
            Objects.requireNonNull(message, "message");
            if (onError == Precondition.OnFail.HALT) {
                onError = null;
            }
        }

        /** A guard whose evaluation error halts the run, Liquibase's default {@code onError}. */
        public Guard(Precondition precondition, Precondition.OnFail onFail, String message) {
            this(precondition, onFail, null, message, null);
        }

        /** A guard that says {@code message} both where the precondition fails and where it cannot be evaluated. */
        public Guard(
                Precondition precondition,
                Precondition.OnFail onFail,
                Precondition.@Nullable OnFail onError,
                String message) {
            this(precondition, onFail, onError, message, null);
        }

        /** What the run says when the precondition cannot be evaluated: the error message, else the message. */
        public String errorText() {
            return errorMessage == null ? message : errorMessage;
        }

        /** What happens when the precondition cannot be evaluated. */
        public Precondition.OnFail errorOutcome() {
            return onError == null ? Precondition.OnFail.HALT : onError;
        }

        /** Whether the guard can record the revision as applied without running it. */
        public boolean canMarkRan() {
            return onFail == Precondition.OnFail.MARK_RAN || errorOutcome() == Precondition.OnFail.MARK_RAN;
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Rows inserted, each value as PostgreSQL reads its text ({@link Rows}). The reverse deletes them by
     * their key. Autogenerate writes it for declared rows ({@code db/data/}) a table lacks.
     */
    record InsertRows(QualifiedName table, Rows rows) implements Op {
        public InsertRows {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(rows, "rows");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new DeleteRows(table, rows));
        }
    }

    /**
     * Rows deleted by their key; the rows' other values are what the reverse inserts again, so a row
     * deleted by a migration comes back as it was on its downgrade.
     */
    record DeleteRows(QualifiedName table, Rows rows) implements Op {
        public DeleteRows {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(rows, "rows");
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.of(new InsertRows(table, rows));
        }
    }

    /**
     * Rows updated, each found by its key and given the values of {@code rows}' other columns.
     *
     * @param previous the same rows as they were (same key, same columns, same order), when known, for the reverse
     */
    record UpdateRows(
            QualifiedName table, Rows rows, @Nullable Rows previous) implements Op {
        public UpdateRows {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(rows, "rows");
            if (previous != null && (!previous.columns().equals(rows.columns()) || previous.size() != rows.size())) {
                throw new IllegalArgumentException("The previous rows of an update of " + table
                        + " must have the same columns and as many rows as the update.");
            }
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public Optional<Op> reverse() {
            return Optional.ofNullable(previous).map(before -> new UpdateRows(table, before, rows));
        }
    }

    /**
     * Rows inserted as literal values. The columns follow the first row: in its order when that map
     * has one ({@code LinkedHashMap}, {@code SortedMap}), otherwise sorted by name, so rows written
     * with {@code Map.of} give the same SQL in every JVM.
     */
    record BulkInsert(QualifiedName table, List<Map<String, Object>> rows) implements Op {
        public BulkInsert {
            // allow null values, which Map.copyOf would refuse
            rows = rows.stream()
                    .map(r -> Collections.unmodifiableMap(inStableOrder(r)))
                    .toList();
        }

        private static Map<String, Object> inStableOrder(Map<String, Object> row) {
            return row instanceof LinkedHashMap<?, ?> || row instanceof SortedMap<?, ?>
                    ? new LinkedHashMap<>(row)
                    : new LinkedHashMap<>(new TreeMap<>(row));
        }

        @Override
        public <R> R accept(OpVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
