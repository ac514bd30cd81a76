package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Privileges granted on the objects of the managed schemas, one object per object and grantee: on tables,
 * views, materialized views and sequences ({@code relacl}), on their columns ({@code attacl}), on functions,
 * procedures and aggregates ({@code proacl}), on domains and types ({@code typacl}) and on the schemas
 * themselves ({@code nspacl}). What the owner holds is the owner's, not a grant. Functions and types give
 * {@code EXECUTE} and {@code USAGE} to {@code PUBLIC} by default: that is no grant, and where it was taken
 * away, the revoke is the object ({@code ON FUNCTION public.f() FROM PUBLIC}). On a schema, only grants to
 * roles other than {@code PUBLIC} count: what {@code PUBLIC} holds there is the database's default, which
 * differs by version.
 */
final class Grants implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.GRANT;
    }

    /**
     * An ACL on an object of the schemas, or a grant on a schema itself to a role other than its owner, {@code PUBLIC}
     * and {@code pg_database_owner} (which every {@code public} schema has from PostgreSQL 15).
     */
    @Override
    public String presence() {
        return String.join(
                " OR ",
                KindReading.existsIn(
                        "pg_class",
                        "x.relacl IS NOT NULL"
                                + " OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = x.oid AND a.attacl IS NOT NULL)"),
                KindReading.existsIn("pg_proc", "x.proacl IS NOT NULL"),
                KindReading.existsIn("pg_type", "x.typacl IS NOT NULL"),
                """
                EXISTS (SELECT 1 FROM pg_namespace n JOIN s USING (nspname) CROSS JOIN LATERAL aclexplode(n.nspacl) e
                        LEFT JOIN pg_roles r ON r.oid = e.grantee
                        WHERE e.grantee NOT IN (0, n.nspowner) AND (r.rolname IS NULL OR r.rolname <> 'pg_database_owner'))""");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 0::oid AS classid, t.objid, t.target || ' TO ' || t.grantee AS identity,
                       concat_ws(E'\\n',
                           CASE WHEN t.plain IS NOT NULL THEN
                               format('GRANT %s ON %s TO %s;', t.plain, t.onwhat, t.grantee) END,
                           CASE WHEN t.grantable IS NOT NULL THEN
                               format('GRANT %s ON %s TO %s WITH GRANT OPTION;', t.grantable, t.onwhat, t.grantee) END
                       ) AS sql,
                       t.relid
                FROM (
                    SELECT a.objid, a.relid, a.onwhat, a.cols,
                           CASE WHEN a.cols = '' THEN 'ON ' ELSE a.cols || ' ON ' END || a.onwhat AS target,
                           -- a column's privileges each name the column: SELECT (total), UPDATE (total)
                           CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END AS grantee,
                           string_agg(concat_ws(' ', e.privilege_type, NULLIF(a.cols, '')), ', ' ORDER BY e.privilege_type)
                               FILTER (WHERE NOT e.is_grantable) AS plain,
                           string_agg(concat_ws(' ', e.privilege_type, NULLIF(a.cols, '')), ', ' ORDER BY e.privilege_type)
                               FILTER (WHERE e.is_grantable) AS grantable
                    FROM (
                        SELECT c.oid AS objid, c.oid AS relid, c.relowner AS owner, c.relacl AS acl, '' AS cols,
                               format('%s %I.%I', CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                                      n.nspname, c.relname) AS onwhat, false AS public_by_default
                        FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relacl IS NOT NULL
                        UNION ALL
                        SELECT c.oid, c.oid, c.relowner, at.attacl, format('(%I)', at.attname),
                               format('TABLE %I.%I', n.nspname, c.relname), false
                        FROM pg_attribute at JOIN {pg_class c in s} ON c.oid = at.attrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE at.attacl IS NOT NULL AND at.attnum > 0 AND NOT at.attisdropped
                        UNION ALL
                        SELECT p.oid, 0, p.proowner, p.proacl, '',
                               format('%s %I.%I(%s)', CASE WHEN p.prokind = 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                                      n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), true
                        FROM {pg_proc p in s} JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE p.proacl IS NOT NULL
                        UNION ALL
                        SELECT ty.oid, 0, ty.typowner, ty.typacl, '',
                               format('%s %I.%I', CASE WHEN ty.typtype = 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                                      n.nspname, ty.typname), true
                        FROM {pg_type ty in s} JOIN pg_namespace n ON n.oid = ty.typnamespace
                        WHERE ty.typacl IS NOT NULL AND ty.typtype IN ('b', 'c', 'd', 'e', 'r', 'm')
                          AND (ty.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = ty.typrelid) = 'c')
                        UNION ALL
                        SELECT n.oid, 0, n.nspowner, n.nspacl, '', format('SCHEMA %I', n.nspname), true
                        FROM pg_namespace n JOIN s USING (nspname)
                        WHERE n.nspacl IS NOT NULL
                    ) a
                    CROSS JOIN LATERAL aclexplode(a.acl) e
                    LEFT JOIN pg_roles r ON r.oid = e.grantee
                    WHERE e.grantee <> a.owner AND (r.rolname IS NULL OR r.rolname <> 'pg_database_owner')
                      AND NOT (a.public_by_default AND e.grantee = 0)
                    GROUP BY a.objid, a.relid, a.onwhat, a.cols, e.grantee, r.rolname
                ) t
                UNION ALL
                SELECT 0::oid, d.objid, format('ON %s FROM PUBLIC', d.onwhat),
                       format('REVOKE %s ON %s FROM PUBLIC;', d.privilege, d.onwhat), 0::oid
                FROM (
                    SELECT p.oid AS objid, p.proacl AS acl, 'EXECUTE' AS privilege,
                           format('%s %I.%I(%s)', CASE WHEN p.prokind = 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                                  n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS onwhat
                    FROM {pg_proc p in s} JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE p.proacl IS NOT NULL
                    UNION ALL
                    SELECT ty.oid, ty.typacl, 'USAGE',
                           format('%s %I.%I', CASE WHEN ty.typtype = 'd' THEN 'DOMAIN' ELSE 'TYPE' END, n.nspname, ty.typname)
                    FROM {pg_type ty in s} JOIN pg_namespace n ON n.oid = ty.typnamespace
                    WHERE ty.typacl IS NOT NULL AND ty.typtype IN ('b', 'c', 'd', 'e', 'r', 'm')
                      AND (ty.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = ty.typrelid) = 'c')
                ) d
                WHERE NOT EXISTS (SELECT 1 FROM aclexplode(d.acl) e WHERE e.grantee = 0 AND e.privilege_type = d.privilege)
                """;
    }
}
