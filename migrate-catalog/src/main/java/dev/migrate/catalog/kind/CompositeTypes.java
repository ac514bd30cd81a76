package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/** Composite types ({@code CREATE TYPE name AS (...)}), their attributes in order, with the comment. */
final class CompositeTypes implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TYPE;
    }

    @Override
    public String presence() {
        return KindReading.existsIn(
                "pg_type", "x.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = x.typrelid) = 'c'");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_type'::regclass::oid AS classid, t.oid AS objid,
                       format('%I.%I', n.nspname, t.typname) AS identity,
                       format('CREATE TYPE %I.%I AS (%s);', n.nspname, t.typname,
                              COALESCE((SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
                                                          || {collation}, ', ' ORDER BY a.attnum)
                                        FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                                        WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), ''))
                       || {comment} AS sql, 0::oid AS relid
                FROM {pg_type t in s} JOIN pg_namespace n ON n.oid = t.typnamespace
                JOIN pg_class c ON c.oid = t.typrelid
                WHERE t.typtype = 'c' AND c.relkind = 'c'
                """.replace("{collation}", CollateClause.clause("a.attcollation", "at.typcollation")).replace(
                "{comment}",
                KindReading.comment(
                        "TYPE", "format('%I.%I', n.nspname, t.typname)", "obj_description(t.oid, 'pg_type')"));
    }
}
