package dev.migrate.catalog.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects of some schemas that a role owns other than the one reading them ({@code current_user}) and
 * the database's owner: tables, partitions, views, materialized views, sequences (those a column owns go
 * with their table), types and domains, functions, procedures and aggregates, collations, statistics
 * objects and the schemas themselves ({@code public} apart, which {@code pg_database_owner} owns from
 * PostgreSQL 15). Whoever runs a migration owns what it creates, so a database built from the schema has
 * none of these owners unless the migration gives them. Objects an extension brings are its own and left
 * out. One query.
 *
 * @param reader the role that read them
 * @param databaseOwner the role that owns the database
 * @param byOwner for each other owner, in name order, what it owns
 */
public record ObjectOwners(String reader, String databaseOwner, Map<String, List<Owned>> byOwner) {
    private static final String QUERY = """
            WITH s AS (SELECT unnest(?::text[]) AS nspname),
            o AS (
                SELECT 'pg_namespace'::regclass AS classid, n.oid AS objid, n.nspowner AS owner, n.nspname, n.nspname AS name,
                       'SCHEMA' AS keyword, format('%I', n.nspname) AS target
                FROM pg_namespace n JOIN s USING (nspname)
                WHERE n.nspname <> 'public'
              UNION ALL
                SELECT 'pg_class'::regclass, c.oid, c.relowner, n.nspname, c.relname,
                       CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                                      WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                       format('%I.%I', n.nspname, c.relname)
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
              UNION ALL
                SELECT 'pg_type'::regclass, t.oid, t.typowner, n.nspname, t.typname,
                       CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, format('%I.%I', n.nspname, t.typname)
                FROM {pg_type t in s} JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype IN ('e', 'd', 'r', 'b', 'c') AND t.typcategory <> 'A'
                  AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
              UNION ALL
                SELECT 'pg_proc'::regclass, p.oid, p.proowner, n.nspname, p.proname,
                       CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
                       format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
                FROM {pg_proc p in s} JOIN pg_namespace n ON n.oid = p.pronamespace
              UNION ALL
                SELECT 'pg_collation'::regclass, co.oid, co.collowner, n.nspname, co.collname,
                       'COLLATION', format('%I.%I', n.nspname, co.collname)
                FROM {pg_collation co in s} JOIN pg_namespace n ON n.oid = co.collnamespace
              UNION ALL
                SELECT 'pg_statistic_ext'::regclass, x.oid, x.stxowner, n.nspname, x.stxname,
                       'STATISTICS', format('%I.%I', n.nspname, x.stxname)
                FROM {pg_statistic_ext x in s} JOIN pg_namespace n ON n.oid = x.stxnamespace
            )
            SELECT pg_get_userbyid(o.owner), o.nspname, o.name, pg_describe_object(o.classid, o.objid, 0),
                   format('ALTER %s %s OWNER TO %I', o.keyword, o.target, pg_get_userbyid(o.owner)),
                   current_user, pg_get_userbyid(db.datdba)
            FROM o CROSS JOIN pg_database db
            WHERE db.datname = current_database()
              AND o.owner NOT IN (db.datdba, (SELECT oid FROM pg_roles WHERE rolname = current_user))
              AND pg_get_userbyid(o.owner) <> 'pg_database_owner'
              AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = o.classid AND e.objid = o.objid
                              AND e.deptype = 'e')
            ORDER BY 1, 4
            """;

    /**
     * One object another role owns.
     *
     * @param schema the schema it is in
     * @param name its name, without arguments
     * @param description as PostgreSQL names it ({@code table orders}, {@code function sales.tax(numeric)})
     * @param alter the statement that gives it its owner ({@code ALTER TABLE public.orders OWNER TO app})
     */
    public record Owned(String schema, String name, String description, String alter) {}

    public ObjectOwners {
        byOwner = Collections.unmodifiableMap(new TreeMap<>(byOwner));
    }

    /**
     * The objects of {@code schemas} on {@code c} owned by other roles than the reader and the database's owner,
     * those {@code exclusions} name left out; nothing is written.
     */
    public static ObjectOwners in(Connection c, List<String> schemas, Exclusions exclusions) throws SQLException {
        Map<String, List<Owned>> byOwner = new LinkedHashMap<>();
        String reader = "";
        String databaseOwner = "";
        Array names = c.createArrayOf("text", schemas.toArray());
        try (PreparedStatement s =
                c.prepareStatement(InSchemas.expand(QUERY, InSchemas.throughIndex(c, schemas.size())))) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader = rs.getString(6);
                    databaseOwner = rs.getString(7);
                    if (exclusions.excludes(rs.getString(2), rs.getString(3))) {
                        continue;
                    }
                    byOwner.computeIfAbsent(rs.getString(1), owner -> new ArrayList<>())
                            .add(new Owned(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        } finally {
            names.free();
        }
        return new ObjectOwners(reader, databaseOwner, byOwner);
    }

    /** Whether every object is the reader's or the database owner's. */
    public boolean isEmpty() {
        return byOwner.isEmpty();
    }
}
