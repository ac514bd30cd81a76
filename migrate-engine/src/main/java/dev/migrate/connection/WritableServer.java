package dev.migrate.connection;

import static dev.migrate.sql.Identifiers.quote;

import dev.migrate.MigrateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * Whether the server a writing run connected to can take writes at all, read in the query that
 * names the run's session, so that asking costs no round trip. Without it, a standby or a role that
 * starts every transaction read-only fails later with PostgreSQL's "cannot execute CREATE TABLE in
 * a read-only transaction", which names neither the server nor the fix.
 *
 * @param inRecovery {@code pg_is_in_recovery()}: a standby replaying the primary's log
 * @param defaultReadOnly {@code default_transaction_read_only} is on for this session
 * @param readOnlySource where that setting came from, as {@code pg_settings.source} says
 * @param address the server's own address and port, or null over a Unix socket
 * @param role the session's role
 * @param database the session's database
 */
public record WritableServer(
        boolean inRecovery,
        boolean defaultReadOnly,
        @Nullable String readOnlySource,
        @Nullable String address,
        String role,
        String database) {

    /**
     * The columns the session's first query returns before its own; {@link #read} takes them from the
     * first column on.
     */
    public static final String COLUMNS =
            "pg_is_in_recovery(), current_setting('default_transaction_read_only') = 'on', "
                    + "(SELECT source FROM pg_settings WHERE name = 'default_transaction_read_only'), "
                    + "host(inet_server_addr()) || ':' || inet_server_port(), current_user, current_database()";

    /**
     * Asks the server on its own, for a writing run that reads before it opens a session of the
     * engine's (a fleet's bulk scan, which leaves tenants at their target alone), and stops it as
     * {@link #requireWritable} does.
     */
    public static void require(Connection c, String description, String what) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS)) {
            rs.next();
            read(rs).requireWritable(description, what);
        }
    }

    /** The answer to a query that selects {@link #COLUMNS} first, on its current row. */
    public static WritableServer read(ResultSet rs) throws SQLException {
        return new WritableServer(
                rs.getBoolean(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }

    /**
     * Stops a writing run on a server that cannot take it, before the version tables are prepared or
     * the lock is taken.
     *
     * @param description the server as the run names it (host, port, database, user; never a password)
     * @param what the goal, e.g. {@code upgrade}
     */
    public void requireWritable(String description, String what) {
        String where = description + (address == null ? "" : " (server address " + address + ")");
        if (inRecovery) {
            throw new MigrateException("Cannot " + what + ": " + where + " is a standby server in recovery "
                    + "(pg_is_in_recovery() is true), which is read-only and replays what its primary writes. Point "
                    + "the URL at the primary server. Nothing was run and the version table was not touched.");
        }
        if (defaultReadOnly) {
            throw new MigrateException("Cannot " + what + ": on " + where + " every transaction of role " + role
                    + " starts read-only (default_transaction_read_only is on, " + origin() + "), so no migration "
                    + "and no version-table row could be written. " + fix()
                    + " Nothing was run and the version table was not touched.");
        }
    }

    private String origin() {
        return switch (readOnlySource == null ? "" : readOnlySource) {
            case "user" -> "set for the role by ALTER ROLE";
            case "database" -> "set for the database by ALTER DATABASE";
            case "database user" -> "set for the role in this database by ALTER ROLE ... IN DATABASE";
            case "client" -> "set by the connection's options (the URL's options parameter or PGOPTIONS)";
            case "configuration file" -> "set in the server's configuration file";
            case "" -> "from an unknown source";
            default -> "from " + readOnlySource;
        };
    }

    private String fix() {
        if ("client".equals(readOnlySource)) {
            return "Remove default_transaction_read_only from the connection's options.";
        }
        return "Let the migrating role write with ALTER ROLE " + quote(role)
                + ("database user".equals(readOnlySource) ? " IN DATABASE " + quote(database) : "")
                + " SET default_transaction_read_only = off (it applies from the next connection), or connect as a "
                + "role that may write.";
    }
}
