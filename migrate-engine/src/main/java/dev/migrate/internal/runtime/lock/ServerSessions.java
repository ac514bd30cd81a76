package dev.migrate.internal.runtime.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the other server sessions a run waits for, so that a waiting deployment says who holds it
 * up instead of sitting silent.
 */
public final class ServerSessions {
    private static final String DESCRIBE = "SELECT a.pid, coalesce(nullif(a.application_name, ''), '-'), a.usename, "
            + "coalesce(a.state, '-'), extract(epoch FROM clock_timestamp() - coalesce(a.xact_start, a.query_start))::bigint, "
            + "left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 120) FROM pg_stat_activity a ";

    private ServerSessions() {}

    /**
     * The session holding the migration lock {@code key} in this database; advisory locks are
     * per database, so sessions on other databases are never named.
     */
    public static List<String> advisoryLockHolder(Connection c, long key) throws SQLException {
        // a bigint key appears in pg_locks split into two 32-bit halves, with objsubid 1
        return describe(
                c,
                DESCRIBE + "JOIN pg_locks l ON l.pid = a.pid WHERE l.locktype = 'advisory' AND l.granted "
                        + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                        + "AND l.classid = ((?::bigint >> 32) & 4294967295)::oid AND l.objid = (?::bigint & 4294967295)::oid "
                        + "AND l.objsubid = 1",
                key,
                key);
    }

    /** The sessions whose locks keep server process {@code pid} waiting. */
    static List<String> blockersOf(Connection c, int pid) throws SQLException {
        return describe(c, DESCRIBE + "WHERE a.pid = ANY (pg_blocking_pids(?::int)) ORDER BY a.pid", pid);
    }

    private static List<String> describe(Connection c, String sql, long... parameters) throws SQLException {
        List<String> sessions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sessions.add("server process " + rs.getInt(1) + " (application " + rs.getString(2) + ", user "
                            + rs.getString(3) + ", " + rs.getString(4) + ", for " + rs.getLong(5) + " s, query: "
                            + rs.getString(6) + ")");
                }
            }
        }
        return sessions;
    }
}
