package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Materialized views, with their indexes and comments: dropped and created again as one, since
 * PostgreSQL replaces none of them in place.
 */
final class MaterializedViews implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.MATERIALIZED_VIEW;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_class", "x.relkind = 'm'");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_class'::regclass::oid AS classid, c.oid AS objid,
                       format('%I.%I', n.nspname, c.relname) AS identity,
                       format(E'CREATE MATERIALIZED VIEW %I.%I%s AS\\n%s;', n.nspname, c.relname,
                              COALESCE(' WITH (' || array_to_string(c.reloptions, ', ') || ')', ''),
                              rtrim(pg_get_viewdef(c.oid), ';'))
                       || COALESCE((SELECT string_agg(E'\\n' || pg_get_indexdef(i.indexrelid) || ';'
                                                      || {indexComment}, '' ORDER BY ic.relname)
                                    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                                    WHERE i.indrelid = c.oid), '')
                       || {comment} || {columnComments} AS sql, 0::oid AS relid
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'm'
                """.replace(
                        "{indexComment}",
                        KindReading.comment(
                                "INDEX",
                                "format('%I.%I', n.nspname, ic.relname)",
                                "obj_description(ic.oid, 'pg_class')"))
                .replace(
                        "{comment}",
                        KindReading.comment(
                                "MATERIALIZED VIEW",
                                "format('%I.%I', n.nspname, c.relname)",
                                "obj_description(c.oid, 'pg_class')"))
                .replace("{columnComments}", Columns.comments());
    }
}
