package dev.migrate.internal.runtime.session;

import dev.migrate.connection.WritableServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The settings of a run's own sessions, on its connections and at the head of an offline script. */
public final class SessionSettings {
    /** Sequential shard changes, set only where Citus is installed (a placeholder elsewhere would linger). */
    static final String CITUS_SEQUENTIAL = "CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname ="
            + " 'citus') THEN set_config('citus.multi_shard_modify_mode', 'sequential', false) END";

    private final Settings settings;

    public SessionSettings(Settings settings) {
        this.settings = settings;
    }

    /** The configured timeouts and search path, as statements. */
    public List<String> statements() {
        List<String> sql = new ArrayList<>();
        if (settings.lockTimeout() != null) {
            sql.add("SET lock_timeout = '" + settings.lockTimeout().toMillis() + "ms'");
        }
        if (settings.statementTimeout() != null) {
            sql.add("SET statement_timeout = '" + settings.statementTimeout().toMillis() + "ms'");
        }
        if (settings.searchPath() != null) {
            // a tenant's migrations create unqualified names in its schema and still see public's
            sql.add("SET search_path = " + settings.searchPath());
        }
        return sql;
    }

    /**
     * Settings of the run's own connections: the configured timeouts, so that what the run reads
     * under its lock waits no longer than its steps would. On PostgreSQL 14 and later the server
     * checks every second that the client is still there while a statement runs, so a run killed
     * with kill -9 does not leave its migration running on, holding locks the next run waits for. A
     * connection without an application name is named {@code migrate}, so other sessions see who is
     * waiting. The same round trip asks whether the server can take writes.
     *
     * <p>On a Citus coordinator (a database with the {@code citus} extension) the session runs with {@code
     * citus.multi_shard_modify_mode} {@code sequential}: Citus otherwise changes a distributed table's shards
     * over parallel connections, and then refuses, for the rest of the transaction, a change of a table that
     * a foreign key ties to it (undistributing a table after dropping its keys, a write after an added
     * column), so a migration's transaction could not mix them.
     */
    public WritableServer apply(Connection c) throws SQLException {
        List<String> sql = statements();
        if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
            sql.add("SET client_connection_check_interval = '1s'");
        }
        sql.add("SELECT " + WritableServer.COLUMNS + ", CASE WHEN current_setting('application_name') "
                + "IN ('', 'PostgreSQL JDBC Driver') THEN set_config('application_name', 'migrate', false) END, "
                + CITUS_SEQUENTIAL);
        try (Statement s = c.createStatement()) {
            boolean isResult = s.execute(String.join(";\n", sql)); // one round trip
            while (!isResult) {
                if (s.getUpdateCount() == -1) {
                    throw new SQLException("The session settings returned no row.");
                }
                isResult = s.getMoreResults();
            }
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                return WritableServer.read(rs);
            }
        }
    }
}
