package dev.migrate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL for the src-it verify and setup scripts.
 *
 * <p>A server started in a setup script must be stopped in the verify script, which may run with
 * another class loader; so a server is found again through its data directory's
 * {@code postmaster.pid}, not through an object kept in memory.
 */
public final class ItDatabase {
    /** The user the builds log in as, with password authentication (the superuser {@code postgres} is trusted). */
    public static final String USER = "app";

    private ItDatabase() {}

    /**
     * Starts a server on {@code port} with its data in {@code <basedir>/target/it-server}, a database
     * {@code app} owned by {@code app} whose password is {@code password}, and password checks for
     * every user but {@code postgres}. Projects use fixed ports below 32768, clear of the ephemeral
     * range that other embedded servers and client sockets are given, so two ITs running side by
     * side cannot take each other's port.
     */
    public static void start(File basedir, int port, String password) throws IOException, SQLException {
        Path data = basedir.toPath().resolve("target/it-server");
        EmbeddedPostgres server = passwordChecked(data, port).start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            s.execute("CREATE DATABASE app OWNER " + USER);
        }
        // The server outlives this object on purpose: stop(basedir) ends it by its pid.
    }

    /**
     * A server with its data in {@code data}, its log beside it, password checks for every user
     * but {@code postgres}, and no shutdown hook (whoever starts it stops it).
     */
    public static EmbeddedPostgres.Builder passwordChecked(Path data, int port) throws IOException {
        Files.createDirectories(data);
        TestPostgres.copyKeptCluster(data); // where it cannot, the launcher runs initdb
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                        data.resolveSibling("it-server.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                        data.resolveSibling("it-server.log").toFile()))
                .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
    }

    private static void writeHba(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host replication postgres 127.0.0.1/32 trust
                    host replication postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Starts a hot standby of the server {@link #start} left running for {@code basedir}, on {@code
     * port}, with its data in {@code <basedir>/target/it-standby}. It starts from a base backup taken
     * with the low-level API (the embedded binaries have no pg_basebackup): {@code pg_backup_start}, a
     * copy of the running primary's data directory, and the backup label {@code pg_backup_stop}
     * returns; then {@code standby.signal} and a {@code primary_conninfo} make it stream from the
     * primary, so {@code pg_is_in_recovery()} is true and it serves read-only sessions. {@link #stop}
     * ends it too.
     */
    public static void startStandby(File basedir, int primaryPort, int port) throws IOException, SQLException {
        Path primaryData = basedir.toPath().resolve("target/it-server");
        Path data = basedir.toPath().resolve("target/it-standby");
        Files.createDirectories(data);
        // PostgreSQL starts only on a data directory its owner alone may enter
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + primaryPort + "/postgres", "postgres", "")) {
            TestPostgres.baseBackupForStandby(c, primaryPort, primaryData, data);
        }
        EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setServerConfig("hot_standby", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                        data.resolveSibling("it-standby.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                        data.resolveSibling("it-standby.log").toFile()))
                .start();
        // The server outlives this object on purpose: stop(basedir) ends it by its pid.
    }

    /**
     * Stops the server that {@link #start} left running for {@code basedir}, and its standby when
     * {@link #startStandby} started one, waiting for each to exit.
     */
    public static void stop(File basedir) throws IOException {
        stopServer(basedir.toPath().resolve("target/it-standby/postmaster.pid"));
        stopServer(basedir.toPath().resolve("target/it-server/postmaster.pid"));
    }

    /**
     * Stops the server whose data is in {@code dataDirectory}, whoever started it (such as a server of a PostgreSQL
     * installation a setup script started with {@code InstalledThrowaway}), waiting for it to exit; nothing when
     * none runs there.
     */
    public static void stopServerOn(Path dataDirectory) throws IOException {
        stopServer(dataDirectory.resolve("postmaster.pid"));
    }

    private static void stopServer(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy(); // SIGTERM: PostgreSQL's smart shutdown
            process.onExit()
                    .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .join();
        });
    }

    /** The first column of each row {@code sql} returns, as text, on a running server. */
    public static List<String> query(String jdbcUrl, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Each row {@code sql} returns, its columns as text, on a running server: for comparing two catalogs. */
    public static List<List<String>> rows(String jdbcUrl, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Runs each statement as {@code postgres} on a running server, in autocommit. */
    public static void execute(String jdbcUrl, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * Runs {@code sql} on the embedded database a goal left in {@code dataDirectory}
     * ({@code target/migrate/pgdata}), starting and stopping a server for it.
     */
    public static List<String> queryEmbedded(File dataDirectory, String sql) throws IOException, SQLException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                .start()) {
            return query("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", sql);
        }
    }
}
