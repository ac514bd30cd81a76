package dev.migrate.testing;

import dev.migrate.cluster.ClusterTemplate;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server of its own for one test class, which the tests may crash and start again on the
 * same port and data, as a server restart does to a migration in the middle of a statement. The shared
 * server of {@link TestPostgres} serves every other test of the JVM and must never go away.
 */
public final class RestartablePostgres implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Path data;
    private final Map<String, String> settings;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path data, Map<String, String> settings, EmbeddedPostgres server) {
        this.data = data;
        this.settings = settings;
        this.server = server;
    }

    /** Starts a server with {@code settings} (postgresql.conf names and values) from the kept cluster. */
    public static RestartablePostgres start(Map<String, String> settings) {
        try {
            Path data = Files.createTempDirectory("migrate-test-restartable-");
            boolean initdb = !TestPostgres.copyKeptCluster(data);
            return new RestartablePostgres(
                    data, settings, builder(data, settings, null, initdb).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a restartable PostgreSQL server", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(
            Path data, Map<String, String> settings, @Nullable Integer port, boolean initdb) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(initdb)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // a crash keeps what the operating system was given: fsync is not needed, but every commit
                // must reach it before its client hears of it, as on a production server
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "on");
        if (port != null) {
            builder.setPort(port);
        }
        settings.forEach(builder::setServerConfig);
        return builder;
    }

    public int port() {
        return server.getPort();
    }

    /** A new, empty database on this server. */
    public DataSource freshDatabase(String prefix) {
        String name = (prefix + "_" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        execute("postgres", "CREATE DATABASE " + name);
        return dataSource(name);
    }

    /** A database of this server, logged in as {@code postgres}. */
    public DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(database);
        ds.setUser("postgres");
        return ds;
    }

    /** Runs statements in autocommit on {@code database}, as {@code postgres}. */
    public void execute(String database, String... statements) {
        try (Connection c = dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the server the way a crash or {@code pg_ctl stop -m immediate} does (every session ends at
     * once, nothing is rolled back or written first), then starts it again on the same port and data,
     * where it recovers from its log as after a power cut.
     */
    public void crashAndRestart() {
        int port = port();
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            // SIGQUIT is PostgreSQL's immediate shutdown
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -QUIT " + pid + " failed");
            }
            ProcessHandle.of(pid)
                    .ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
            // releases the data directory's lock; its pg_ctl stop finds no server and says so
            server.close();
            server = builder(data, settings, port, false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart the PostgreSQL server in " + data, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        ClusterTemplate.delete(data);
    }
}
