package dev.migrate.catalog.kind;

import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.read.InSchemas;
import dev.migrate.catalog.read.PlannerSettings;
import dev.migrate.catalog.read.StableDeparse;
import dev.migrate.op.ObjectKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the objects beside tables of some schemas in four queries at most, whatever their number: how the
 * schemas' rows are reached ({@link InSchemas#throughIndex}), which kinds
 * of {@link Kinds#ALL} the schemas may have ({@link KindReading#presence}), every such kind in one, and what they
 * depend on ({@code pg_depend}) in the last. The caller
 * picks the snapshot (a REPEATABLE READ transaction for both to agree) and the {@code search_path},
 * which decides how the server spells names.
 */
public final class ObjectReader {
    /** How many queries one {@link #read} sends at most: two when the schemas have no object beside tables. */
    public static final int QUERIES_PER_READ = 4;

    /**
     * What each object needs, an object's parts (a view's rule, a constraint) standing for the object or
     * table they belong to, and an index that backs a key standing for the key; a constraint a partition has
     * of its own is an object itself ({@link PartitionConstraints}), so the key it references orders it, not
     * the tables.
     */
    private static final String DEPENDENCIES = """
            SELECT src.classid, src.objid, ref.classid, ref.objid, sr.relkind, rr.relkind, rn.nspname, rr.relname, ra.attname
            FROM pg_depend d
            LEFT JOIN pg_rewrite rw ON d.classid = 'pg_rewrite'::regclass AND rw.oid = d.objid
            LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid
            LEFT JOIN pg_constraint co ON d.classid = 'pg_constraint'::regclass AND co.oid = d.objid
            LEFT JOIN pg_class cr ON cr.oid = co.conrelid
            LEFT JOIN pg_type rt ON d.refclassid = 'pg_type'::regclass AND rt.oid = d.refobjid
            LEFT JOIN pg_class rtc ON rtc.oid = rt.typrelid
            LEFT JOIN pg_type rte ON d.refclassid = 'pg_type'::regclass AND rte.typarray = d.refobjid
            LEFT JOIN pg_constraint rk ON d.refclassid = 'pg_class'::regclass AND rk.conindid = d.refobjid
                AND rk.contype IN ('p', 'u', 'x') AND rk.conrelid = (SELECT indrelid FROM pg_index WHERE indexrelid = d.refobjid)
            CROSS JOIN LATERAL (SELECT
                CASE WHEN d.classid = 'pg_rewrite'::regclass AND rw.rulename = '_RETURN' THEN 'pg_class'::regclass::oid
                     WHEN d.classid = 'pg_attrdef'::regclass THEN 'pg_class'::regclass::oid
                     WHEN d.classid = 'pg_constraint'::regclass AND co.contypid <> 0 THEN 'pg_type'::regclass::oid
                     WHEN d.classid = 'pg_constraint'::regclass AND cr.relispartition
                          AND co.coninhcount = 0 AND co.conparentid = 0 THEN d.classid::oid
                     WHEN d.classid = 'pg_constraint'::regclass THEN 'pg_class'::regclass::oid
                     ELSE d.classid::oid END AS classid,
                CASE WHEN d.classid = 'pg_rewrite'::regclass AND rw.rulename = '_RETURN' THEN rw.ev_class
                     WHEN d.classid = 'pg_attrdef'::regclass THEN ad.adrelid
                     WHEN d.classid = 'pg_constraint'::regclass AND co.contypid <> 0 THEN co.contypid
                     WHEN d.classid = 'pg_constraint'::regclass AND cr.relispartition
                          AND co.coninhcount = 0 AND co.conparentid = 0 THEN d.objid
                     WHEN d.classid = 'pg_constraint'::regclass THEN co.conrelid
                     ELSE d.objid END AS objid) src
            CROSS JOIN LATERAL (SELECT
                CASE WHEN rtc.relkind IN ('r', 'p', 'v', 'm', 'f') THEN 'pg_class'::regclass::oid
                     WHEN rk.oid IS NOT NULL THEN 'pg_constraint'::regclass::oid
                     ELSE d.refclassid::oid END AS classid,
                CASE WHEN rtc.relkind IN ('r', 'p', 'v', 'm', 'f') THEN rt.typrelid
                     WHEN rk.oid IS NOT NULL THEN rk.oid
                     WHEN rte.oid IS NOT NULL THEN rte.oid
                     ELSE d.refobjid END AS objid) ref
            LEFT JOIN pg_class sr ON src.classid = 'pg_class'::regclass AND sr.oid = src.objid
            LEFT JOIN pg_class rr ON ref.classid = 'pg_class'::regclass AND rr.oid = ref.objid
            LEFT JOIN pg_namespace rn ON rn.oid = rr.relnamespace
            LEFT JOIN pg_attribute ra ON d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0
                AND ra.attrelid = d.refobjid AND ra.attnum = d.refobjsubid
            WHERE d.deptype = 'n' AND d.objid >= 16384 AND d.refobjid >= 16384
              AND d.classid IN ('pg_class'::regclass, 'pg_rewrite'::regclass, 'pg_attrdef'::regclass,
                                'pg_constraint'::regclass, 'pg_proc'::regclass, 'pg_trigger'::regclass,
                                'pg_policy'::regclass, 'pg_type'::regclass, 'pg_event_trigger'::regclass)
              AND d.refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass,
                                   'pg_extension'::regclass, 'pg_collation'::regclass)
            """;

    /**
     * The kinds whose statements hold expressions as the server deparsed them, respelled where parsing
     * them again would give another form ({@link StableDeparse}): an object created from what was read
     * is then read back the same, so a comparison right after a migration finds nothing.
     */
    private static final Set<ObjectKind> DEPARSED = EnumSet.of(
            ObjectKind.VIEW,
            ObjectKind.MATERIALIZED_VIEW,
            ObjectKind.POLICY,
            ObjectKind.TRIGGER,
            ObjectKind.DOMAIN,
            ObjectKind.RULE);

    private ObjectReader() {}

    /** The objects of {@code schemas}, with what each depends on. */
    public static List<SchemaObject> read(Connection connection, List<String> schemas) throws SQLException {
        var meta = connection.getMetaData();
        return read(connection, schemas, meta.getDatabaseMajorVersion() * 10000 + meta.getDatabaseMinorVersion());
    }

    /** The objects of {@code schemas} on a server of this {@code server_version_num}. */
    public static List<SchemaObject> read(Connection connection, List<String> schemas, int serverVersion)
            throws SQLException {
        return PlannerSettings.forCatalog(connection, () -> readObjects(connection, schemas, serverVersion, null));
    }

    /** The objects of {@code schemas}, their rows reached through the index or by the schema column, as a test says. */
    static List<SchemaObject> readThrough(Connection connection, List<String> schemas, boolean throughIndex)
            throws SQLException {
        int serverVersion = connection.getMetaData().getDatabaseMajorVersion() * 10000;
        return PlannerSettings.forCatalog(
                connection, () -> readObjects(connection, schemas, serverVersion, throughIndex));
    }

    private static List<SchemaObject> readObjects(
            Connection connection, List<String> schemas, int serverVersion, @Nullable Boolean forced)
            throws SQLException {
        Map<Address, Read> objects = withNames(connection, schemas, names -> {
            Map<Address, Read> read = new LinkedHashMap<>();
            boolean throughIndex = forced != null ? forced : InSchemas.throughIndex(connection, schemas.size());
            List<KindReading> present = present(connection, names, throughIndex);
            if (!present.isEmpty()) {
                readKinds(connection, names, objectsQuery(serverVersion, present, throughIndex), read);
            }
            return read;
        });
        if (objects.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = connection.prepareStatement(DEPENDENCIES);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Address from = new Address(rs.getLong(1), rs.getLong(2));
                Address to = new Address(rs.getLong(3), rs.getLong(4));
                Read source = objects.get(from);
                Read target = objects.get(to);
                if (from.equals(to)) {
                    continue;
                }
                if (source != null && target != null) {
                    source.dependsOn.add(target.id);
                } else if (source != null && isTable(rs.getString(6))) {
                    source.tables.add(ObjectName.of(rs.getString(7), rs.getString(8)));
                    String column = rs.getString(9);
                    if (column != null) {
                        source.columns.add(rs.getString(7) + "." + rs.getString(8) + "." + column);
                    }
                } else if (target != null && source == null && isTable(rs.getString(5))) {
                    target.neededByTables = true;
                }
            }
        }
        Map<Long, Read> byOid = new HashMap<>();
        objects.forEach((address, read) -> {
            if (address.classid() >= 0) {
                byOid.put(address.objid(), read);
            }
        });
        for (Read read : objects.values()) {
            Read relation = read.onRelation == null ? null : objects.get(read.onRelation);
            if (relation != null) {
                read.dependsOn.add(relation.id);
            }
            // a grant on a function or a type goes with it (oids come from one counter, whatever the catalog)
            Read owner = read.stateOf < 0 ? null : byOid.get(read.stateOf);
            if (owner != null && owner != read) {
                read.dependsOn.add(owner.id);
            }
        }
        return objects.values().stream()
                .map(read -> new SchemaObject(
                        read.id, read.sql, read.dependsOn, read.tables, read.neededByTables, read.columns, read.shape))
                .toList();
    }

    /**
     * Which kinds of {@link Kinds#ALL} the schemas of its one parameter may have, a column each, their rows reached
     * as {@link InSchemas} says.
     */
    static String presence(boolean throughIndex) {
        return throughIndex ? PRESENCE_THROUGH_INDEX : PRESENCE_BY_COLUMN;
    }

    private static final String PRESENCE = "WITH s AS (SELECT unnest(?::text[]) AS nspname)\nSELECT "
            + Kinds.ALL.stream().map(KindReading::presence).collect(Collectors.joining(",\n       "));
    private static final String PRESENCE_THROUGH_INDEX = InSchemas.expand(PRESENCE, true);
    private static final String PRESENCE_BY_COLUMN = InSchemas.expand(PRESENCE, false);

    static List<ObjectKind> presentKinds(Connection connection, List<String> schemas) throws SQLException {
        boolean throughIndex = InSchemas.throughIndex(connection, schemas.size());
        return withNames(connection, schemas, names -> present(connection, names, throughIndex)).stream()
                .map(KindReading::kind)
                .toList();
    }

    /** What {@code body} returns, given the schemas' names as one SQL array, freed after. */
    private static <T> T withNames(Connection connection, List<String> schemas, OnNames<T> body) throws SQLException {
        Array names = connection.createArrayOf("text", schemas.toArray());
        try {
            return body.apply(names);
        } finally {
            names.free();
        }
    }

    /** A read given the schemas' names as one SQL array. */
    @FunctionalInterface
    private interface OnNames<T> {
        T apply(Array names) throws SQLException;
    }

    /** The kinds whose {@link KindReading#presence} holds in the schemas {@code names}, in {@link Kinds#ALL}'s order. */
    private static List<KindReading> present(Connection connection, Array names, boolean throughIndex)
            throws SQLException {
        List<KindReading> present = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(presence(throughIndex))) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 0; i < Kinds.ALL.size(); i++) {
                    if (rs.getBoolean(i + 1)) {
                        present.add(Kinds.ALL.get(i));
                    }
                }
            }
        }
        return present;
    }

    /** Reads the rows of {@code query} (the {@link #objectsQuery} of some kinds) into {@code objects}. */
    private static void readKinds(Connection connection, Array names, String query, Map<Address, Read> objects)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(query)) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ObjectKind kind = ObjectKind.valueOf(rs.getString(1));
                    Read read = new Read(
                            new ObjectId(kind, rs.getString(4)),
                            DEPARSED.contains(kind) ? StableDeparse.of(rs.getString(5)) : rs.getString(5),
                            rs.getString(10));
                    String relkind = rs.getString(7);
                    if ("v".equals(relkind) || "m".equals(relkind)) {
                        read.onRelation = new Address(PG_CLASS, rs.getLong(6));
                    } else if (relkind != null) {
                        read.tables.add(ObjectName.of(rs.getString(8), rs.getString(9)));
                    }
                    long classid = rs.getLong(2);
                    if (classid == 0) {
                        // a state of another object (row-level security, a grant) has no address of its own
                        read.stateOf = rs.getLong(3);
                        objects.put(new Address(-1, objects.size()), read);
                    } else {
                        objects.put(new Address(classid, rs.getLong(3)), read);
                    }
                }
            }
        }
    }

    /** The oid of {@code pg_class} itself, the same in every database. */
    private static final long PG_CLASS = 1259;

    private static boolean isTable(String relkind) {
        return "r".equals(relkind) || "p".equals(relkind) || "S".equals(relkind);
    }

    /** The query that reads {@code kinds} (all of them: {@link Kinds#ALL}) on a server of {@code serverVersion}. */
    static String objectsQuery(int serverVersion, List<KindReading> kinds, boolean throughIndex) {
        String union = kinds.stream()
                .map(k -> "SELECT '" + k.kind().name() + "' AS kind, k.* FROM ("
                        + InSchemas.expand(k.select(serverVersion), throughIndex) + ") k")
                .collect(Collectors.joining("\n  UNION ALL\n"));
        return """
                WITH s AS (SELECT unnest(?::text[]) AS nspname),
                o AS (
                %s
                )
                SELECT o.kind, o.classid, o.objid, o.identity, o.sql, o.relid, tc.relkind, tn.nspname, tc.relname,
                       CASE WHEN o.classid = 'pg_class'::regclass THEN
                                (SELECT string_agg(format('%%I %%s', a.attname, format_type(a.atttypid, a.atttypmod)),
                                                   ', ' ORDER BY a.attnum)
                                 FROM pg_attribute a WHERE a.attrelid = o.objid AND a.attnum > 0 AND NOT a.attisdropped)
                            WHEN o.classid = 'pg_proc'::regclass THEN
                                pg_get_function_arguments(o.objid) || ' -> ' || COALESCE(pg_get_function_result(o.objid), '')
                            ELSE '' END AS shape
                FROM o LEFT JOIN pg_class tc ON tc.oid = o.relid AND o.relid <> 0
                LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                WHERE (o.classid = 0 OR NOT EXISTS (
                    SELECT 1 FROM pg_depend e WHERE e.classid = o.classid AND e.objid = o.objid AND e.deptype = 'e'))
                  -- what hangs on a relation an extension brings (PostGIS's rules and grants on geometry_columns)
                  AND (o.relid = 0 OR NOT EXISTS (
                    SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = o.relid
                                                AND e.deptype = 'e'))
                ORDER BY o.kind, o.identity
                """.formatted(union);
    }

    /** Where {@code pg_depend} finds an object: its catalog and its oid. */
    private record Address(long classid, long objid) {}

    /** An object as read, while its dependencies are gathered. */
    private static final class Read {
        final ObjectId id;
        final String sql;
        final Set<ObjectId> dependsOn = new TreeSet<>();
        final Set<ObjectName> tables = new TreeSet<>();
        final Set<String> columns = new TreeSet<>();
        final String shape;
        boolean neededByTables;
        /** The oid of the object this is a state of (row-level security, a grant), or -1. */
        long stateOf = -1;

        @Nullable
        Address onRelation;

        Read(ObjectId id, String sql, @Nullable String shape) {
            this.id = id;
            this.sql = sql;
            this.shape = shape == null ? "" : shape;
        }
    }
}
