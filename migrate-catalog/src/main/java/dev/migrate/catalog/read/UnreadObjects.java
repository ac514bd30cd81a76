package dev.migrate.catalog.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What some schemas hold that the {@link CatalogReader} does not read: views, materialized views,
 * foreign tables, functions and procedures, triggers, row-level security policies, domains,
 * composite and range types, and the database's extensions. Objects an extension brings are its
 * own and left out. One query.
 */
public final class UnreadObjects {
    private static final String QUERY = """
            WITH s AS (SELECT unnest(?::text[]) AS nspname),
            o AS (
                SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'foreign table' END
                           AS kind,
                       format('%s.%s', n.nspname, c.relname) AS name, 'pg_class'::regclass AS classid, c.oid AS objid
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN s USING (nspname)
                WHERE c.relkind IN ('v', 'm', 'f')
              UNION ALL
                SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
                       format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
                       'pg_proc'::regclass, p.oid
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN s USING (nspname)
              UNION ALL
                SELECT 'trigger', format('%s on %s.%s', t.tgname, n.nspname, c.relname), 'pg_trigger'::regclass, t.oid
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN s USING (nspname)
                WHERE NOT t.tgisinternal
              UNION ALL
                SELECT 'policy', format('%s on %s.%s', p.polname, n.nspname, c.relname), 'pg_policy'::regclass, p.oid
                FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN s USING (nspname)
              UNION ALL
                SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' ELSE 'composite type' END,
                       format('%s.%s', n.nspname, t.typname), 'pg_type'::regclass, t.oid
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN s USING (nspname)
                LEFT JOIN pg_class c ON c.oid = t.typrelid
                WHERE t.typtype IN ('d', 'r') OR (t.typtype = 'c' AND c.relkind = 'c')
              UNION ALL
                SELECT 'extension', e.extname, 'pg_extension'::regclass, e.oid
                FROM pg_extension e
                WHERE e.extname <> 'plpgsql'
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
