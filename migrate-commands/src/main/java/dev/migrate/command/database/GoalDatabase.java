package dev.migrate.command.database;

import dev.migrate.MigrateException;
import dev.migrate.autogen.ComparisonDatabases;
import dev.migrate.autogen.ComparisonDatabases.ThrowawayServer;
import dev.migrate.cluster.ThrowawayPlace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The database a goal talks to: the configured one (SPEC 5), its first connection opening ahead once asked,
 * or, with no URL anywhere, an embedded PostgreSQL whose data stays in a directory between runs; and the
 * throwaway embedded servers of the goals that replay migrations.
 */
public final class GoalDatabase {
    /**
     * The embedded default.
     *
     * @param version a major version (the latest binaries of that major) or a full binaries version; null: 18
     * @param dataDirectory where its data stays between runs; throwaway servers start beside it
     * @param throwawayInMemory whether a throwaway server keeps its data in memory when the machine has room
     */
    public record Embedded(@Nullable String version, Path dataDirectory, boolean throwawayInMemory) {}

    private final ConnectionResolver resolver;
    private final ConnectionResolver.Parameters parameters;
    private final Embedded embedded;
    private final EmbeddedServers servers;
    private final Consumer<String> log;
    private final Function<Path, String> shown;
    /** The configured database with its first connection opening ahead, once the goal asked for it. */
    private @Nullable ConnectingDataSource connecting;

    /**
     * @param log where the announcements go (which database, which server starts)
     * @param shown how a path is shown in them: relative to the project when inside it
     */
    public GoalDatabase(
            ConnectionResolver resolver,
            ConnectionResolver.Parameters parameters,
            Embedded embedded,
            EmbeddedServers servers,
            Consumer<String> log,
            Function<Path, String> shown) {
        this.resolver = resolver;
        this.parameters = parameters;
        this.embedded = embedded;
        this.servers = servers;
        this.log = log;
        this.shown = shown;
    }

    /** Reads the embedded version, so that a mistake in it fails before anything connects or starts. */
    public void check() {
        PostgresBinaries.fullVersion(embedded.version());
    }

    /** Starts opening the first connection to the configured database, if there is one. */
    public void connectAhead() {
        connecting();
    }

    /** Closes the connection opened ahead if nobody took it: when the goal ends, whether it succeeded or not. */
    public void discardUnused() {
        if (connecting != null) {
            connecting.discardUnused();
            connecting = null;
        }
    }

    private @Nullable ConnectingDataSource connecting() {
        if (connecting == null) {
            connecting = configured().map(ConnectingDataSource::connectAhead).orElse(null);
        }
        return connecting;
    }

    /** Whether the goal uses a database the user configured, rather than an embedded one. */
    public boolean isConfigured() {
        return resolver.resolve(parameters).isPresent();
    }

    /** How messages name the configured database ({@code host:port, database app, user app}); empty when none is. */
    public String configuredName() {
        return resolver.resolve(parameters).map(ConnectionSettings::describe).orElse("");
    }

    /** Whether a database is configured, or the embedded one already holds data. */
    public boolean hasDatabase() {
        return isConfigured() || Files.exists(embedded.dataDirectory().resolve("PG_VERSION"));
    }

    /** The configured database, announced in the log; empty when the goal is to use an embedded one. */
    public Optional<ConnectingDataSource> configured() {
        return resolver.resolve(parameters).map(resolved -> {
            log.accept("Using PostgreSQL at " + resolved.describe() + " (from " + resolved.origin() + ").");
            return new ConnectingDataSource(resolved);
        });
    }

    /**
     * Runs {@code action} with the configured database, or the embedded one when none is configured, and how
     * the log names it ({@code host:port/database}, never with a password).
     *
     * @param embeddedMayChange called before the embedded database is used: a goal that changes it refuses or
     *     warns there
     */
    public void withDataSource(Runnable embeddedMayChange, BiConsumer<String, DataSource> action) {
        ConnectingDataSource configured = connecting();
        if (configured != null) {
            action.accept(configured.name(), configured);
            return;
        }
        embeddedMayChange.run();
        PostgresBinaries binaries = PostgresBinaries.forThisMachine(embedded.version());
        Path jar = servers.binariesJar(binaries);
        Path data = embedded.dataDirectory().toAbsolutePath();
        log.accept("No database URL is configured, so this goal uses an embedded PostgreSQL " + binaries.version()
                + " with its data in " + data
                + " (set <url>, -Dmigrate.url or MIGRATE_DATABASE_URL to use your own server).");
        try (ThrowawayServer database = servers.start(data, jar, data.resolveSibling("postgres.log"))) {
            action.accept("the embedded database in " + shown.apply(data), database.dataSource());
        }
    }

    /** Starts a throwaway embedded PostgreSQL of {@code version} (a major or full version), deleted when closed. */
    public ThrowawayServer startThrowaway(String version) {
        PostgresBinaries binaries = PostgresBinaries.forThisMachine(version);
        Path jar = servers.binariesJar(binaries);
        Path parent = parentOf(embedded.dataDirectory().toAbsolutePath());
        Path data;
        try {
            data = (embedded.throwawayInMemory() ? ThrowawayPlace.ofThisMachine() : ThrowawayPlace.onDisk())
                    .newDataDirectory(parent);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not create a directory for the throwaway PostgreSQL in " + parent + ": " + e.getMessage()
                            + ". Check that the build directory is writable.",
                    e);
        }
        log.accept("Starting a throwaway embedded PostgreSQL " + binaries.version() + " with its data in "
                + (data.startsWith(parent) ? shown.apply(data) : data + ", in memory")
                + " (deleted when the goal ends).");
        return servers.startThrowaway(data, jar, parent.resolve("throwaway.log"));
    }

    private static Path parentOf(Path path) {
        Path parent = path.getParent();
        return parent == null ? path : parent;
    }

    /** The configured database, or none, and throwaway embedded servers of the binaries this machine runs. */
    public ComparisonDatabases comparisonDatabases(@Nullable DataSource configured) {
        return new ComparisonDatabases() {
            @Override
            public Optional<DataSource> configured() {
                return Optional.ofNullable(configured);
            }

            @Override
            public ThrowawayVersion defaultVersion() {
                return version(PostgresBinaries.forThisMachine(embedded.version()));
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
                return startThrowaway(version.version());
            }
        };
    }
}
