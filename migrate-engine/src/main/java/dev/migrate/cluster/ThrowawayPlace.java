package dev.migrate.cluster;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Where a throwaway server keeps its data: in memory when the machine offers a RAM-backed
 * filesystem with room to spare, else on disk where the caller says.
 *
 * <p>Nothing on a throwaway server outlives the goal, and most of what replaying migrations costs
 * it is making files: every table, index, sequence and TOAST table is a file of its own, and on a
 * virtual machine's disk creating one takes the better part of a millisecond. In memory, the DDL of
 * 2,000 tables runs in about half the time. A directory a killed goal left there (its server gone)
 * is swept at the next start, since it would hold memory until the machine restarts.
 */
public final class ThrowawayPlace {
    /**
     * The settings every throwaway server runs with, whoever starts it (the plugin's goals, the
     * migration tests' server, this project's own tests): durability off, since nothing on it outlives
     * its run, and a write-ahead log kept small, since it may live in memory.
     */
    public static final Map<String, String> SERVER_SETTINGS =
            Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off", "max_wal_size", "256MB");

    /** The directory's prefix: the sweep takes nothing else. */
    static final String PREFIX = "migrate-throwaway-";
    /** The room in memory a throwaway server needs, with a margin: a replay of thousands of tables takes some hundreds of MB. */
    static final long ROOM = 2L * 1024 * 1024 * 1024;
    /** How old a directory with no running server must be before a sweep takes it: one being copied has no server yet. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final List<Path> candidates;
    private final long room;

    ThrowawayPlace(List<Path> candidates, long room) {
        this.candidates = List.copyOf(candidates);
        this.room = room;
    }

    /** This machine's RAM-backed directories: {@code /dev/shm} on Linux. */
    public static ThrowawayPlace ofThisMachine() {
        return new ThrowawayPlace(List.of(Path.of("/dev/shm")), ROOM);
    }

    /** Always on disk: for a model too large for the memory a RAM-backed filesystem has. */
    public static ThrowawayPlace onDisk() {
        return new ThrowawayPlace(List.of(), ROOM);
    }

    /**
     * The directory for a new throwaway server's data: a fresh one in memory when a candidate is a
     * {@code tmpfs} this user may write to with {@link #ROOM} free, else a fresh one below {@code onDisk}.
     */
    public Path newDataDirectory(Path onDisk) throws IOException {
        Optional<Path> memory = memory();
        if (memory.isPresent()) {
            sweep(memory.get());
            try {
                return Files.createTempDirectory(memory.get(), PREFIX);
            } catch (IOException e) {
                // full or refused meanwhile: the disk serves
            }
        }
        Files.createDirectories(onDisk);
        return Files.createTempDirectory(onDisk, "throwaway-");
    }

    private Optional<Path> memory() {
        for (Path candidate : candidates) {
            try {
                if (!Files.isDirectory(candidate) || !Files.isWritable(candidate)) {
                    continue;
                }
                FileStore store = Files.getFileStore(candidate);
                if (store.type().equals("tmpfs") && store.getUsableSpace() >= room) {
                    return Optional.of(candidate);
                }
            } catch (IOException | SecurityException e) {
                // not usable: the next candidate, or the disk
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes this user's throwaway directories in {@code memory} whose server is gone: its
     * {@code postmaster.pid} names no running process, or it has none and is older than an hour.
     */
    static void sweep(Path memory) {
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(memory, PREFIX + "*")) {
            for (Path directory : directories) {
                if (abandoned(directory)) {
                    ClusterTemplate.delete(directory);
                }
            }
        } catch (IOException | RuntimeException e) {
            // another user's, or going meanwhile: what cannot be swept now is tried again next time
        }
    }

    private static boolean abandoned(Path directory) throws IOException {
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            return false;
        }
        Optional<PostmasterPid> server = PostmasterPid.in(directory);
        if (server.isPresent()) {
            return !server.get().alive();
        }
        Instant modified = Files.getLastModifiedTime(directory).toInstant();
        return modified.isBefore(Instant.now().minus(ABANDONED));
    }

    /**
     * Whether the server behind {@code server} keeps its data in {@code dataDirectory}: that it is the server
     * started there. An embedded server's launcher picks a free port, lets it go and starts the server on it,
     * then waits for an answer on that port; a server another process started on the same port in between
     * (builds in parallel on one machine) answers instead, and would be taken for this one.
     */
    public static boolean servedFrom(DataSource server, Path dataDirectory) {
        try (Connection c = server.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW data_directory")) {
            return rs.next() && Path.of(rs.getString(1)).toRealPath().equals(dataDirectory.toRealPath());
        } catch (SQLException | IOException e) {
            return false;
        }
    }

    /** Starts a server: each call on a free port chosen anew. */
    public interface ServerStart<S extends AutoCloseable> {
        S start() throws IOException;
    }

    /**
     * Starts a server on {@code dataDirectory} with {@code start}, again (up to three times) while the server that
     * answers is not it ({@link #servedFrom}): one started by another process on the port chosen in between; the
     * one started here, if it started at all, is stopped first, the other left alone.
     *
     * @param dataSource the started server's {@code postgres} database
     * @throws IOException when starting fails, or another server answered each time
     */
    public static <S extends AutoCloseable> S startServedFrom(
            Path dataDirectory, ServerStart<S> start, Function<S, DataSource> dataSource) throws IOException {
        for (int attempt = 1; ; attempt++) {
            S server = start.start();
            if (servedFrom(dataSource.apply(server), dataDirectory)) {
                return server;
            }
            try {
                server.close();
            } catch (Exception ignored) {
                // it did not start: nothing to stop
            }
            if (attempt == 3) {
                throw new IOException(
                        "another PostgreSQL answered three times on the port chosen for the one in " + dataDirectory);
            }
        }
    }

    /**
     * Creates the empty database {@code name} on a server of migrate's own (a throwaway, the embedded one, a test's)
     * over {@code connection}: from PostgreSQL 15 on by copying the template's files, which costs such a server half
     * the processor time of the default, writing every page of the template through the write-ahead log, a log it
     * keeps no longer than its run.
     *
     * <pre>{@code
     * ThrowawayPlace.createDatabase(connection, "replay_1");
     * }</pre>
     */
    public static void createDatabase(Connection connection, String name) throws SQLException {
        String strategy = connection.getMetaData().getDatabaseMajorVersion() >= 15 ? " STRATEGY = FILE_COPY" : "";
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE DATABASE " + name + strategy);
        }
    }
}
