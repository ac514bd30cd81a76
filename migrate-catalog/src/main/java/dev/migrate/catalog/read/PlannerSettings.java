package dev.migrate.catalog.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The planner settings catalog queries run with, set on a connection for their time and then put back as
 * they were: just-in-time compilation off. A catalog query joins many small rows, which the planner's
 * costs take for work worth compiling; on a server built with LLVM, compiling then costs more than the
 * query (the index query over 1,500 tables: 0.12 s without, 0.57 s with, on PostgreSQL 15).
 *
 * <pre>{@code
 * DatabaseSchema read = PlannerSettings.forCatalog(connection, () -> readTheCatalog(connection));
 * }</pre>
 */
public final class PlannerSettings {
    private PlannerSettings() {}

    /** Catalog queries on a connection. */
    @FunctionalInterface
    public interface CatalogQueries<T> {
        T run() throws SQLException;
    }

    /** Runs {@code queries} with just-in-time compilation off on {@code connection}, then puts it back. */
    public static <T> T forCatalog(Connection connection, CatalogQueries<T> queries) throws SQLException {
        String jit;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('jit')")) {
            rs.next();
            jit = rs.getString(1);
        }
        if ("off".equals(jit)) {
            return queries.run();
        }
        set(connection, "off");
        try {
            return queries.run();
        } finally {
            set(connection, jit);
        }
    }

    private static void set(Connection connection, String jit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT set_config('jit', ?, false)")) {
            s.setString(1, jit);
            s.execute();
        }
    }
}
