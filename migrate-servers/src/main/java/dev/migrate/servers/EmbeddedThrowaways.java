package dev.migrate.servers;

import dev.migrate.MigrateException;
import dev.migrate.cluster.ThrowawayPlace;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

    /** The installation throwaway servers start from ({@code migrate.postgres.home}); null: the embedded binaries. */
    private final @Nullable Path postgresHome;

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
        this(version, dataDirectory, inMemory, null, servers, log, shown);
    }

    /**
     * @param postgresHome the PostgreSQL installation throwaway servers start from ({@code migrate.postgres.home});
     *     null: the embedded binaries, or an installation found on this machine when they lack an extension needed
     */
    public EmbeddedThrowaways(
            @Nullable String version,
            Path dataDirectory,
            boolean inMemory,
            @Nullable Path postgresHome,
            EmbeddedServers servers,
            Consumer<String> log,
            Function<Path, String> shown) {
        this.version = version;
        this.postgresHome = postgresHome;
        this.dataDirectory = dataDirectory;
        this.inMemory = inMemory;
        this.servers = servers;
        this.log = log;
        this.shown = shown;
    }

    /** Starts a throwaway embedded PostgreSQL of {@code version} (a major or full version), deleted when closed. */
    public ThrowawayServer start(String version) {
        return start(version, choice(Set.of(), version));
    }

    /** Where a throwaway server of {@code version} that has {@code needed} comes from. */
    private ExtensionServers.Choice choice(Set<String> needed, @Nullable String version) {
        if (postgresHome == null && PostgresBinaries.contribCarries(needed)) {
            // the embedded binaries carry PostgreSQL's contrib modules: nothing to look for, nothing to unpack
            return new ExtensionServers.Choice.Embedded();
        }
        PostgresBinaries binaries = PostgresBinaries.forThisMachine(version);
        Set<String> embedded =
                needed.isEmpty() ? Set.of() : NeededExtensions.inBinariesJar(servers.binariesJar(binaries));
        return ExtensionServers.choose(
                needed, embedded, binaries.version(), postgresHome, PostgresInstallation.find(postgresHome));
    }

    private ThrowawayServer start(@Nullable String version, ExtensionServers.Choice choice) {
        Path data = dataDirectory.toAbsolutePath();
        Path parent = data.getParent() == null ? data : data.getParent();
        return choice instanceof ExtensionServers.Choice.Installed installed
                ? startInstalled(installed, parent)
                : startEmbedded(version, parent);
    }

    private ThrowawayServer startEmbedded(@Nullable String version, Path parent) {
        PostgresBinaries binaries = PostgresBinaries.forThisMachine(version);
        Path jar = servers.binariesJar(binaries);
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

    private ThrowawayServer startInstalled(ExtensionServers.Choice.Installed installed, Path parent) {
        Path directory;
        try {
            directory = ThrowawayPlace.onDisk().newDataDirectory(parent);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not create a directory for the throwaway PostgreSQL in " + parent + ": " + e.getMessage()
                            + ". Check that the build directory is writable.",
                    e);
        }
        PostgresInstallation installation = installed.installation();
        log.accept("Starting a throwaway PostgreSQL " + installation.version() + " from " + installation.bin() + " ("
                + installed.why() + ") with its data in " + shown.apply(directory) + " (deleted when the goal ends).");
        return InstalledThrowaway.start(installation, directory);
    }

    /** The configured database, or none, and throwaway servers of the default version or of the version asked. */
    public ComparisonDatabases comparisonDatabases(@Nullable DataSource configured) {
        return comparisonDatabases(configured, Set.of());
    }

    private ComparisonDatabases comparisonDatabases(@Nullable DataSource configured, Set<String> needed) {
        return new ComparisonDatabases() {
            /** The choice for each version asked, made once. */
            private final Map<String, ExtensionServers.Choice> choices = new HashMap<>();

            private ExtensionServers.Choice choice(@Nullable String asked) {
                return choices.computeIfAbsent(
                        String.valueOf(asked), k -> EmbeddedThrowaways.this.choice(needed, asked));
            }

            @Override
            public Optional<DataSource> configured() {
                return Optional.ofNullable(configured);
            }

            @Override
            public ThrowawayVersion defaultVersion() {
                return version(EmbeddedThrowaways.this.version);
            }

            @Override
            public ThrowawayVersion version(int major) {
                return version(Integer.toString(major));
            }

            private ThrowawayVersion version(@Nullable String asked) {
                if (choice(asked) instanceof ExtensionServers.Choice.Installed installed) {
                    return ExtensionServers.version(installed.installation());
                }
                PostgresBinaries binaries = PostgresBinaries.forThisMachine(asked);
                return new ThrowawayVersion(binaries.version(), binaries.serverVersionNum(), binaries.coordinates());
            }

            @Override
            public ThrowawayServer start(ThrowawayVersion version) {
                ExtensionServers.Choice choice = choices.values().stream()
                        .filter(c -> c instanceof ExtensionServers.Choice.Installed i
                                && ExtensionServers.version(i.installation()).equals(version))
                        .findFirst()
                        .orElseGet(() -> choice(version.version()));
                return EmbeddedThrowaways.this.start(version.version(), choice);
            }

            @Override
            public ComparisonDatabases needing(Set<String> extensions) {
                Set<String> all = new TreeSet<>(needed);
                all.addAll(extensions);
                return all.equals(needed) ? this : comparisonDatabases(configured, all);
            }
        };
    }
}
