package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Indexes a partition has of its own, as hand-partitioned schemas have them ({@code CREATE INDEX ... ON
 * orders_2024_01 (customer_id)}), spelled as {@code pg_get_indexdef} spells them. The partition's columns
 * and keys come from its parent; an index its parent's index made on it (attached, so in {@code
 * pg_inherits}) is the parent's and is left out here, as is one that backs a constraint of the partition
 * (the constraint is written, and makes it). On a partition partitioned in turn, the server spells the
 * index {@code ON ONLY}, which would leave the partitions below without theirs: it is written {@code ON},
 * which makes them, attached, as the adopted database has them.
 */
final class PartitionIndexes implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.PARTITION_INDEX;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_class", "x.relispartition");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_class'::regclass::oid AS classid, ic.oid AS objid,
                       format('%I.%I', n.nspname, ic.relname) AS identity,
                       CASE WHEN c.relkind = 'p' THEN d.head || ' ON ' || substr(d.def, length(d.head) + 10)
                            ELSE d.def END || ';' || {comment} AS sql, c.oid AS relid
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN {pg_class c in s} ON c.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                CROSS JOIN LATERAL (SELECT pg_get_indexdef(ic.oid) AS def,
                    CASE WHEN i.indisunique THEN 'CREATE UNIQUE INDEX ' ELSE 'CREATE INDEX ' END
                    || quote_ident(ic.relname) AS head) d
                WHERE c.relispartition
                  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = ic.oid)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = ic.oid AND k.conrelid = c.oid)
                """.replace(
                "{comment}",
                KindReading.comment(
                        "INDEX", "format('%I.%I', n.nspname, ic.relname)", "obj_description(ic.oid, 'pg_class')"));
    }
}
