package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Domains: base type, collation, default, NOT NULL and their named checks ({@code
 * pg_get_constraintdef}); a check not validated yet is added after, {@code NOT VALID}, as {@code
 * CREATE DOMAIN} takes none.
 */
final class Domains implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.DOMAIN;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_type", "x.typtype = 'd'");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_type'::regclass::oid AS classid, t.oid AS objid,
                       format('%I.%I', n.nspname, t.typname) AS identity,
                       format('CREATE DOMAIN %I.%I AS %s%s%s%s%s;', n.nspname, t.typname,
                              format_type(t.typbasetype, t.typtypmod), {collation},
                              COALESCE(' DEFAULT ' || t.typdefault, ''),
                              CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END,
                              COALESCE((SELECT string_agg(format(E'\\n    CONSTRAINT %I %s', k.conname,
                                                                 pg_get_constraintdef(k.oid)), '' ORDER BY k.conname)
                                        FROM pg_constraint k
                                        WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated), ''))
                       || COALESCE((SELECT string_agg(format(E'\\nALTER DOMAIN %I.%I ADD CONSTRAINT %I %s;', n.nspname,
                                                             t.typname, k.conname, pg_get_constraintdef(k.oid)),
                                                      '' ORDER BY k.conname)
                                    FROM pg_constraint k
                                    WHERE k.contypid = t.oid AND k.contype = 'c' AND NOT k.convalidated), '')
                       || {comment} AS sql, 0::oid AS relid
                FROM {pg_type t in s} JOIN pg_namespace n ON n.oid = t.typnamespace
                JOIN pg_type b ON b.oid = t.typbasetype
                WHERE t.typtype = 'd'
                """.replace("{collation}", CollateClause.clause("t.typcollation", "b.typcollation")).replace(
                "{comment}",
                KindReading.comment(
                        "DOMAIN", "format('%I.%I', n.nspname, t.typname)", "obj_description(t.oid, 'pg_type')"));
    }
}
