package dev.migrate.internal.runtime;

import dev.migrate.ConnectionFailedException;
import dev.migrate.MigrateException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens connections and turns a failure to connect into a message that names the server
 * (host, port, database) and never the password.
 */
public final class ConnectionSource {
    private final DataSource dataSource;
    private final String description;

    private ConnectionSource(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    public static ConnectionSource of(DataSource dataSource) {
        if (dataSource instanceof PGSimpleDataSource pg) {
            return new ConnectionSource(dataSource, describe(pg));
        }
        return new ConnectionSource(dataSource, "the configured DataSource");
    }

    /** A JDBC URL ({@code jdbc:postgresql://host:port/db}) with optional separate credentials. */
    public static ConnectionSource of(String jdbcUrl, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new MigrateException("The database URL is not a PostgreSQL JDBC URL. Write it as "
                    + "jdbc:postgresql://host:port/database or postgresql://user:password@host:port/database.");
        }
        if (user != null && !user.isEmpty()) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return new ConnectionSource(ds, describe(ds));
    }

    private static String describe(PGSimpleDataSource ds) {
        String host = ds.getServerNames().length == 0 ? "localhost" : ds.getServerNames()[0];
        int port = ds.getPortNumbers().length == 0 || ds.getPortNumbers()[0] == 0 ? 5432 : ds.getPortNumbers()[0];
        return "PostgreSQL at " + host + ":" + port + ", database " + ds.getDatabaseName()
                + (ds.getUser() == null ? "" : ", user " + ds.getUser());
    }

    public Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new ConnectionFailedException(
                    "Could not connect to " + description + ": " + e.getMessage()
                            + (hasCause(e, UnknownHostException.class)
                                    ? " The host name does not resolve: check its spelling in the URL."
                                    : "42501".equals(e.getSQLState())
                                            ? Privileges.explain(e, user())
                                            : " Check that the server is running and that the URL and credentials are right."),
                    e);
        }
    }

    private String user() {
        return dataSource instanceof PGSimpleDataSource pg ? pg.getUser() : null;
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    public String description() {
        return description;
    }
}
