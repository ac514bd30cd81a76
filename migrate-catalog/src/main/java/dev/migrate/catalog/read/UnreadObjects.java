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
 * clustered on, privileges of {@code PUBLIC} on a schema that differ from those it held at first, a
 * table's {@code REPLICA IDENTITY} other than the default, the storage parameters of a table (its TOAST
 * table's too; an index's, a key's and a unique constraint's are read with them), a column's {@code STORAGE}, {@code COMPRESSION},
 * {@code STATISTICS} target, a materialized view's column's options (a table's are read as a kind of object of their own;
 * those a server sets ({@link AttributeOptions}) by itself on every column it creates are not a
 * difference and are left out), a typed table's type ({@code CREATE TABLE ... OF}), a default on a
 * view's column, a partition's default for a column where it differs from its parent's, and the comments
 * on a partition, a partition's column, a sequence, an enum type and a composite type's attribute. Objects
 * an extension brings are its own and left out. One query.
 */
public final class UnreadObjects {
    private static final String QUERY_TEMPLATE = """
            WITH s AS (SELECT unnest(?::text[]) AS nspname),
            o AS (
                SELECT 'foreign table' AS kind, format('%s.%s', n.nspname, c.relname) AS name,
                       'pg_class'::regclass AS classid, c.oid AS objid
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'f'
              UNION ALL
                SELECT 'aggregate', format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
                       'pg_proc'::regclass, p.oid
                FROM {pg_proc p in s} JOIN pg_namespace n ON n.oid = p.pronamespace
                JOIN pg_aggregate a ON a.aggfnoid = p.oid
                WHERE NOT (a.aggkind = 'n' AND a.aggmtransfn = 0 AND a.aggdeserialfn = 0)
              UNION ALL
                SELECT 'base type', format('%s.%s', n.nspname, t.typname), 'pg_type'::regclass, t.oid
                FROM {pg_type t in s} JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype = 'b' AND t.typcategory <> 'A'
              UNION ALL
                SELECT 'table clustered on an index', format('%s.%s on %s', n.nspname, c.relname, ic.relname),
                       'pg_class'::regclass, c.oid
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN {pg_class c in s} ON c.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
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
              UNION ALL
                SELECT 'replica identity', format('%s.%s (%s)', n.nspname, c.relname,
                       CASE c.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING'
                            ELSE 'USING INDEX ' || (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                                                    WHERE i.indrelid = c.oid AND i.indisreplident) END),
                       'pg_class'::regclass, c.oid
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND c.relreplident <> 'd'
              UNION ALL
                SELECT 'storage parameters of table', format('%s.%s (%s)', n.nspname, c.relname,
                       concat_ws(', ', array_to_string(c.reloptions, ', '),
                                 (SELECT string_agg('toast.' || o, ', ') FROM pg_class t, unnest(t.reloptions) o
                                  WHERE t.oid = c.reltoastrelid))),
                       'pg_class'::regclass, c.oid
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p')
                  AND (c.reloptions IS NOT NULL
                       OR EXISTS (SELECT 1 FROM pg_class t WHERE t.oid = c.reltoastrelid AND t.reloptions IS NOT NULL))
              UNION ALL
                SELECT 'column storage', format('%s.%s.%s (%s)', n.nspname, c.relname, a.attname,
                       concat_ws(', ',
                                 CASE WHEN a.attstorage <> t.typstorage THEN 'STORAGE '
                                      || CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL'
                                                           WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END END,
                                 {compression},
                                 CASE WHEN a.attstattarget >= 0 THEN 'STATISTICS ' || a.attstattarget END,
                                 CASE WHEN c.relkind = 'm' THEN {userOptions} END)),
                       'pg_class'::regclass, c.oid
                FROM pg_attribute a JOIN {pg_class c in s} ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped
                  AND (a.attstorage <> t.typstorage OR {compressed} OR a.attstattarget >= 0
                       OR (c.relkind = 'm' AND {userOptions} IS NOT NULL))
              UNION ALL
                SELECT 'typed table', format('%s.%s (OF %s)', n.nspname, c.relname, c.reloftype::regtype),
                       'pg_class'::regclass, c.oid
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND c.reloftype <> 0
              UNION ALL
                -- a view's column default, and a partition's where its parent's differs
                SELECT CASE c.relkind WHEN 'v' THEN 'default of a view column' ELSE 'default of a partition column' END,
                       format('%s.%s.%s', n.nspname, c.relname, a.attname), 'pg_class'::regclass, c.oid
                FROM pg_attrdef d JOIN {pg_class c in s} ON c.oid = d.adrelid
                JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_inherits h ON h.inhrelid = c.oid
                WHERE c.relkind = 'v'
                   OR (c.relispartition
                       AND pg_get_expr(d.adbin, d.adrelid) IS DISTINCT FROM
                           (SELECT pg_get_expr(pd.adbin, pd.adrelid) FROM pg_attribute pa
                            JOIN pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
                            WHERE pa.attrelid = h.inhparent AND pa.attname = a.attname))
              UNION ALL
                SELECT 'comment on', format('%s %s.%s', CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'partition' END,
                       n.nspname, c.relname),
                       'pg_class'::regclass, c.oid
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
                WHERE (c.relkind IN ('r', 'p') AND c.relispartition)
                   OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass
                                                       AND e.objid = c.oid AND e.deptype = 'i'))
              UNION ALL
                SELECT 'comment on', format('%s %s.%s.%s', CASE c.relkind WHEN 'c' THEN 'type attribute'
                                                                ELSE 'partition column' END,
                       n.nspname, c.relname, a.attname),
                       'pg_class'::regclass, c.oid
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid > 0
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
                WHERE c.relkind = 'c' OR (c.relkind IN ('r', 'p') AND c.relispartition)
              UNION ALL
                SELECT 'comment on', format('enum type %s.%s', n.nspname, t.typname), 'pg_type'::regclass, t.oid
                FROM {pg_type t in s} JOIN pg_namespace n ON n.oid = t.typnamespace
                JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
                WHERE t.typtype = 'e'
            )
            SELECT kind, name FROM o
            WHERE NOT EXISTS (
                SELECT 1 FROM pg_depend d WHERE d.classid = o.classid AND d.objid = o.objid AND d.deptype = 'e')
            ORDER BY kind, name
            """;

    private UnreadObjects() {}

    /**
     * The query for a server of this major version (a column's compression method came in PostgreSQL 14), reaching
     * the schemas' rows as {@link InSchemas} says.
     */
    static String query(int major, boolean throughIndex) {
        return InSchemas.expand(QUERY_TEMPLATE, throughIndex)
                .replace(
                        "{compression}",
                        major >= 14
                                ? "CASE a.attcompression WHEN 'p' THEN 'COMPRESSION pglz' WHEN 'l' THEN 'COMPRESSION lz4' END"
                                : "NULL::text")
                .replace("{compressed}", major >= 14 ? "a.attcompression IN ('p', 'l')" : "false")
                .replace(
                        "{userOptions}",
                        "(SELECT string_agg(x, ', ' ORDER BY x) FROM unnest(a.attoptions) x WHERE "
                                + AttributeOptions.setByUserCondition("x") + ")");
    }

    /** Each object as {@code view public.active_customers}, {@code trigger touch on public.orders}, sorted. */
    public static List<String> in(Connection connection, List<String> schemas) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(query(
                connection.getMetaData().getDatabaseMajorVersion(),
                InSchemas.throughIndex(connection, schemas.size())))) {
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
