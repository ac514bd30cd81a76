package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/** Views: the server's deparse of the query, with the view's options, check option and comments. */
final class Views implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.VIEW;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_class", "x.relkind = 'v'");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_class'::regclass::oid AS classid, c.oid AS objid,
                       format('%I.%I', n.nspname, c.relname) AS identity,
                       format(E'CREATE OR REPLACE VIEW %I.%I%s AS\\n%s%s;', n.nspname, c.relname,
                              COALESCE(' WITH (' || (SELECT string_agg(o, ', ') FROM unnest(c.reloptions) o
                                                     WHERE o NOT LIKE 'check_option=%') || ')', ''),
                              rtrim(pg_get_viewdef(c.oid), ';'),
                              CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN E'\\n  WITH LOCAL CHECK OPTION'
                                   WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN E'\\n  WITH CASCADED CHECK OPTION'
                                   ELSE '' END)
                       || {comment} || {columnComments} AS sql, 0::oid AS relid
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'v'
                """.replace(
                        "{comment}",
                        KindReading.comment(
                                "VIEW", "format('%I.%I', n.nspname, c.relname)", "obj_description(c.oid, 'pg_class')"))
                .replace("{columnComments}", Columns.comments());
    }
}
