package dev.migrate.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Indexes: created, dropped and commented.
 */
public sealed interface IndexOp extends Op {
    /** {@code COMMENT ON INDEX index IS ...}: {@code null} removes the comment. */
    record CommentOnIndex(
            QualifiedName index,
            @Nullable String comment,
            @Nullable String previousComment) implements IndexOp {
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
            implements IndexOp {
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
            @Nullable CreateIndex definition) implements IndexOp {
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
