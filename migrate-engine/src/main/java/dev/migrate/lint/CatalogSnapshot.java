package dev.migrate.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The user relations, columns, constraints and this session's table locks, read in one round trip
 * on the migration's own connection, so that two snapshots around a statement show what it did.
 * Inside a transaction the scan counters are this transaction's ({@code pg_stat_xact_user_tables}).
 */
final class CatalogSnapshot {
    private static final String USER_NAMESPACE = "n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'";
    private static final String QUERIES = String.join(
            ";\n",
            "SELECT c.oid, n.nspname, c.relname, c.relkind, c.relfilenode, COALESCE(i.indrelid, 0),"
                    + " COALESCE(s.seq_scan, 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_index i ON i.indexrelid = c.oid"
                    + " LEFT JOIN pg_stat_xact_user_tables s ON s.relid = c.oid"
                    + " WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I') AND " + USER_NAMESPACE,
            "SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_NAMESPACE,
            "SELECT con.oid, con.conrelid, con.conname, con.contype, con.convalidated, con.conindid"
                    + " FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace"
                    + " WHERE con.conrelid <> 0 AND " + USER_NAMESPACE,
            "SELECT l.relation, l.mode FROM pg_locks l"
                    + " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted",
            "SELECT current_setting('lock_timeout')");

    record Relation(long oid, String schema, String name, char kind, long fileNode, long table, long seqScans) {
        String qualified() {
            return schema + "." + name;
        }

        boolean isTable() {
            return kind == 'r' || kind == 'p';
        }

        boolean isIndex() {
            return kind == 'i' || kind == 'I';
        }
    }

    record Column(String name, String type, boolean notNull) {}

    record Constraint(long oid, long table, String name, char type, boolean validated, long index) {}

    final Map<Long, Relation> relations = new LinkedHashMap<>();
    final Map<Long, Map<Integer, Column>> columns = new HashMap<>();
    final Map<Long, Constraint> constraints = new LinkedHashMap<>();
    final Map<Long, LockMode> strongestLocks = new HashMap<>();
    final Set<String> locks = new HashSet<>();
    String lockTimeout;

    private CatalogSnapshot() {}

    static CatalogSnapshot take(Connection connection) throws SQLException {
        CatalogSnapshot snapshot = new CatalogSnapshot();
        try (Statement s = connection.createStatement()) {
            s.execute(QUERIES);
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    snapshot.relations.put(
                            oid,
                            new Relation(
                                    oid,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4).charAt(0),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    rs.getLong(7)));
                }
            }
            s.getMoreResults();
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    snapshot.columns
                            .computeIfAbsent(rs.getLong(1), t -> new LinkedHashMap<>())
                            .put(rs.getInt(2), new Column(rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }
            }
            s.getMoreResults();
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    snapshot.constraints.put(
                            oid,
                            new Constraint(
                                    oid,
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getString(4).charAt(0),
                                    rs.getBoolean(5),
                                    rs.getLong(6)));
                }
            }
            s.getMoreResults();
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    long relation = rs.getLong(1);
                    LockMode mode = LockMode.named(rs.getString(2));
                    if (mode != null) {
                        snapshot.locks.add(relation + ":" + mode);
                        snapshot.strongestLocks.merge(relation, mode, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    }
                }
            }
            s.getMoreResults();
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                snapshot.lockTimeout = rs.getString(1);
            }
        }
        return snapshot;
    }

    Map<Integer, Column> columns(long table) {
        return columns.getOrDefault(table, Map.of());
    }

    long seqScans(long table) {
        Relation r = relations.get(table);
        return r == null ? 0 : r.seqScans();
    }
}
