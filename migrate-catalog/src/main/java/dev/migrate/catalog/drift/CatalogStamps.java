package dev.migrate.catalog.drift;

import dev.migrate.MigrateException;
import dev.migrate.catalog.read.PlannerSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The row versions of a database's catalog, schema by schema: for each schema, a hash over the address
 * and the {@code xmin} (the transaction that wrote it) of every catalog row its objects are made of, from
 * its tables and their columns to its comments, grants and functions. Any DDL writes catalog rows, and
 * a row written anew has a new {@code xmin}, so while a schema's stamp stays the same, nothing in it was
 * created, altered, dropped, granted or commented on; a schema once found in sync with its chain is still
 * in sync. What a schema's objects depend on outside it (other schemas, roles, extensions, event
 * triggers) is in every stamp of it ({@link #of}). Reading the stamps deparses nothing, so it costs a fraction of
 * reading the schemas themselves.
 *
 * <pre>{@code
 * CatalogStamps stamps = CatalogStamps.read(connection);
 * String before = stamps.of(List.of("public")).get("public");
 * }</pre>
 *
 * <p>A stamp says that nothing changed, never what: a changed stamp means reading the schema. Maintenance
 * that rewrites a table ({@code VACUUM FULL}, {@code CLUSTER}, {@code TRUNCATE}, {@code REINDEX}) writes
 * its catalog row too, which only costs that read; {@code VACUUM} and {@code ANALYZE} write in place and
 * change no stamp. A physical standby has its primary's rows, so its stamps are the primary's.
 */
public final class CatalogStamps {
    /**
     * One hash per schema of the database (system and temporary schemas aside), and one, under a null
     * name, over what no schema holds: roles by name, extensions, extension membership, event triggers,
     * default privileges for every schema. Each row is hashed with {@code hashint8extended} over its
     * address and {@code xmin}, seeded by its catalog, and the hashes summed (an order-free aggregate, so
     * nothing is sorted). The lookups go by the catalogs' own indexes or by hashing, whatever their size.
     */
    static final String QUERY = """
            WITH ns AS MATERIALIZED (
                SELECT n.oid, n.xmin FROM pg_namespace n
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
            ),
            rel AS MATERIALIZED (
                SELECT c.oid, c.relnamespace AS ns, c.relkind, c.xmin FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
            ),
            typ AS MATERIALIZED (
                SELECT t.oid, t.typnamespace AS ns, t.xmin FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
            ),
            pro AS MATERIALIZED (
                SELECT p.oid, p.pronamespace AS ns, p.xmin FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
            ),
            v AS (
                SELECT ns, hashint8extended((oid::int8 << 32) + xmin::text::int8, 1) AS h FROM rel
                UNION ALL SELECT ns, hashint8extended((oid::int8 << 32) + xmin::text::int8, 2) FROM typ
                UNION ALL SELECT ns, hashint8extended((oid::int8 << 32) + xmin::text::int8, 3) FROM pro
                UNION ALL SELECT oid, hashint8extended((oid::int8 << 32) + xmin::text::int8, 4) FROM ns
                UNION ALL SELECT x.connamespace, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 5)
                    FROM pg_constraint x JOIN ns ON ns.oid = x.connamespace
                UNION ALL SELECT x.collnamespace, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 6)
                    FROM pg_collation x JOIN ns ON ns.oid = x.collnamespace
                UNION ALL SELECT x.stxnamespace, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 7)
                    FROM pg_statistic_ext x JOIN ns ON ns.oid = x.stxnamespace
                UNION ALL SELECT x.oprnamespace, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 8)
                    FROM pg_operator x JOIN ns ON ns.oid = x.oprnamespace
                UNION ALL SELECT x.opcnamespace, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 9)
                    FROM pg_opclass x JOIN ns ON ns.oid = x.opcnamespace
                UNION ALL SELECT x.opfnamespace, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 10)
                    FROM pg_opfamily x JOIN ns ON ns.oid = x.opfnamespace
                UNION ALL SELECT x.defaclnamespace, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 11)
                    FROM pg_default_acl x JOIN ns ON ns.oid = x.defaclnamespace
                UNION ALL SELECT r.ns, hashint8extended((x.attrelid::int8 << 32) + x.xmin::text::int8, 1000 + x.attnum)
                    FROM pg_attribute x JOIN rel r ON r.oid = x.attrelid
                    WHERE x.attnum > 0 AND r.relkind IN ('r', 'p', 'v', 'm', 'c', 'f')
                UNION ALL SELECT r.ns, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 12)
                    FROM pg_attrdef x JOIN rel r ON r.oid = x.adrelid
                UNION ALL SELECT r.ns, hashint8extended((x.indexrelid::int8 << 32) + x.xmin::text::int8, 13)
                    FROM pg_index x JOIN rel r ON r.oid = x.indrelid
                UNION ALL SELECT r.ns, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 14)
                    FROM pg_trigger x JOIN rel r ON r.oid = x.tgrelid
                    WHERE NOT x.tgisinternal
                UNION ALL SELECT r.ns, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 15)
                    FROM pg_policy x JOIN rel r ON r.oid = x.polrelid
                UNION ALL SELECT r.ns, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 16)
                    FROM pg_rewrite x JOIN rel r ON r.oid = x.ev_class
                UNION ALL SELECT r.ns, hashint8extended((x.seqrelid::int8 << 32) + x.xmin::text::int8, 17)
                    FROM pg_sequence x JOIN rel r ON r.oid = x.seqrelid
                UNION ALL SELECT r.ns, hashint8extended((x.inhrelid::int8 << 32) + x.xmin::text::int8, 18)
                    FROM pg_inherits x JOIN rel r ON r.oid = x.inhrelid
                UNION ALL SELECT r.ns, hashint8extended((x.partrelid::int8 << 32) + x.xmin::text::int8, 19)
                    FROM pg_partitioned_table x JOIN rel r ON r.oid = x.partrelid
                UNION ALL SELECT r.ns, hashint8extended((x.objid::int8 << 32) + x.refobjid::int8, 20 + x.refobjsubid)
                    FROM pg_depend x JOIN rel r ON r.oid = x.objid
                    WHERE x.classid = 'pg_class'::regclass AND r.relkind = 'S' AND x.deptype IN ('a', 'i')
                UNION ALL SELECT t.ns, hashint8extended((x.oid::int8 << 32) + x.xmin::text::int8, 21)
                    FROM pg_enum x JOIN typ t ON t.oid = x.enumtypid
                UNION ALL SELECT t.ns, hashint8extended((x.rngtypid::int8 << 32) + x.xmin::text::int8, 22)
                    FROM pg_range x JOIN typ t ON t.oid = x.rngtypid
                UNION ALL SELECT p.ns, hashint8extended((x.aggfnoid::oid::int8 << 32) + x.xmin::text::int8, 23)
                    FROM pg_aggregate x JOIN pro p ON p.oid = x.aggfnoid
                UNION ALL SELECT COALESCE(c.relnamespace, t.typnamespace, p.pronamespace, k.connamespace, n.oid,
                                          tc.relnamespace, pc.relnamespace, wc.relnamespace),
                                 hashint8extended((x.objoid::int8 << 32) + x.xmin::text::int8, 24 + x.objsubid)
                    FROM pg_description x
                    LEFT JOIN pg_class c ON x.classoid = 'pg_class'::regclass AND c.oid = x.objoid
                    LEFT JOIN pg_type t ON x.classoid = 'pg_type'::regclass AND t.oid = x.objoid
                    LEFT JOIN pg_proc p ON x.classoid = 'pg_proc'::regclass AND p.oid = x.objoid
                    LEFT JOIN pg_constraint k ON x.classoid = 'pg_constraint'::regclass AND k.oid = x.objoid
                    LEFT JOIN pg_namespace n ON x.classoid = 'pg_namespace'::regclass AND n.oid = x.objoid
                    LEFT JOIN pg_trigger tg ON x.classoid = 'pg_trigger'::regclass AND tg.oid = x.objoid
                    LEFT JOIN pg_class tc ON tc.oid = tg.tgrelid
                    LEFT JOIN pg_policy po ON x.classoid = 'pg_policy'::regclass AND po.oid = x.objoid
                    LEFT JOIN pg_class pc ON pc.oid = po.polrelid
                    LEFT JOIN pg_rewrite w ON x.classoid = 'pg_rewrite'::regclass AND w.oid = x.objoid
                    LEFT JOIN pg_class wc ON wc.oid = w.ev_class
                    WHERE x.objoid >= 16384
            )
            SELECT n.nspname, g.stamp
            FROM (SELECT v.ns, count(*) || ':' || sum(v.h) AS stamp FROM v GROUP BY v.ns) g
            LEFT JOIN ns ON ns.oid = g.ns LEFT JOIN pg_namespace n ON n.oid = ns.oid
            UNION ALL
            SELECT NULL, count(*) || ':' || sum(s.h) FROM (
                SELECT hashtextextended(oid::text || ':' || rolname, 31) AS h FROM pg_roles
                UNION ALL SELECT hashint8extended((oid::int8 << 32) + xmin::text::int8, 32) FROM pg_extension
                UNION ALL SELECT hashint8extended((oid::int8 << 32) + xmin::text::int8, 33) FROM pg_event_trigger
                UNION ALL SELECT hashint8extended((oid::int8 << 32) + xmin::text::int8, 34)
                    FROM pg_default_acl WHERE defaclnamespace = 0
                UNION ALL SELECT hashint8extended((objid::int8 << 32) + refobjid::int8, 35 + classid::int8)
                    FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
            ) s
            """;

    /**
     * What identifies the database whatever the address it is reached by: its cluster (where the role may
     * ask for it), its oid and its name.
     */
    static final String DATABASE = """
            SELECT CASE WHEN has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE')
                        THEN (SELECT system_identifier::text FROM pg_control_system()) END,
                   d.oid || '/' || d.datname
            FROM pg_database d WHERE d.datname = current_database()
            """;

    private final @Nullable String database;
    private final Map<String, String> bySchema;
    private final String shared;

    private CatalogStamps(@Nullable String database, Map<String, String> bySchema, String shared) {
        this.database = database;
        this.bySchema = bySchema;
        this.shared = shared;
    }

    /**
     * Reads the stamps of every schema of the database {@code connection} is on, in one query that only
     * reads the catalog.
     *
     * @throws MigrateException naming the server's message when the catalog cannot be read
     */
    public static CatalogStamps read(Connection connection) {
        try {
            return PlannerSettings.forCatalog(connection, () -> readStamps(connection));
        } catch (SQLException e) {
            throw new MigrateException("Could not read the row versions of the catalog: " + e.getMessage(), e);
        }
    }

    private static CatalogStamps readStamps(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            String database = null;
            try (ResultSet rs = s.executeQuery(DATABASE)) {
                if (rs.next() && rs.getString(1) != null) {
                    database = rs.getString(1) + "/" + rs.getString(2);
                }
            }
            Map<String, String> bySchema = new HashMap<>();
            StringBuilder shared = new StringBuilder();
            try (ResultSet rs = s.executeQuery(QUERY)) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    if (schema == null) {
                        shared.append(rs.getString(2));
                    } else {
                        bySchema.put(schema, rs.getString(2));
                    }
                }
            }
            return new CatalogStamps(database, bySchema, shared.toString());
        }
    }

    /**
     * What identifies the database read: its cluster's system identifier (a standby's is its primary's),
     * its oid and its name; empty when the role may not ask for the cluster's identifier
     * ({@code pg_control_system()}), and stamps then cannot be told from another cluster's.
     */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /**
     * The stamps of {@code schemas}, compared together: each one's own rows, and every row outside all of
     * them (what no schema holds included), so that a change elsewhere that could show in a schema as it
     * reads (a type or a function of another schema renamed, a role renamed) changes its stamp too. A
     * schema that does not exist has a stamp of its own.
     */
    public Map<String, String> of(Collection<String> schemas) {
        Set<String> compared = Set.copyOf(schemas);
        MessageDigest rest = sha256();
        rest.update(shared.getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(bySchema).forEach((schema, stamp) -> {
            if (!compared.contains(schema)) {
                rest.update(("\n" + schema + "\t" + stamp).getBytes(StandardCharsets.UTF_8));
            }
        });
        String outside = HexFormat.of().formatHex(rest.digest());
        Map<String, String> stamps = new HashMap<>();
        compared.forEach(schema -> stamps.put(schema, bySchema.getOrDefault(schema, "none") + " " + outside));
        return stamps;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
