package dev.migrate.servers;

import dev.migrate.MigrateException;
import dev.migrate.cluster.ClusterTemplate;
import dev.migrate.cluster.ThrowawayPlace;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway server started from a {@link PostgresInstallation} with {@code initdb} and {@code pg_ctl}, as the
 * embedded ones are, into a directory of its own (under {@code target/} for a build), listening on the loopback
 * address only (TCP, no Unix socket) with trust authentication, durability off; stopped and deleted when closed.
 * PostgreSQL refuses to run as root, so when this JVM runs as root the programs run as the {@code postgres} user,
 * which owns the directory.
 *
 * <pre>{@code
 * try (ThrowawayServer server = InstalledThrowaway.start(installation, directory)) {
 *     replay(server.dataSource());
 * }
 * }</pre>
 */
public final class InstalledThrowaway implements ThrowawayServer {
    private final PostgresInstallation installation;
    private final Path directory;
    private final int port;
    private final boolean asPostgres;

    private InstalledThrowaway(PostgresInstallation installation, Path directory, int port, boolean asPostgres) {
        this.installation = installation;
        this.directory = directory;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /**
     * Creates a cluster in {@code directory} (which must not exist or be empty) and starts it; the server's own
     * output goes to {@code server.log} there.
     */
    public static InstalledThrowaway start(PostgresInstallation installation, Path directory) {
        return start(installation, directory, freePort());
    }

    /**
     * Creates a cluster in {@code directory} and starts it on {@code port}, for a server whose address is known
     * before it starts (a build's setup script passes it to the goals that follow); its data is in {@code
     * directory/data}, whose {@code postmaster.pid} names the server to stop.
     *
     * <pre>{@code
     * InstalledThrowaway.start(installation, Path.of("target/it-installed"), 25679);
     * }</pre>
     */
    public static InstalledThrowaway start(PostgresInstallation installation, Path directory, int port) {
        boolean asPostgres = "root".equals(System.getProperty("user.name"));
        Path data = directory.toAbsolutePath().resolve("data");
        InstalledThrowaway server = new InstalledThrowaway(installation, directory.toAbsolutePath(), port, asPostgres);
        try {
            Files.createDirectories(data);
            if (asPostgres) {
                UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(server.directory, users.lookupPrincipalByName("postgres"));
                Files.setOwner(data, users.lookupPrincipalByName("postgres"));
            }
            server.run(
                    "initdb",
                    "-D",
                    data.toString(),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-sync",
                    "--locale=C");
            // no Unix socket (-k ''): its path, the directory's and .s.PGSQL.<port>, outgrows the 107 bytes a socket
            // path may have in a project's target/ (it fails to start), and clients connect over TCP anyway
            StringBuilder options = new StringBuilder("-p " + server.port + " -c listen_addresses=127.0.0.1 -k ''"
                    + " -c autovacuum=off -c max_locks_per_transaction=4096 -c "
                    + MigratorTools.OWN_SERVER_SETTING + "=on");
            ThrowawayPlace.SERVER_SETTINGS.forEach(
                    (k, v) -> options.append(" -c ").append(k).append('=').append(v));
            server.run(
                    "pg_ctl",
                    "-D",
                    data.toString(),
                    "-o",
                    options.toString(),
                    "-l",
                    server.directory.resolve("server.log").toString(),
                    "-w",
                    "-t",
                    "120",
                    "start");
        } catch (IOException | RuntimeException e) {
            server.deleteQuietly();
            throw new MigrateException(
                    "Could not start a throwaway PostgreSQL " + installation.version() + " from " + installation.bin()
                            + " in " + directory + ": " + e.getMessage() + ". Check that the directory is writable"
                            + (asPostgres
                                    ? " and reachable by the postgres user (PostgreSQL will not run as root)"
                                    : "")
                            + ".",
                    e);
        }
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new MigrateException("Could not find a free port for a throwaway PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Runs one of the installation's programs, as the postgres user when this JVM is root. */
    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(installation.bin().resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
    }

    /** The installation it runs from. */
    public PostgresInstallation installation() {
        return installation;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    @Override
    public DataSource dataSource() {
        return database("postgres");
    }

    /** Its database {@code name}, as user {@code postgres}. */
    public DataSource database(String name) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(name);
        source.setUser("postgres");
        return source;
    }

    @Override
    public DataSource createDatabase(String name) {
        try (Connection c = dataSource().getConnection()) {
            ThrowawayPlace.createDatabase(c, name);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not create the database " + name + " on the throwaway PostgreSQL in " + directory + ": "
                            + e.getMessage(),
                    e);
        }
        return database(name);
    }

    @Override
    public boolean startedByMigrate() {
        return true;
    }

    @Override
    public void close() {
        try {
            run("pg_ctl", "-D", directory.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            deleteQuietly();
        }
    }

    private void deleteQuietly() {
        try {
            ClusterTemplate.delete(directory);
        } catch (IOException e) {
            // nothing there to delete, or a file held open: the directory is under target/, which mvn clean empties
        }
    }
}
