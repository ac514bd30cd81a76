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
 * Rows of a table inserted, deleted or updated by a migration.
 */
public sealed interface DataOp extends Op {
    /**
     * Rows inserted, each value as PostgreSQL reads its text ({@link Rows}). The reverse deletes them by
     * their key. Autogenerate writes it for declared rows ({@code db/data/}) a table lacks.
     */
    record InsertRows(QualifiedName table, Rows rows) implements DataOp {
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
    record DeleteRows(QualifiedName table, Rows rows) implements DataOp {
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
            QualifiedName table, Rows rows, @Nullable Rows previous) implements DataOp {
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
    record BulkInsert(QualifiedName table, List<Map<String, Object>> rows) implements DataOp {
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
