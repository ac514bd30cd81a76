package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.servers.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The one embedded PostgreSQL of a test run ({@link EmbeddedServer#startForTests}), started on first use and
 * stopped when the run ends; each test gets a database of its own on it ({@code CREATE DATABASE} takes
 * milliseconds, a server start a second or more).
 */
final class TestServer implements AutoCloseable {
    private final EmbeddedServer server;
    private final AtomicInteger databases = new AtomicInteger();

    private TestServer(EmbeddedServer server) {
        this.server = server;
    }

    /** Starts a server whose data nobody keeps, so durability is off; its own output goes to {@code log}. */
    static TestServer start(Path log) {
        return new TestServer(EmbeddedServer.startForTests(log));
    }

    /** A new, empty database, dropped when the returned handle is closed. */
    TestDatabase createDatabase() {
        String name = "migrate_test_" + databases.incrementAndGet();
        DataSource created = server.createDatabase(name);
        return new TestDatabase(name, created, () -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** This server's version, as a comparison names a throwaway server. */
    ComparisonDatabases.ThrowawayVersion version() {
        try (Connection c = server.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT current_setting('server_version'), current_setting('server_version_num')")) {
            rs.next();
            return new ComparisonDatabases.ThrowawayVersion(
                    rs.getString(1), rs.getString(2), "embedded PostgreSQL " + rs.getString(1));
        } catch (SQLException e) {
            throw new MigrateException("Could not read the embedded PostgreSQL's version: " + e.getMessage(), e);
        }
    }

    /**
     * A throwaway "server" for a comparison: databases of their own on this server, dropped when it
     * is closed (a server start takes a second or more).
     */
    ComparisonDatabases.ThrowawayServer throwaway() {
        TestDatabase first = createDatabase();
        return new ComparisonDatabases.ThrowawayServer() {
            private final List<String> more = new ArrayList<>();

            @Override
            public DataSource dataSource() {
                return first.dataSource();
            }

            @Override
            public DataSource createDatabase(String name) {
                String database = first.name() + "_" + name;
                DataSource created = server.createDatabase(database);
                more.add(database);
                return created;
            }

            @Override
            public boolean startedByMigrate() {
                return true;
            }

            @Override
            public void close() {
                more.forEach(database -> execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
                first.close();
            }
        };
    }

    private void execute(String sql) {
        try (Connection c = server.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new MigrateException("The embedded PostgreSQL refused " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** A database of the server and how to drop it. */
    record TestDatabase(String name, DataSource dataSource, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }
}
