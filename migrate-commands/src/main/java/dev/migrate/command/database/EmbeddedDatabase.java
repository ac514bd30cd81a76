package dev.migrate.command.database;

import dev.migrate.MigrateException;
import dev.migrate.autogen.ComparisonDatabases;
import dev.migrate.cluster.ClusterTemplate;
import dev.migrate.cluster.ThrowawayPlace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * The PostgreSQL server a goal uses when no URL is configured: started inside the goal, stopped
 * at its end, with its data kept in a directory (by default {@code target/migrate/pgdata}) so that
 * {@code mvn migrate:upgrade} followed by {@code mvn migrate:current} sees the upgraded state; and the
 * throwaway servers of the goals that replay migrations. Every face starts them with this launcher; how
 * the binaries jar is found is the face's ({@link EmbeddedServers#binariesJar}).
 */
final class EmbeddedDatabase implements ComparisonDatabases.ThrowawayServer {
    /** How long a starting server may take to accept connections. */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(1);

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    /** Whether the data directory goes when the server stops: a throwaway server's. */
    private final boolean throwaway;

    static {
        // the goal says in one line which server it uses; the launcher's own start-up chatter (through
        // SLF4J's simple logger, Maven's and the command line's, which read per-logger levels from
        // system properties) is noise
        String level = "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres";
        if (System.getProperty(level) == null) {
            System.setProperty(level, "warn");
        }
    }

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory, boolean throwaway) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.throwaway = throwaway;
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
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not create the embedded PostgreSQL's data directory " + dataDirectory + ": " + e.getMessage()
                            + ". Check that the build directory is writable.",
                    e);
        }
        return start(
                builder(dataDirectory, binariesJar, serverLog),
                dataDirectory,
                binariesJar,
                serverLog,
                false,
                "; if the data directory is damaged, delete it (mvn clean) to start afresh");
    }

    /**
     * Starts a server on {@code dataDirectory}, fresh and empty (ThrowawayPlace says where),
     * that is deleted when it stops: for goals that replay the migrations on a database nobody keeps.
     * Durability is switched off, since nothing on it outlives the goal, and so is autovacuum, whose
     * workers would take the processor from the replay to tidy catalogs that are thrown away; its
     * write-ahead log is kept small, as it may live in memory.
     */
    static EmbeddedDatabase startThrowaway(Path dataDirectory, Path binariesJar, Path serverLog) {
        EmbeddedPostgres.Builder builder = builder(dataDirectory, binariesJar, serverLog)
                .setServerConfig("max_locks_per_transaction", "4096")
                .setServerConfig("autovacuum", "off");
        ThrowawayPlace.SERVER_SETTINGS.forEach(builder::setServerConfig);
        return start(builder, dataDirectory, binariesJar, serverLog, true, "");
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, Path binariesJar, Path serverLog) {
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
        return EmbeddedPostgres.builder()
                // a busy machine (a CI runner building in parallel) can take longer than the launcher's 10 s
                .setPGStartupWait(STARTUP_WAIT)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPgBinaryResolver(fromJar(binariesJar))
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog);
    }

    /**
     * Starts the server, its data directory copied from the cluster kept for these binaries when it
     * holds none yet ({@link ClusterTemplate}: a copy in place of an initdb per start).
     */
    private static EmbeddedDatabase start(
            EmbeddedPostgres.Builder builder,
            Path dataDirectory,
            Path binariesJar,
            Path serverLog,
            boolean throwaway,
            String advice) {
        String copiedFrom = "";
        try {
            Files.createDirectories(serverLog.getParent());
            Path kept = ClusterTemplate.kept()
                    .copyInto(
                            dataDirectory,
                            binariesJar.getFileName() + "-" + Files.size(binariesJar),
                            empty -> builder(empty, binariesJar, serverLog)
                                    .start()
                                    .close());
            if (kept != null) {
                copiedFrom = "; its data was copied from the initialized cluster kept in " + kept
                        + ", which is made again when deleted";
            }
            return new EmbeddedDatabase(
                    ThrowawayPlace.startServedFrom(
                            dataDirectory, () -> builder.setPort(0).start(), EmbeddedPostgres::getPostgresDatabase),
                    dataDirectory,
                    throwaway);
        } catch (IOException | RuntimeException e) {
            throw new MigrateException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage() + ". See "
                            + serverLog + advice + copiedFrom + ".",
                    e);
        }
    }

    @Override
    public DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    @Override
    public boolean startedByMigrate() {
        return true;
    }

    /** Creates another database on this server, for work that needs one of its own. */
    @Override
    public DataSource createDatabase(String name) {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not create the database " + name + " on the embedded PostgreSQL in " + dataDirectory + ": "
                            + e.getMessage(),
                    e);
        }
        return server.getDatabase("postgres", name);
    }

    /** Serves the {@code .txz} archive inside a binaries jar, whatever platform zonky asks for. */
    private static PgBinaryResolver fromJar(Path jar) {
        return (system, architecture) -> {
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry archive = zip.stream()
                    .filter(e -> e.getName().endsWith(".txz"))
                    .findFirst()
                    .orElse(null);
            if (archive == null) {
                zip.close();
                throw new IOException("The jar " + jar + " holds no PostgreSQL archive (.txz).");
            }
            return new FilterInputStream(zip.getInputStream(archive)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        };
    }

    @Override
    public void close() {
        try {
            server.close();
            if (throwaway) {
                ClusterTemplate.delete(dataDirectory);
            }
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not stop the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }
}
