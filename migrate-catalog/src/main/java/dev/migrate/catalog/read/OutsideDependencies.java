package dev.migrate.catalog.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the objects of some schemas use from other schemas ({@code pg_depend}): the enum types, domains and
 * other types of their columns, the sequences and functions their defaults and checks call, what a view
 * reads, and, in turn, what those use. A baseline of one schema needs them on a new database before its
 * tables. The system schemas and the objects an extension brings are left out: the extension is created
 * with the rest. Names are spelled as the caller's {@code search_path} spells them, as {@link
 * dev.migrate.catalog.kind.ObjectReader} spells identities.
 */
public final class OutsideDependencies {
    /**
     * What each object uses ({@code pg_depend}), a part of an object (a default, a constraint, a view's rule, a
     * trigger, a policy) standing for its table, a domain's constraint for its domain and a composite type's
     * relation for the type; an array type stands for its element type.
     */
    private static final String EDGE = """
            edge AS (
                SELECT src.classid, src.objid, ref.classid AS refclassid, ref.objid AS refobjid
                FROM pg_depend d
                LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid
                LEFT JOIN pg_constraint co ON d.classid = 'pg_constraint'::regclass AND co.oid = d.objid
                LEFT JOIN pg_rewrite rw ON d.classid = 'pg_rewrite'::regclass AND rw.oid = d.objid
                LEFT JOIN pg_trigger tg ON d.classid = 'pg_trigger'::regclass AND tg.oid = d.objid
                LEFT JOIN pg_policy po ON d.classid = 'pg_policy'::regclass AND po.oid = d.objid
                LEFT JOIN pg_class sc ON d.classid = 'pg_class'::regclass AND sc.oid = d.objid AND sc.relkind = 'c'
                LEFT JOIN pg_type rt ON d.refclassid = 'pg_type'::regclass AND rt.oid = d.refobjid
                LEFT JOIN pg_type re ON re.oid = rt.typelem AND re.typarray = rt.oid
                CROSS JOIN LATERAL (SELECT
                    CASE WHEN co.contypid <> 0 OR sc.oid IS NOT NULL THEN 'pg_type'::regclass::oid
                         WHEN ad.oid IS NOT NULL OR co.oid IS NOT NULL OR rw.oid IS NOT NULL OR tg.oid IS NOT NULL
                              OR po.oid IS NOT NULL THEN 'pg_class'::regclass::oid
                         ELSE d.classid::oid END AS classid,
                    COALESCE(ad.adrelid, CASE WHEN co.contypid <> 0 THEN co.contypid ELSE co.conrelid END,
                             rw.ev_class, tg.tgrelid, po.polrelid, sc.reltype, d.objid) AS objid) src
                CROSS JOIN LATERAL (SELECT d.refclassid::oid AS classid, COALESCE(re.oid, d.refobjid) AS objid) ref
                WHERE d.deptype = 'n' AND d.refobjid >= 16384
                  AND d.refclassid IN ('pg_type'::regclass, 'pg_class'::regclass, 'pg_proc'::regclass,
                                       'pg_collation'::regclass)
            ),
            """;

    private static final String QUERY = """
            WITH RECURSIVE s AS (SELECT unnest(?::text[]) AS nspname),
            member AS (SELECT d.classid, d.objid FROM pg_depend d WHERE d.deptype = 'e'),
            start AS (
                SELECT 'pg_class'::regclass::oid AS classid, c.oid AS objid FROM {pg_class c in s}
                JOIN pg_namespace n ON n.oid = c.relnamespace
              UNION ALL
                SELECT 'pg_type'::regclass::oid, t.oid FROM {pg_type t in s}
                JOIN pg_namespace n ON n.oid = t.typnamespace
              UNION ALL
                SELECT 'pg_proc'::regclass::oid, p.oid FROM {pg_proc p in s}
                JOIN pg_namespace n ON n.oid = p.pronamespace
            ),
            {edge}            used AS (
                SELECT e.refclassid AS classid, e.refobjid AS objid, st.classid AS byclassid, st.objid AS byobjid
                FROM edge e JOIN start st ON st.classid = e.classid AND st.objid = e.objid
                WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = st.classid AND m.objid = st.objid)
              UNION
                SELECT e.refclassid, e.refobjid, u.byclassid, u.byobjid
                FROM used u JOIN edge e ON e.classid = u.classid AND e.objid = u.objid
                WHERE u.classid IN ('pg_type'::regclass, 'pg_proc'::regclass)
                  AND NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = u.classid AND m.objid = u.objid)
            ),
            described AS (
                SELECT DISTINCT ON (u.classid, u.objid) u.classid, u.objid,
                       CASE WHEN t.oid IS NOT NULL THEN
                                CASE WHEN t.typrelid <> 0 AND tc.relkind <> 'c' THEN 'table'
                                     WHEN t.typtype = 'e' THEN 'enum type'
                                     WHEN t.typtype = 'd' THEN 'domain'
                                     WHEN t.typtype = 'c' THEN 'composite type'
                                     WHEN t.typtype = 'r' THEN 'range type'
                                     ELSE 'base type' END
                            WHEN c.oid IS NOT NULL THEN
                                CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'
                                     WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                                     WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' ELSE 'table' END
                            WHEN p.oid IS NOT NULL THEN
                                CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'
                                     WHEN 'w' THEN 'window function' ELSE 'function' END
                            ELSE 'collation' END AS kind,
                       n.nspname,
                       COALESCE(t.typname, c.relname, p.proname, co.collname) AS name,
                       CASE WHEN p.oid IS NOT NULL
                            THEN format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
                            ELSE format('%I.%I', n.nspname, COALESCE(t.typname, c.relname, co.collname)) END
                           AS identity,
                       (SELECT format('%I.%I', own_n.nspname, own.relname)
                        FROM pg_depend od JOIN pg_class own ON own.oid = od.refobjid
                        JOIN pg_namespace own_n ON own_n.oid = own.relnamespace
                        WHERE c.relkind = 'S' AND od.classid = 'pg_class'::regclass AND od.objid = c.oid
                          AND od.refclassid = 'pg_class'::regclass AND od.deptype IN ('a', 'i')
                        LIMIT 1) AS owner,
                       pg_describe_object(u.byclassid, u.byobjid, 0) AS used_by
                FROM used u
                LEFT JOIN pg_type t ON u.classid = 'pg_type'::regclass AND t.oid = u.objid
                LEFT JOIN pg_class tc ON tc.oid = t.typrelid
                LEFT JOIN pg_class c ON u.classid = 'pg_class'::regclass AND c.oid = u.objid
                LEFT JOIN pg_proc p ON u.classid = 'pg_proc'::regclass AND p.oid = u.objid
                LEFT JOIN pg_collation co ON u.classid = 'pg_collation'::regclass AND co.oid = u.objid
                JOIN pg_namespace n ON n.oid = COALESCE(t.typnamespace, c.relnamespace, p.pronamespace,
                                                       co.collnamespace)
                WHERE n.nspname NOT IN (SELECT nspname FROM s)
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                  AND NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = u.classid AND m.objid = u.objid)
                ORDER BY u.classid, u.objid, u.byclassid, u.byobjid
            )
            SELECT kind, nspname, name, identity, owner, used_by, classid, objid FROM described
            WHERE kind <> 'index'
            ORDER BY nspname, kind, name
            """.replace("{edge}", EDGE);

    /**
     * One object of another schema that the schemas use.
     *
     * @param kind {@code enum type}, {@code domain}, {@code composite type}, {@code range type}, {@code base
     *     type}, {@code sequence}, {@code function}, {@code procedure}, {@code aggregate}, {@code collation},
     *     or a relation's kind ({@code table}, {@code view}, ...)
     * @param schema the schema it is in
     * @param name its name, without arguments
     * @param identity as the object readers name it: {@code sales.money_amount}, {@code sales.tax(numeric)}
     * @param owner for a sequence owned by a column, that column's table ({@code sales.orders})
     * @param usedBy one object of the schemas that uses it, directly or through others ({@code table orders})
     * @param address where {@code pg_depend} finds it, in the snapshot it was read in
     */
    public record Used(
            String kind,
            String schema,
            String name,
            String identity,
            @Nullable String owner,
            String usedBy,
            Address address) {
        public Used {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(usedBy, "usedBy");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Where {@code pg_depend} finds an object: the catalog it is in and its oid, good for the snapshot it was
     * read in.
     */
    public record Address(long classid, long objid) {}

    private static final String NEEDS = """
            WITH RECURSIVE s AS (SELECT unnest(?::text[]) AS nspname),
            member AS (SELECT d.classid, d.objid FROM pg_depend d WHERE d.deptype = 'e'),
            -- a table used through its row type is asked about as the table, whose columns' uses pg_depend holds
            wanted AS (
                SELECT w.classid AS keyclassid, w.objid AS keyobjid,
                       CASE WHEN tc.oid IS NOT NULL THEN 'pg_class'::regclass::oid ELSE w.classid END AS classid,
                       COALESCE(tc.oid, w.objid) AS objid
                FROM unnest(?::oid[], ?::oid[]) AS w(classid, objid)
                LEFT JOIN pg_type t ON w.classid = 'pg_type'::regclass AND t.oid = w.objid
                LEFT JOIN pg_class tc ON tc.oid = t.typrelid AND tc.relkind <> 'c'),
            made AS (SELECT * FROM unnest(?::oid[], ?::oid[]) AS m(classid, objid)),
            {edge}
            reached AS (
                SELECT w.keyclassid AS fromclassid, w.keyobjid AS fromobjid, e.refclassid AS classid, e.refobjid AS objid
                FROM wanted w JOIN edge e ON e.classid = w.classid AND e.objid = w.objid
              UNION
                SELECT r.fromclassid, r.fromobjid, e.refclassid, e.refobjid
                FROM reached r JOIN edge e ON e.classid = r.classid AND e.objid = r.objid
                WHERE NOT EXISTS (SELECT 1 FROM made m WHERE m.classid = r.classid AND m.objid = r.objid)
                  AND NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = r.classid AND m.objid = r.objid)
                  AND COALESCE((SELECT c.relnamespace FROM pg_class c WHERE r.classid = 'pg_class'::regclass AND c.oid = r.objid),
                               (SELECT t.typnamespace FROM pg_type t WHERE r.classid = 'pg_type'::regclass AND t.oid = r.objid),
                               (SELECT p.pronamespace FROM pg_proc p WHERE r.classid = 'pg_proc'::regclass AND p.oid = r.objid),
                               (SELECT co.collnamespace FROM pg_collation co
                                WHERE r.classid = 'pg_collation'::regclass AND co.oid = r.objid))
                      NOT IN (SELECT n.oid FROM pg_namespace n JOIN s USING (nspname))
            )
            SELECT DISTINCT r.fromclassid, r.fromobjid, pg_describe_object(r.classid, r.objid, 0)
            FROM reached r
            LEFT JOIN pg_class c ON r.classid = 'pg_class'::regclass AND c.oid = r.objid
            LEFT JOIN pg_type t ON r.classid = 'pg_type'::regclass AND t.oid = r.objid
            LEFT JOIN pg_proc p ON r.classid = 'pg_proc'::regclass AND p.oid = r.objid
            LEFT JOIN pg_collation co ON r.classid = 'pg_collation'::regclass AND co.oid = r.objid
            WHERE (EXISTS (SELECT 1 FROM made m WHERE m.classid = r.classid AND m.objid = r.objid)
                   OR COALESCE(c.relnamespace, t.typnamespace, p.pronamespace, co.collnamespace)
                      IN (SELECT n.oid FROM pg_namespace n JOIN s USING (nspname)))
              AND NOT (r.classid = 'pg_class'::regclass AND c.relkind IN ('i', 'I'))
              AND NOT EXISTS (SELECT 1 FROM member m WHERE m.classid = r.classid AND m.objid = r.objid)
            ORDER BY 1, 2, 3
            """.replace("{edge}", EDGE);

    private OutsideDependencies() {}

    /** What the objects of {@code schemas} use from other schemas, by schema, kind and name. */
    public static List<Used> of(Connection connection, List<String> schemas) throws SQLException {
        List<Used> used = new ArrayList<>();
        Array names = connection.createArrayOf("text", schemas.toArray());
        try (PreparedStatement s = connection.prepareStatement(
                InSchemas.expand(QUERY, InSchemas.throughIndex(connection, schemas.size())))) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    used.add(new Used(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            new Address(rs.getLong(7), rs.getLong(8))));
                }
            }
        } finally {
            names.free();
        }
        return used;
    }

    /**
     * What each of {@code wanted} (objects of other schemas that a baseline of {@code schemas} does not create)
     * needs, directly or through other objects, of what that baseline creates: the objects of {@code schemas},
     * and {@code made}. Such an object cannot be on a new database before the baseline runs, since the baseline
     * would then fail creating what it needs. Each is answered by its address, with what it needs as {@code
     * pg_describe_object} names it ({@code type sales.order_status}, {@code table orders}); one that needs none
     * of it is left out.
     */
    public static Map<Address, List<String>> needs(
            Connection connection, List<String> schemas, Collection<Used> wanted, Collection<Used> made)
            throws SQLException {
        Map<Address, List<String>> needs = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return needs;
        }
        List<Array> arrays = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(NEEDS)) {
            arrays.add(connection.createArrayOf("text", schemas.toArray()));
            arrays.add(connection.createArrayOf(
                    "oid", wanted.stream().map(u -> u.address().classid()).toArray()));
            arrays.add(connection.createArrayOf(
                    "oid", wanted.stream().map(u -> u.address().objid()).toArray()));
            arrays.add(connection.createArrayOf(
                    "oid", made.stream().map(u -> u.address().classid()).toArray()));
            arrays.add(connection.createArrayOf(
                    "oid", made.stream().map(u -> u.address().objid()).toArray()));
            for (int i = 0; i < arrays.size(); i++) {
                s.setArray(i + 1, arrays.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    needs.computeIfAbsent(new Address(rs.getLong(1), rs.getLong(2)), a -> new ArrayList<>())
                            .add(rs.getString(3));
                }
            }
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
        return needs;
    }
}
