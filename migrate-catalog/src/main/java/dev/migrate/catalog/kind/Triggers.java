package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Triggers and constraint triggers on tables and views ({@code pg_get_triggerdef}), disabled or set to
 * fire on replicas as they are, with the comment. Triggers PostgreSQL makes itself (foreign keys) and
 * the clones a partition takes from its parent are not objects of their own.
 */
final class Triggers implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TRIGGER;
    }

    @Override
    public String presence() {
        return KindReading.existsIn(
                "pg_class", "EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = x.oid AND NOT t.tgisinternal)");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_trigger'::regclass::oid AS classid, t.oid AS objid,
                       format('%I ON %I.%I', t.tgname, n.nspname, c.relname) AS identity,
                       pg_get_triggerdef(t.oid) || ';'
                       || CASE t.tgenabled
                              WHEN 'D' THEN format(E'\\nALTER TABLE %I.%I DISABLE TRIGGER %I;', n.nspname, c.relname, t.tgname)
                              WHEN 'R' THEN format(E'\\nALTER TABLE %I.%I ENABLE REPLICA TRIGGER %I;', n.nspname, c.relname,
                                                   t.tgname)
                              WHEN 'A' THEN format(E'\\nALTER TABLE %I.%I ENABLE ALWAYS TRIGGER %I;', n.nspname, c.relname,
                                                   t.tgname)
                              ELSE '' END
                       || {comment} AS sql, t.tgrelid AS relid
                FROM pg_trigger t JOIN {pg_class c in s} ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE NOT t.tgisinternal AND t.tgparentid = 0
                """.replace(
                        "{comment}",
                        KindReading.comment(
                                "TRIGGER",
                                "format('%I ON %I.%I', t.tgname, n.nspname, c.relname)",
                                "obj_description(t.oid, 'pg_trigger')"));
    }
}
