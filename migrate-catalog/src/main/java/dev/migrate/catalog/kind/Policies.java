package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/** Row-level security policies: permissive or restrictive, command, roles, USING and WITH CHECK. */
final class Policies implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.POLICY;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_class", "EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = x.oid)");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_policy'::regclass::oid AS classid, p.oid AS objid,
                       format('%I ON %I.%I', p.polname, n.nspname, c.relname) AS identity,
                       format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s%s%s;', p.polname, n.nspname, c.relname,
                              CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
                              CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                                            WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
                              (SELECT string_agg(r.name, ', ' ORDER BY r.name)
                               FROM (SELECT CASE WHEN o = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(o)) END
                                            AS name FROM unnest(p.polroles) o) r),
                              COALESCE(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', ''),
                              COALESCE(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', ''))
                       || {comment} AS sql, p.polrelid AS relid
                FROM pg_policy p JOIN {pg_class c in s} ON c.oid = p.polrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                """.replace(
                        "{comment}",
                        KindReading.comment(
                                "POLICY",
                                "format('%I ON %I.%I', p.polname, n.nspname, c.relname)",
                                "obj_description(p.oid, 'pg_policy')"));
    }
}
