package dev.migrate.servers;

import dev.migrate.MigrateException;
import dev.migrate.cluster.ThrowawayPlace;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Throwaway embedded PostgreSQL servers, of the binaries this machine runs, for the commands that replay
 * migrations on a database nobody keeps: each starts fresh beside the embedded default's data directory (or in
 * memory, when the machine has room) and is deleted when closed.
 */
public final class EmbeddedThrowaways {
    /** The default version: a major or full binaries version; null: 18. */
    private final @Nullable String version;
    /** The data directory beside which throwaway servers start. */
    private final Path dataDirectory;
    /** Whether a throwaway server keeps its data in memory when the machine has room. */
    private final boolean inMemory;

    private final EmbeddedServers servers;
    private final Consumer<String> log;
    private final Function<Path, String> shown;

    /**
     * @param version the default version, a major or a full binaries version; null: 18
     * @param dataDirectory the data directory beside which throwaway servers start
     * @param inMemory whether a throwaway server keeps its data in memory when the machine has room
     * @param log where each start is announced
     * @param shown how a path is shown in the announcement: relative to the project when inside it
     */
    public EmbeddedThrowaways(
            @Nullable String version,
            Path dataDirectory,
            boolean inMemory,
            EmbeddedServers servers,
            Consumer<String> log,
            Function<Path, String> shown) {
        this.version = version;
        this.dataDirectory = dataDirectory;
        this.inMemory = inMemory;
        this.servers = servers;
        this.log = log;
        this.shown = shown;
    }

    /** Starts a throwaway embedded PostgreSQL of {@code version} (a major or full version), deleted when closed. */
    public ThrowawayServer start(String version) {
        PostgresBinaries binaries = PostgresBinaries.forThisMachine(version);
        Path jar = servers.binariesJar(binaries);
        Path data = dataDirectory.toAbsolutePath();
        Path parent = data.getParent() == null ? data : data.getParent();
        Path directory;
        try {
            directory = (inMemory ? ThrowawayPlace.ofThisMachine() : ThrowawayPlace.onDisk()).newDataDirectory(parent);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not create a directory for the throwaway PostgreSQL in " + parent + ": " + e.getMessage()
                            + ". Check that the build directory is writable.",
                    e);
        }
        log.accept("Starting a throwaway embedded PostgreSQL " + binaries.version() + " with its data in "
                + (directory.startsWith(parent) ? shown.apply(directory) : directory + ", in memory")
                + " (deleted when the goal ends).");
        return servers.startThrowaway(directory, jar, parent.resolve("throwaway.log"));
    }

    /** The configured database, or none, and throwaway servers of the default version or of the version asked. */
    public ComparisonDatabases comparisonDatabases(@Nullable DataSource configured) {
        return new ComparisonDatabases() {
            @Override
            public Optional<DataSource> configured() {
                return Optional.ofNullable(configured);
            }

            @Override
            public ThrowawayVersion defaultVersion() {
                return version(PostgresBinaries.forThisMachine(EmbeddedThrowaways.this.version));
            }

            @Override
            public ThrowawayVersion version(int major) {
                return version(PostgresBinaries.forThisMachine(Integer.toString(major)));
            }

            private ThrowawayVersion version(PostgresBinaries binaries) {
                return new ThrowawayVersion(binaries.version(), binaries.serverVersionNum(), binaries.coordinates());
            }

            @Override
            public ThrowawayServer start(ThrowawayVersion version) {
                return EmbeddedThrowaways.this.start(version.version());
            }
        };
    }
}
