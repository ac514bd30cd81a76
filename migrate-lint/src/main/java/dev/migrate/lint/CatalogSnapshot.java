package dev.migrate.lint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The user relations (with their row-level security and whether a policy lets roles read them),
 * columns, constraints, triggers and this session's table locks, read in one round trip
 * on the migration's own connection, so that two snapshots around a statement show what it did.
 * Inside a transaction the scan counters are this transaction's (those of
 * {@code pg_stat_xact_user_tables}).
 *
 * <p>A statement changes only relations it locks (a new one too), and its locks last until the end
 * of its transaction; so {@link #after} reads the relations, columns and constraints of the tables
 * the session has locked and takes the others from the snapshot before, which keeps the lint of a
 * long chain linear. (A policy, a trigger and row-level security change only under a lock on their
 * table too.)
 */
final class CatalogSnapshot {
    private static final String USER_NAMESPACE = "n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'";
    private static final String RELATIONS = "SELECT c.oid, n.nspname, c.relname, c.relkind, c.relfilenode,"
            + " COALESCE(i.indrelid, 0),"
            + " CASE WHEN c.relkind IN ('r', 'm') THEN pg_stat_get_xact_numscans(c.oid) ELSE 0 END,"
            + " CASE WHEN c.relkind IN ('i', 'I') THEN pg_get_indexdef(c.oid) END,"
            + " c.relrowsecurity, EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polpermissive"
            + " AND p.polcmd IN ('r', '*'))"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_index i ON i.indexrelid = c.oid"
            + " WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I') AND " + USER_NAMESPACE;
    private static final String COLUMNS = "SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid,"
            + " a.atttypmod), a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_NAMESPACE;
    private static final String CONSTRAINTS = "SELECT con.oid, con.conrelid, con.conname, con.contype,"
            + " con.convalidated, con.conindid, pg_get_constraintdef(con.oid) FROM pg_constraint con"
            + " JOIN pg_namespace n ON n.oid = con.connamespace WHERE con.conrelid <> 0 AND " + USER_NAMESPACE;
    /** The triggers a user created, not those that enforce a foreign key. */
    private static final String TRIGGERS = "SELECT t.oid, t.tgrelid, t.tgname, t.tgenabled, pg_get_triggerdef(t.oid)"
            + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE NOT t.tgisinternal AND " + USER_NAMESPACE;
    /** User objects have oids from 16384 on (FirstNormalObjectId); the catalogs' own locks are left out. */
    private static final String LOCKS = "SELECT l.relation, l.mode FROM pg_locks l WHERE l.pid = pg_backend_pid()"
            + " AND l.locktype = 'relation' AND l.granted AND l.relation >= 16384";

    /** A cast as {@code pg_get_*def} writes it: {@code ::character varying(20)}, {@code ::text[]}. */
    private static final Pattern CAST =
            Pattern.compile("::(?:\"[^\"]+\"|[a-z_][a-z0-9_ ]*)(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[])?");

    private static final String SETTINGS = "SELECT current_setting('lock_timeout')";
    private static final String FULL = String.join(";\n", RELATIONS, COLUMNS, CONSTRAINTS, TRIGGERS, LOCKS, SETTINGS);
    /** The same, for the relations in an array parameter, found through the catalogs' indexes. */
    private static final String OF_RELATIONS = String.join(
            ";\n",
            RELATIONS + " AND c.oid = ANY(?)",
            COLUMNS + " AND a.attrelid = ANY(?)",
            CONSTRAINTS + " AND con.conrelid = ANY(?)",
            TRIGGERS + " AND t.tgrelid = ANY(?)");

    private static final String SCAN_COUNTERS = "SELECT c.oid, pg_stat_get_xact_numscans(c.oid) FROM pg_class c"
            + " WHERE c.oid >= 16384 AND c.relkind IN ('r', 'm')";

    /**
     * @param table the indexed table, for an index
     * @param definition {@code pg_get_indexdef}, for an index
     * @param rowSecurity whether row-level security is enabled on it
     * @param readablePolicy whether a permissive policy lets some role read its rows ({@code FOR SELECT}
     *     or {@code FOR ALL})
     */
    record Relation(
            long oid,
            String schema,
            String name,
            char kind,
            long fileNode,
            long table,
            long seqScans,
            String definition,
            boolean rowSecurity,
            boolean readablePolicy) {
        String qualified() {
            return schema + "." + name;
        }

        boolean isTable() {
            return kind == 'r' || kind == 'p';
        }

        boolean isIndex() {
            return kind == 'i' || kind == 'I';
        }

        boolean isMaterializedView() {
            return kind == 'm';
        }

        /**
         * Whether a role other than the owner (and a superuser, or one with {@code BYPASSRLS}) can read
         * its rows: row-level security is off, or a permissive policy lets some role read.
         */
        boolean readableByOthers() {
            return !rowSecurity || readablePolicy;
        }
    }

    record Column(String name, String type, boolean notNull) {}

    /** @param definition {@code pg_get_constraintdef} */
    record Constraint(long oid, long table, String name, char type, boolean validated, long index, String definition) {}

    /**
     * @param enabled as {@code pg_trigger} has it: {@code O} on, {@code D} off, {@code R} and {@code A} on for replicas
     * @param definition {@code pg_get_triggerdef}
     */
    record Trigger(long oid, long table, String name, char enabled, String definition) {}

    final Map<Long, Relation> relations = new LinkedHashMap<>();
    final Map<Long, Map<Integer, Column>> columns = new HashMap<>();
    final Map<Long, Constraint> constraints = new LinkedHashMap<>();
    final Map<Long, Trigger> triggers = new LinkedHashMap<>();
    final Map<Long, LockMode> strongestLocks = new HashMap<>();
    final Set<String> locks = new HashSet<>();

    @Nullable
    String lockTimeout;

    private CatalogSnapshot() {}

    /** Everything, read afresh. */
    static CatalogSnapshot take(Connection connection) throws SQLException {
        CatalogSnapshot snapshot = new CatalogSnapshot();
        try (Statement s = connection.createStatement()) {
            s.execute(FULL);
            snapshot.readRelations(s);
            s.getMoreResults();
            snapshot.readLocks(s);
        }
        return snapshot;
    }

    /**
     * The catalog after a statement that ran in the same transaction as {@code before} was taken:
     * what the session has not locked is as in {@code before}.
     */
    static CatalogSnapshot after(Connection connection, CatalogSnapshot before) throws SQLException {
        CatalogSnapshot after = new CatalogSnapshot();
        try (Statement s = connection.createStatement()) {
            s.execute(LOCKS + ";\n" + SETTINGS);
            after.readLocks(s);
        }
        Long[] locked = after.strongestLocks.keySet().toArray(Long[]::new);
        try (PreparedStatement ps = connection.prepareStatement(OF_RELATIONS)) {
            Array oids = connection.createArrayOf("int8", locked);
            ps.setArray(1, oids);
            ps.setArray(2, oids);
            ps.setArray(3, oids);
            ps.setArray(4, oids);
            ps.execute();
            after.readRelations(ps);
        }
        before.relations.values().stream()
                .filter(r -> !after.locked(r.oid()))
                .forEach(r -> after.relations.putIfAbsent(r.oid(), r));
        before.columns.forEach((table, columns) -> {
            if (!after.locked(table)) {
                after.columns.put(table, columns);
            }
        });
        before.constraints.values().stream()
                .filter(c -> !after.locked(c.table()))
                .forEach(c -> after.constraints.putIfAbsent(c.oid(), c));
        before.triggers.values().stream()
                .filter(t -> !after.locked(t.table()))
                .forEach(t -> after.triggers.putIfAbsent(t.oid(), t));
        return after;
    }

    /**
     * This catalog as a transaction that just began sees it: no lock held yet, and the scan counters
     * read inside it (PostgreSQL counts a transaction's scans on top of those it has not reported
     * yet, so only counters read in the same transaction compare).
     */
    CatalogSnapshot atTransactionStart(Connection connection) throws SQLException {
        Map<Long, Long> counters = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(SCAN_COUNTERS)) {
            while (rs.next()) {
                counters.put(rs.getLong(1), rs.getLong(2));
            }
        }
        CatalogSnapshot counted = new CatalogSnapshot();
        relations
                .values()
                .forEach(r -> counted.relations.put(
                        r.oid(),
                        new Relation(
                                r.oid(),
                                r.schema(),
                                r.name(),
                                r.kind(),
                                r.fileNode(),
                                r.table(),
                                counters.getOrDefault(r.oid(), 0L),
                                r.definition(),
                                r.rowSecurity(),
                                r.readablePolicy())));
        counted.columns.putAll(columns);
        counted.constraints.putAll(constraints);
        counted.triggers.putAll(triggers);
        counted.lockTimeout = lockTimeout;
        return counted;
    }

    private boolean locked(long relation) {
        return strongestLocks.containsKey(relation);
    }

    /** Reads the relations, columns, constraints and triggers results of {@code s}, in that order. */
    private void readRelations(Statement s) throws SQLException {
        try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                relations.put(
                        oid,
                        new Relation(
                                oid,
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4).charAt(0),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getString(8),
                                rs.getBoolean(9),
                                rs.getBoolean(10)));
            }
        }
        s.getMoreResults();
        try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getLong(1), t -> new LinkedHashMap<>())
                        .put(rs.getInt(2), new Column(rs.getString(3), rs.getString(4), rs.getBoolean(5)));
            }
        }
        s.getMoreResults();
        try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                constraints.put(
                        oid,
                        new Constraint(
                                oid,
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4).charAt(0),
                                rs.getBoolean(5),
                                rs.getLong(6),
                                rs.getString(7)));
            }
        }
        s.getMoreResults();
        try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                triggers.put(
                        oid,
                        new Trigger(
                                oid,
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4).charAt(0),
                                rs.getString(5)));
            }
        }
    }

    /** The strongest lock held on {@code relation} now when {@code before} did not hold it, else null. */
    @Nullable
    LockMode strongestLockTakenSince(CatalogSnapshot before, long relation) {
        LockMode mode = strongestLocks.get(relation);
        return mode != null && !before.locks.contains(relation + ":" + mode) ? mode : null;
    }

    /** Reads the locks and settings results of {@code s}: the current result, then the next. */
    private void readLocks(Statement s) throws SQLException {
        try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
                long relation = rs.getLong(1);
                LockMode mode = LockMode.named(rs.getString(2));
                if (mode != null) {
                    locks.add(relation + ":" + mode);
                    strongestLocks.merge(relation, mode, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
        }
        s.getMoreResults();
        try (ResultSet rs = s.getResultSet()) {
            rs.next();
            lockTimeout = rs.getString(1);
        }
    }

    /**
     * The index of {@code before}, gone from this snapshot, that {@code index} (new here) stands for:
     * same table, name and definition. {@code ALTER COLUMN TYPE} drops a column's indexes and builds
     * them again under new oids, reusing their files when the table is not rewritten. Null for an
     * index that is really new.
     */
    @Nullable
    Relation recreated(Relation index, CatalogSnapshot before) {
        return before.relations.values().stream()
                .filter(r -> r.isIndex()
                        && !relations.containsKey(r.oid())
                        && r.table() == index.table()
                        && r.qualified().equals(index.qualified())
                        && sameShape(r.definition(), index.definition()))
                .findFirst()
                .orElse(null);
    }

    /**
     * Whether {@code constraint} (new here) stands for one of {@code before} that is gone from this
     * snapshot: same table, name, kind and definition, as {@code ALTER COLUMN TYPE} adds a column's
     * constraints again.
     */
    boolean recreated(Constraint constraint, CatalogSnapshot before) {
        return before.constraints.values().stream()
                .anyMatch(c -> !constraints.containsKey(c.oid())
                        && c.table() == constraint.table()
                        && c.type() == constraint.type()
                        && c.name().equals(constraint.name())
                        && sameShape(c.definition(), constraint.definition()));
    }

    /**
     * Whether two definitions differ only by the casts a column's new type puts in or takes out:
     * {@code CHECK (((code)::text <> ''::text))} on a {@code varchar} is {@code CHECK ((code <> ''::text))}
     * on a {@code text}.
     */
    static boolean sameShape(String a, String b) {
        return withoutCasts(a).equals(withoutCasts(b));
    }

    private static String withoutCasts(String definition) {
        return CAST.matcher(definition).replaceAll("").replaceAll("[()\\s]", "");
    }

    /** The user triggers of {@code table}, by oid. */
    Map<Long, Trigger> triggers(long table) {
        Map<Long, Trigger> of = new LinkedHashMap<>();
        triggers.values().stream().filter(t -> t.table() == table).forEach(t -> of.put(t.oid(), t));
        return of;
    }

    Map<Integer, Column> columns(long table) {
        return columns.getOrDefault(table, Map.of());
    }

    long seqScans(long table) {
        Relation r = relations.get(table);
        return r == null ? 0 : r.seqScans();
    }
}
