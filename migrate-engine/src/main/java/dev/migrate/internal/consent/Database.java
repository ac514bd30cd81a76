package dev.migrate.internal.consent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * The database a plan runs on, as a consent token binds it: the server's system identifier (the same for a server
 * and its copies made by physical backup, different for every {@code initdb}), the database and the schema.
 *
 * @param server the system identifier, or where the server listens when the role may not read it
 * @param name the database
 * @param schema the schema of the run's version tables
 */
public record Database(String server, String name, String schema) {
    String key() {
        return server + "\n" + name + "\n" + schema;
    }

    /** The database {@code c} is connected to. */
    public static Database of(Connection c, String schema) throws SQLException {
        return new Database(server(c), one(c, "SELECT current_database()"), schema);
    }

    private static String server(Connection c) throws SQLException {
        Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            return "system " + one(c, "SELECT system_identifier::text FROM pg_control_system()");
        } catch (SQLException e) {
            // a role without the right to read it: where the server listens stands for it
            if (before != null) {
                c.rollback(before);
            }
            return "at "
                    + one(c, "SELECT coalesce(host(inet_server_addr()), 'socket') || ':' || current_setting('port')");
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }
}
