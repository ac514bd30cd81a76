package dev.migrate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL server per test JVM, and a fresh database for each caller.
 * Creating a database is cheap (tens of milliseconds); starting a server is not.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestPostgres() {}

    private static final class Holder {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("max_locks_per_transaction", "1024")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the data directory is temporary
                    }
                }));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
        }
    }

    /** A PostgreSQL 13 server, for behaviour that differs by version; its binaries are copied by the build. */
    private static final class Postgres13 {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            Path jar = Path.of("target/postgres-binaries/postgres-13.jar");
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setPgBinaryResolver((system, architecture) -> {
                            ZipFile zip = new ZipFile(jar.toFile());
                            ZipEntry archive = zip.stream()
                                    .filter(e -> e.getName().endsWith(".txz"))
                                    .findFirst()
                                    .orElseThrow(() -> new IOException(jar + " holds no PostgreSQL archive"));
                            return new FilterInputStream(zip.getInputStream(archive)) {
                                @Override
                                public void close() throws IOException {
                                    super.close();
                                    zip.close();
                                }
                            };
                        })
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the data directory is temporary
                    }
                }));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL 13 server from " + jar, e);
            }
        }
    }

    /**
     * A fresh database on a server of {@code major} version: 18 (the build's own) or 13.
     */
    public static DataSource freshDatabase(int major, String prefix) {
        if (major == 18) {
            return freshDatabase(prefix);
        }
        if (major != 13) {
            throw new IllegalArgumentException("No PostgreSQL " + major + " server for tests; 13 and 18 exist");
        }
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet()).toLowerCase();
        try (Connection c = Postgres13.SERVER.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {Postgres13.SERVER.getPort()});
        ds.setDatabaseName(name);
        ds.setUser("postgres");
        return ds;
    }

    /** The port of the shared server. */
    public static int port() {
        return Holder.SERVER.getPort();
    }

    /** Creates a new, empty database and returns its name. */
    public static String createDatabase(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet()).toLowerCase();
        try (Connection c = Holder.SERVER.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return name;
    }

    /** A fresh database, as a DataSource. */
    public static DataSource freshDatabase(String prefix) {
        return dataSource(createDatabase(prefix));
    }

    public static DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(database);
        ds.setUser("postgres");
        return ds;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
    }
}
