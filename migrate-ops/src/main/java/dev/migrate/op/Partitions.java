package dev.migrate.op;

import java.util.regex.Pattern;

/**
 * Checks the partition clauses an op carries as SQL text, so a mistyped one fails when the migration
 * is built, naming the table and the forms PostgreSQL accepts, rather than as a syntax error from the
 * server in the middle of a run.
 */
final class Partitions {
    // the three strategies of CREATE TABLE ... PARTITION BY, with a parenthesised key
    private static final Pattern PARTITION_BY = Pattern.compile("(?is)(RANGE|LIST|HASH)\\s*\\(.+\\)");
    // the partition_bound_spec of CREATE TABLE ... PARTITION OF and ALTER TABLE ... ATTACH PARTITION
    private static final Pattern BOUND = Pattern.compile(
            "(?is)DEFAULT|FOR\\s+VALUES\\s+(FROM\\s*\\(.+\\)\\s*TO\\s*\\(.+\\)|IN\\s*\\(.+\\)|WITH\\s*\\(\\s*MODULUS\\s+\\d+\\s*,\\s*REMAINDER\\s+\\d+\\s*\\))");

    private Partitions() {}

    static void checkPartitionBy(QualifiedName table, String partitionBy) {
        if (!PARTITION_BY.matcher(partitionBy.strip()).matches()) {
            throw new IllegalArgumentException("The partition key '" + partitionBy + "' of table " + table
                    + " is not one PostgreSQL accepts. Write RANGE (column, ...), LIST (column) or HASH (column, ...),"
                    + " e.g. \"RANGE (created_at)\".");
        }
    }

    static void checkBound(QualifiedName partition, String bound) {
        if (bound == null || !BOUND.matcher(bound.strip()).matches()) {
            throw new IllegalArgumentException("The bound '" + bound + "' of partition " + partition
                    + " is not one PostgreSQL accepts. Write FOR VALUES FROM (...) TO (...) for a range partition,"
                    + " FOR VALUES IN (...) for a list partition, FOR VALUES WITH (MODULUS m, REMAINDER r) for a"
                    + " hash partition, or DEFAULT, e.g. \"FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')\".");
        }
    }
}
