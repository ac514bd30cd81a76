package dev.migrate.catalog.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What some schemas hold that neither the {@link CatalogReader} nor the object kinds read: foreign
 * tables, aggregates other than plain ones, base types, the index a table or materialized view is
 * clustered on, and privileges of {@code PUBLIC} on a schema that differ from those it held at first. Objects an extension brings are
 * its own and left out. One query.
 */
public final class UnreadObjects {
    private static final String QUERY = """
            WITH s AS (SELECT unnest(?::text[]) AS nspname),
            o AS (
                SELECT 'foreign table' AS kind, format('%s.%s', n.nspname, c.relname) AS name,
                       'pg_class'::regclass AS classid, c.oid AS objid
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN s USING (nspname)
                WHERE c.relkind = 'f'
              UNION ALL
                SELECT 'aggregate', format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
                       'pg_proc'::regclass, p.oid
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN s USING (nspname)
                JOIN pg_aggregate a ON a.aggfnoid = p.oid
                WHERE NOT (a.aggkind = 'n' AND a.aggmtransfn = 0 AND a.aggdeserialfn = 0)
              UNION ALL
                SELECT 'base type', format('%s.%s', n.nspname, t.typname), 'pg_type'::regclass, t.oid
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN s USING (nspname)
                WHERE t.typtype = 'b' AND t.typcategory <> 'A'
              UNION ALL
                SELECT 'table clustered on an index', format('%s.%s on %s', n.nspname, c.relname, ic.relname),
                       'pg_class'::regclass, c.oid
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace JOIN s USING (nspname)
                WHERE i.indisclustered
              UNION ALL
                -- what PUBLIC holds on a schema other than it held at first: PostgreSQL 15 took CREATE on public away
                SELECT 'privileges of PUBLIC on a schema', format('%s, where PUBLIC holds %s', n.nspname,
                       coalesce(array_to_string(p.held, ', '), 'nothing')), 'pg_namespace'::regclass, n.oid
                FROM pg_namespace n JOIN s USING (nspname)
                CROSS JOIN LATERAL (
                    SELECT array(SELECT e.privilege_type FROM aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) e
                                 WHERE e.grantee = 0 ORDER BY 1) AS held,
                           array(SELECT e.privilege_type
                                 FROM aclexplode(coalesce((SELECT i.initprivs FROM pg_init_privs i
                                                           WHERE i.classoid = 'pg_namespace'::regclass
                                                             AND i.objoid = n.oid AND i.objsubid = 0),
                                                          acldefault('n', n.nspowner))) e
                                 WHERE e.grantee = 0 ORDER BY 1) AS initial) p
                WHERE p.held IS DISTINCT FROM p.initial
            )
            SELECT kind, name FROM o
            WHERE NOT EXISTS (
                SELECT 1 FROM pg_depend d WHERE d.classid = o.classid AND d.objid = o.objid AND d.deptype = 'e')
            ORDER BY kind, name
            """;

    private UnreadObjects() {}

    /** Each object as {@code view public.active_customers}, {@code trigger touch on public.orders}, sorted. */
    public static List<String> in(Connection connection, List<String> schemas) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(QUERY)) {
            Array names = connection.createArrayOf("text", schemas.toArray());
            try {
                s.setArray(1, names);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        objects.add(rs.getString(1) + " " + rs.getString(2));
                    }
                }
            } finally {
                names.free();
            }
        }
        return objects;
    }
}
