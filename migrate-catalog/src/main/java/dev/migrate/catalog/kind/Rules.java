package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/** Rules on tables and views ({@code CREATE RULE}), as {@code pg_get_ruledef} spells them; a view's own {@code _RETURN} rule is the view. */
final class Rules implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.RULE;
    }

    @Override
    public String presence() {
        return KindReading.existsIn(
                "pg_class", "EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.ev_class = x.oid AND r.rulename <> '_RETURN')");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_rewrite'::regclass::oid AS classid, r.oid AS objid,
                       format('%I ON %I.%I', r.rulename, n.nspname, c.relname) AS identity,
                       pg_get_ruledef(r.oid)
                       || CASE r.ev_enabled WHEN 'D' THEN format(E'\\nALTER TABLE %I.%I DISABLE RULE %I;', n.nspname, c.relname, r.rulename)
                                            WHEN 'A' THEN format(E'\\nALTER TABLE %I.%I ENABLE ALWAYS RULE %I;', n.nspname, c.relname, r.rulename)
                                            WHEN 'R' THEN format(E'\\nALTER TABLE %I.%I ENABLE REPLICA RULE %I;', n.nspname, c.relname, r.rulename)
                                            ELSE '' END
                       || {comment} AS sql, c.oid AS relid
                FROM pg_rewrite r JOIN {pg_class c in s} ON c.oid = r.ev_class
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE r.rulename <> '_RETURN'
                """.replace(
                        "{comment}",
                        KindReading.comment(
                                "RULE",
                                "format('%I ON %I.%I', r.rulename, n.nspname, c.relname)",
                                "obj_description(r.oid, 'pg_rewrite')"));
    }
}
