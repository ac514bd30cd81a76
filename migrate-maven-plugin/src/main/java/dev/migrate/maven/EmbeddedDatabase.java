package dev.migrate.maven;

import dev.migrate.MigrateException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The PostgreSQL server a goal uses when no URL is configured: started inside the goal, stopped
 * at its end, with its data kept in a directory (by default {@code target/migrate/pgdata}) so that
 * {@code mvn migrate:upgrade} followed by {@code mvn migrate:current} sees the upgraded state.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use.
     *
     * @param binariesJar a zonky binaries jar, see {@link PostgresBinaries}
     * @param serverLog where the server's own output goes, so it does not flood the build log
     */
    static EmbeddedDatabase start(Path dataDirectory, Path binariesJar, Path serverLog) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(serverLog.getParent());
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPgBinaryResolver(PostgresBinaries.fromJar(binariesJar))
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    .start();
            return new EmbeddedDatabase(server, dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw new MigrateException("Could not start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage()
                    + ". See " + serverLog + "; if the data directory is damaged, delete it (mvn clean) to start afresh.", e);
        }
    }

    /**
     * Starts a server on a fresh data directory below {@code parent} that is deleted when it stops:
     * for goals that replay the migrations on a database nobody keeps. Durability is switched off,
     * since nothing on it outlives the goal.
     */
    static EmbeddedDatabase startThrowaway(Path parent, Path binariesJar, Path serverLog) {
        Path dataDirectory;
        try {
            Files.createDirectories(parent);
            dataDirectory = Files.createTempDirectory(parent, "throwaway-");
            Files.createDirectories(serverLog.getParent());
        } catch (IOException e) {
            throw new MigrateException("Could not create a directory for the throwaway PostgreSQL in " + parent + ": "
                    + e.getMessage() + ". Check that the build directory is writable.", e);
        }
        try {
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_locks_per_transaction", "4096")
                    .setPgBinaryResolver(PostgresBinaries.fromJar(binariesJar))
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    .start();
            return new EmbeddedDatabase(server, dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw new MigrateException("Could not start the throwaway embedded PostgreSQL: " + e.getMessage()
                    + ". See " + serverLog + ".", e);
        }
    }

    DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    int port() {
        return server.getPort();
    }

    @Override public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new MigrateException("Could not stop the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }
}
