package dev.migrate.maven.bench;

import dev.migrate.testing.ItDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server the benchmarks run against, with PostgreSQL's default settings and password
 * authentication over TCP: the embedded PostgreSQL 18 they start, or a server of the user's given by
 * {@code -Dbench.server=jdbc:postgresql://host:port/postgres?user=postgres&password=...} (a superuser's
 * URL; a stock Debian PostgreSQL, for instance). The role the commands log in as is created on it.
 */
final class BenchServer implements AutoCloseable {
    static final String PASSWORD = "bench-pw";
    private static final Pattern HOST_AND_PORT = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/.*");

    private final String host;
    private final int port;
    private final String adminUrl;
    private final EmbeddedPostgres embedded;

    private BenchServer(String host, int port, String adminUrl, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.adminUrl = adminUrl;
        this.embedded = embedded;
    }

    /** The server {@code -Dbench.server} names, else an embedded one started in {@code data} on {@code port}. */
    static BenchServer start(Path data, int port) throws Exception {
        String given = System.getProperty("bench.server", "");
        BenchServer server;
        if (given.isBlank()) {
            // PostgreSQL's defaults: the embedded launcher starts servers with fsync off unless told
            EmbeddedPostgres embedded = ItDatabase.passwordChecked(data, port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
            server = new BenchServer("localhost", port, null, embedded);
        } else {
            Matcher m = HOST_AND_PORT.matcher(given);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "-Dbench.server=" + given.replaceAll("password=[^&]*", "password=***")
                                + " is not a JDBC URL of the form jdbc:postgresql://host:port/postgres?user=...&password=...");
            }
            server = new BenchServer(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), given, null);
        }
        try (Connection c = server.admin();
                Statement s = c.createStatement()) {
            String role = ItDatabase.USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'";
            s.execute("DO $$BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ItDatabase.USER
                    + "') THEN ALTER ROLE " + role + "; ELSE CREATE ROLE " + role + "; END IF; END$$");
        }
        return server;
    }

    /** A superuser's connection to the {@code postgres} database. */
    Connection admin() throws SQLException {
        return admin("postgres");
    }

    /** A superuser's connection to {@code database}. */
    Connection admin(String database) throws SQLException {
        return embedded != null
                ? embedded.getDatabase("postgres", database).getConnection()
                : DriverManager.getConnection(adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"));
    }

    /** The JDBC URL of {@code database}, without credentials. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** {@code postgresql://user:password@host:port/database}, as the commands take it. */
    String url(String database) {
        return "postgresql://" + ItDatabase.USER + ":" + PASSWORD + "@" + host + ":" + port + "/" + database;
    }

    String version() throws SQLException {
        try (Connection c = admin();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1) + (embedded != null ? " (embedded)" : " at " + host + ":" + port);
        }
    }

    void recreate(String database) throws SQLException {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " OWNER " + ItDatabase.USER);
        }
    }

    /**
     * The server writes out what the commands before left in its buffers, its autovacuum finishes
     * tidying the catalogs they grew (for up to a minute), and the machine flushes its own: what is
     * timed next does not share the processor with work left over from the step before.
     */
    void quiet() throws Exception {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            long until = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < until) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
        }
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
