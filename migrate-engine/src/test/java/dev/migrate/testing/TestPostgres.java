package dev.migrate.testing;

import dev.migrate.cluster.ClusterTemplate;
import dev.migrate.cluster.ThrowawayPlace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Embedded PostgreSQL servers for tests, and a fresh database for each caller. Creating a database is
 * cheap (tens of milliseconds); starting a server is not, so each server starts on first use and
 * serves the whole test JVM.
 *
 * <p>The default server comes from the binaries on the test class path (PostgreSQL 18 unless the
 * build says otherwise). Tests whose answer depends on the server version run on every major in
 * {@link #majors()}; a server of another major starts from the binaries the module's build copies
 * to {@code target/postgres-binaries/postgres-<major>.jar}.
 */
public final class TestPostgres {
    /** The majors with embedded binaries, oldest first. */
    public static final List<Integer> ALL_MAJORS = List.of(13, 14, 15, 16, 17, 18);

    /** Restricts {@link #majors()}, e.g. {@code -Dmigrate.test.majors=18} or {@code 13,18}. */
    public static final String MAJORS_PROPERTY = "migrate.test.majors";

    private static final Path BINARIES = Path.of("target", "postgres-binaries");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Servers of a major other than the default one's, started on first use. */
    private static final Map<Integer, CompletableFuture<EmbeddedPostgres>> OTHER_MAJORS = new ConcurrentHashMap<>();

    private TestPostgres() {}

    private static final class Holder {
        static final EmbeddedPostgres SERVER =
                start(EmbeddedPostgres::builder, defaultBinaries(), "the embedded PostgreSQL server");
        static final int MAJOR = majorOf(SERVER);
    }

    /**
     * The majors that version-dependent tests run on: all of {@link #ALL_MAJORS}, or those named by
     * the system property {@value #MAJORS_PROPERTY} (comma-separated) for a faster local run.
     */
    public static List<Integer> majors() {
        return majors(System.getProperty(MAJORS_PROPERTY));
    }

    /** The first and the last of {@link #majors()} (one major when only one is chosen). */
    public static List<Integer> oldestAndNewestMajors() {
        return oldestAndNewest(majors());
    }

    /** Those of {@link #majors()} with {@code DETACH PARTITION ... CONCURRENTLY}, which came in PostgreSQL 14. */
    public static List<Integer> majorsWithConcurrentDetach() {
        return majors().stream().filter(major -> major >= 14).toList();
    }

    static List<Integer> oldestAndNewest(List<Integer> majors) {
        return majors.stream()
                .filter(m -> m.equals(majors.get(0)) || m.equals(majors.get(majors.size() - 1)))
                .toList();
    }

    static List<Integer> majors(String property) {
        if (property == null || property.isBlank()) {
            return ALL_MAJORS;
        }
        List<Integer> chosen = Arrays.stream(property.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    if (!s.matches("\\d+") || !ALL_MAJORS.contains(Integer.parseInt(s))) {
                        throw new IllegalArgumentException("-D" + MAJORS_PROPERTY + "=" + property + " names '" + s
                                + "', which is not a PostgreSQL major with embedded binaries; use some of "
                                + ALL_MAJORS + ", comma-separated, or leave the property out to run on all.");
                    }
                    return Integer.parseInt(s);
                })
                .distinct()
                .sorted()
                .toList();
        return chosen.isEmpty() ? ALL_MAJORS : chosen;
    }

    /** The major version of the default server, e.g. {@code 18}. */
    public static int defaultMajor() {
        return Holder.MAJOR;
    }

    /** A fresh database on a server of {@code major} version (one of {@link #ALL_MAJORS}). */
    public static DataSource freshDatabase(int major, String prefix) {
        EmbeddedPostgres server = server(major);
        return dataSource(server.getPort(), createDatabase(server, prefix));
    }

    /** The port of the default server. */
    public static int port() {
        return Holder.SERVER.getPort();
    }

    /** Creates a new, empty database on the default server and returns its name. */
    public static String createDatabase(String prefix) {
        return createDatabase(Holder.SERVER, prefix);
    }

    /** A fresh database on the default server, as a DataSource. */
    public static DataSource freshDatabase(String prefix) {
        return dataSource(createDatabase(prefix));
    }

    /** A database of the default server. */
    public static DataSource dataSource(String database) {
        return dataSource(port(), database);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
    }

    // the other majors start in the background here; each is joined when a test asks for it
    @SuppressWarnings("FutureReturnValueIgnored")
    private static EmbeddedPostgres server(int major) {
        if (!ALL_MAJORS.contains(major)) {
            throw new IllegalArgumentException("No PostgreSQL " + major
                    + " server for tests: the majors with embedded binaries are " + ALL_MAJORS);
        }
        if (major == Holder.MAJOR) {
            return Holder.SERVER;
        }
        // a test on one other major is followed by tests on the others: start them all now, so
        // that their starts overlap (most of a start is initdb waiting on the disk)
        majors().stream().filter(m -> m != Holder.MAJOR).forEach(TestPostgres::starting);
        try {
            return starting(major).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static CompletableFuture<EmbeddedPostgres> starting(int major) {
        return OTHER_MAJORS.computeIfAbsent(
                major,
                m -> CompletableFuture.supplyAsync(() -> startFromCopiedBinaries(m), task -> {
                    Thread starter = new Thread(task, "PostgreSQL " + m + " start");
                    starter.setDaemon(true);
                    starter.start();
                }));
    }

    private static EmbeddedPostgres startFromCopiedBinaries(int major) {
        Path jar = BINARIES.resolve("postgres-" + major + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No PostgreSQL " + major + " binaries at " + jar.toAbsolutePath()
                    + ": the module's pom copies them in generate-test-resources (declare maven-dependency-plugin"
                    + " in its build plugins, as migrate-engine does) and a test run from Maven has them.");
        }
        EmbeddedPostgres server;
        try {
            server = start(
                    () -> EmbeddedPostgres.builder().setPgBinaryResolver((system, architecture) -> archive(jar)),
                    jar.getFileName() + "-" + Files.size(jar),
                    "the embedded PostgreSQL " + major + " server from " + jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int actual = majorOf(server);
        if (actual != major) {
            throw new IllegalStateException(jar + " holds PostgreSQL " + actual + ", not " + major
                    + ": the module's pom copies the wrong binaries under that name.");
        }
        return server;
    }

    /** The {@code .txz} archive inside a binaries jar, whatever platform zonky asks for. */
    private static FilterInputStream archive(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry archive = zip.stream()
                .filter(e -> e.getName().endsWith(".txz"))
                .findFirst()
                .orElse(null);
        if (archive == null) {
            zip.close();
            throw new IOException(jar + " holds no PostgreSQL archive (.txz)");
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
    }

    /** The binaries on the test class path, as {@link ClusterTemplate} keys them; null when it names none. */
    private static @Nullable String defaultBinaries() {
        return ClusterTemplate.classPathBinaries(TestPostgres.class.getClassLoader());
    }

    /**
     * Fills the empty directory {@code data} with a copy of the cluster kept for the default binaries, as
     * the plugin's servers start; false where the binaries cannot be named, and the server runs initdb.
     */
    static boolean copyKeptCluster(Path data) throws IOException {
        return copyKeptCluster(data, defaultBinaries(), EmbeddedPostgres::builder);
    }

    /** The same for {@code binaries}, whose kept cluster, when there is none yet, {@code builder}'s initdb makes. */
    private static boolean copyKeptCluster(
            Path data, @Nullable String binaries, Supplier<EmbeddedPostgres.Builder> builder) throws IOException {
        if (binaries == null) {
            return false;
        }
        ClusterTemplate.kept()
                .copyInto(
                        data,
                        binaries,
                        empty -> builder.get()
                                .setDataDirectory(empty)
                                .setCleanDataDirectory(false)
                                .start()
                                .close());
        return true;
    }

    /**
     * Starts a server whose data nobody keeps, so durability is off, and stops it when the JVM exits;
     * its data directory is a copy of the cluster kept for {@code binaries}, as the plugin's servers'.
     */
    private static EmbeddedPostgres start(
            Supplier<EmbeddedPostgres.Builder> builder, @Nullable String binaries, String what) {
        try {
            // in memory where the machine has room, as the plugin's throwaway servers: the tests create
            // thousands of databases, each some hundreds of files, and on a virtual machine's disk making
            // a file is most of what they cost (the engine's tests: 56 s there, 77 s on disk; autogen's: 76 s, 110 s)
            Path data = ThrowawayPlace.ofThisMachine()
                    .newDataDirectory(Path.of(System.getProperty("java.io.tmpdir"), "migrate-test-pg"));
            boolean copied = copyKeptCluster(data, binaries, builder);
            EmbeddedPostgres.Builder server = builder.get()
                    .setDataDirectory(data)
                    .setRegisterShutdownHook(false) // stopped by the hook below, at once
                    // binaries nobody can name get no kept cluster: the launcher runs initdb
                    .setCleanDataDirectory(!copied)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("max_locks_per_transaction", "1024")
                    // nothing on it outlives the JVM, and its thousands of databases would each get a worker
                    // every minute: a test that needs statistics runs ANALYZE
                    .setServerConfig("autovacuum", "off");
            ThrowawayPlace.SERVER_SETTINGS.forEach(server::setServerConfig);
            EmbeddedPostgres pg = ThrowawayPlace.startServedFrom(
                    data, () -> server.setPort(0).start(), EmbeddedPostgres::getPostgresDatabase);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAtExit(pg, data)));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + what, e);
        }
    }

    /**
     * Stops a server whose data is thrown away as the JVM exits: an immediate shutdown ({@code SIGQUIT} to
     * the postmaster), which neither waits for the test's open connections nor writes the checkpoint a
     * fast one does. Under load a fast shutdown of every major's server outlasted the half minute
     * Surefire gives a test JVM to exit, and the JVM was killed. Where no signal can be sent, the fast one.
     */
    private static void stopAtExit(EmbeddedPostgres pg, Path data) {
        try {
            Optional<ProcessHandle> postmaster = postmaster(data);
            if (postmaster.isPresent() && signal("QUIT", postmaster.get().pid())) {
                postmaster.get().onExit().get(10, TimeUnit.SECONDS);
            } else {
                pg.close();
            }
            ClusterTemplate.delete(data);
        } catch (IOException | ExecutionException | TimeoutException e) {
            // the JVM is exiting; the data directory is temporary
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The postmaster of {@code data}, from the first line of its {@code postmaster.pid}. */
    private static Optional<ProcessHandle> postmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty()
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    }

    private static boolean signal(String signal, long pid) throws InterruptedException {
        if (System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        try {
            return new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes {@code standby} (an empty directory) a hot standby's data of the running primary {@code
     * primary} connects to, whose data is {@code primaryData}: a base backup taken with the low-level
     * API (the embedded binaries have no pg_basebackup), that is {@code pg_backup_start}, a copy of the
     * running primary's files and the backup label {@code pg_backup_stop} returns; then {@code
     * standby.signal} and a {@code primary_conninfo} to {@code primaryPort}, so that the server started on
     * it streams from the primary and serves read-only sessions.
     */
    public static void baseBackupForStandby(Connection primary, int primaryPort, Path primaryData, Path standby)
            throws IOException, SQLException {
        try (Statement s = primary.createStatement()) {
            s.execute("SELECT pg_backup_start('migrate standby', true)");
            copyRunningCluster(primaryData, standby);
            try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(standby.resolve("backup_label"), rs.getString(1));
            }
        }
        Files.writeString(standby.resolve("standby.signal"), "");
        Files.writeString(
                standby.resolve("postgresql.auto.conf"),
                "\nprimary_conninfo = 'host=localhost port=" + primaryPort + " user=postgres'\n",
                StandardOpenOption.APPEND);
    }

    /** The files of a running cluster, as a base backup takes them: the server's lock file stays behind. */
    private static void copyRunningCluster(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                String name = relative.toString();
                if (name.equals("postmaster.pid") || name.equals("postmaster.opts")) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException removedWhileCopying) {
                        // a temporary file the primary removed meanwhile; the log it replays covers it
                    }
                }
            }
        }
    }

    /**
     * A server of the default binaries of its own, for a test that stops, copies or reconfigures it;
     * the caller closes it. Its durability is PostgreSQL's default, since a test may copy its files.
     *
     * @param data the data directory: an empty one gets a copy of the kept cluster, one that holds a
     *     cluster (a copied data directory, a base backup) is started as it is
     * @param settings server settings, e.g. {@code hot_standby=on}
     */
    public static EmbeddedPostgres ownServer(Path data, Map<String, String> settings) throws IOException {
        boolean empty;
        try (Stream<Path> files = Files.list(data)) {
            empty = files.findAny().isEmpty();
        }
        boolean initdb = empty && !copyKeptCluster(data);
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(initdb)
                .setServerConfig("max_connections", "20");
        settings.forEach(server::setServerConfig);
        return server.start();
    }

    private static int majorOf(EmbeddedPostgres server) {
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            return c.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the version of the embedded PostgreSQL server", e);
        }
    }

    private static String createDatabase(EmbeddedPostgres server, String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase(Locale.ROOT);
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            ThrowawayPlace.createDatabase(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return name;
    }

    private static DataSource dataSource(int port, String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser("postgres");
        return ds;
    }

    /** The first column of each row {@code sql} returns on {@code db}, as text. */
    public static List<String> query(DataSource db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Runs {@code statements} on {@code db}, one after another, in autocommit. */
    public static void execute(DataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
