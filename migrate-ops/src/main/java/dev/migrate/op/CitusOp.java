package dev.migrate.op;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The distribution of tables and schemas across a Citus cluster.
 */
public sealed interface CitusOp extends Op {
    /**
     * How a table is spread over a Citus cluster: by a column ({@link DistributeTable}) or copied to every
     * node ({@link CreateReferenceTable}). {@link UndistributeTable} keeps the one it undoes.
     */
    sealed interface TableDistribution extends CitusOp permits DistributeTable, CreateReferenceTable {
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
    record UndistributeTable(QualifiedName table, @Nullable TableDistribution previous) implements CitusOp {
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
    record DistributeSchema(String schema) implements CitusOp {
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
    record UndistributeSchema(String schema) implements CitusOp {
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
}
