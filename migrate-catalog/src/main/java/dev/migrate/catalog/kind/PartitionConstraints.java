package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Constraints a partition has of its own (foreign keys, keys, checks and exclusions added on the
 * partition, as hand-partitioned schemas have them: {@code ALTER TABLE ONLY orders_2024_01 ADD CONSTRAINT
 * ... FOREIGN KEY ...}), spelled as {@code pg_get_constraintdef} spells them. One its parent's constraint
 * made on it ({@code conparentid}, or inherited: {@code coninhcount}) is the parent's and left out.
 * {@code NOT NULL} (a constraint from PostgreSQL 18) is the column's, read with it.
 */
final class PartitionConstraints implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.PARTITION_CONSTRAINT;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_class", "x.relispartition");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_constraint'::regclass::oid AS classid, k.oid AS objid,
                       format('%I ON %I.%I', k.conname, n.nspname, c.relname) AS identity,
                       format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s;', n.nspname, c.relname, k.conname,
                              pg_get_constraintdef(k.oid)) || {comment} AS sql, c.oid AS relid
                FROM pg_constraint k JOIN {pg_class c in s} ON c.oid = k.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relispartition AND k.contype IN ('p', 'u', 'f', 'c', 'x')
                  AND k.coninhcount = 0 AND k.conparentid = 0
                """.replace(
                        "{comment}",
                        KindReading.comment(
                                "CONSTRAINT",
                                "format('%I ON %I.%I', k.conname, n.nspname, c.relname)",
                                "obj_description(k.oid, 'pg_constraint')"));
    }
}
