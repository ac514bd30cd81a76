package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * What {@code ALTER DEFAULT PRIVILEGES ... IN SCHEMA} gives the future tables, sequences, functions, types and
 * schemas a role creates in a managed schema, one object per role, kind and grantee ({@code pg_default_acl}).
 */
final class DefaultPrivileges implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.DEFAULT_PRIVILEGES;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_default_acl", "true");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 0::oid AS classid, t.objid,
                       format('FOR ROLE %I IN SCHEMA %I ON %s TO %s', t.owner, t.nspname, t.objects, t.grantee) AS identity,
                       concat_ws(E'\\n',
                           CASE WHEN t.plain IS NOT NULL THEN
                               format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT %s ON %s TO %s;',
                                      t.owner, t.nspname, t.plain, t.objects, t.grantee) END,
                           CASE WHEN t.grantable IS NOT NULL THEN
                               format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT %s ON %s TO %s WITH GRANT OPTION;',
                                      t.owner, t.nspname, t.grantable, t.objects, t.grantee) END) AS sql,
                       0::oid AS relid
                FROM (
                    SELECT d.oid AS objid, pg_get_userbyid(d.defaclrole) AS owner, n.nspname,
                           CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                                                WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END AS objects,
                           CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(e.grantee)) END AS grantee,
                           string_agg(e.privilege_type, ', ' ORDER BY e.privilege_type) FILTER (WHERE NOT e.is_grantable) AS plain,
                           string_agg(e.privilege_type, ', ' ORDER BY e.privilege_type) FILTER (WHERE e.is_grantable) AS grantable
                    FROM {pg_default_acl d in s} JOIN pg_namespace n ON n.oid = d.defaclnamespace
                    CROSS JOIN LATERAL aclexplode(d.defaclacl) e
                    WHERE e.grantee <> d.defaclrole
                    GROUP BY d.oid, d.defaclrole, n.nspname, d.defaclobjtype, e.grantee
                ) t
                """;
    }
}
