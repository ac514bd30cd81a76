package dev.migrate.command.database;

import dev.migrate.MigrateException;
import dev.migrate.command.output.Output;
import dev.migrate.connection.ConnectingDataSource;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import dev.migrate.servers.EmbeddedServers;
import dev.migrate.servers.EmbeddedThrowaways;
import dev.migrate.servers.KeptThrowaways;
import dev.migrate.servers.PostgresBinaries;
import dev.migrate.servers.RepositoryBinaries;
import dev.migrate.servers.RunningServer;
import dev.migrate.servers.ScratchServer;
import dev.migrate.text.Fixes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The database a run talks to, for every face alike (SPEC 5): the configured one, weighed from the face's settings
 * and the environment by {@link ConnectionResolver}, its first connection opening ahead once asked; or, with no URL
 * anywhere, an embedded PostgreSQL whose data stays between runs, where the face has one (the plugin); and the
 * throwaway servers of the commands that replay migrations: databases on a scratch server, or embedded servers.
 *
 * <pre>{@code
 * RunDatabase database = RunDatabase.announcedTo(output, project::shown, fixes)
 *         .configuredBy(resolver, parameters)
 *         .withEmbeddedDefault(new RunDatabase.Embedded("18", pgdata, true), false)
 *         .throwawaysFrom(servers)
 *         .build();
 * }</pre>
 */
public final class RunDatabase {
    /**
     * Embedded servers.
     *
     * @param version a major version (the latest binaries of that major) or a full binaries version; null: 18
     * @param dataDirectory where the embedded default keeps its data between runs; throwaway servers start beside it
     * @param throwawayInMemory whether a throwaway server keeps its data in memory when the machine has room
     * @param postgresHome the PostgreSQL installation throwaway servers start from ({@code migrate.postgres.home});
     *     null: the embedded binaries, or an installation that has an extension they lack
     */
    public record Embedded(
            @Nullable String version,
            Path dataDirectory,
            boolean throwawayInMemory,
            @Nullable Path postgresHome) {
        /** Embedded servers from the embedded binaries, unless they lack an extension needed. */
        public Embedded(@Nullable String version, Path dataDirectory, boolean throwawayInMemory) {
            this(version, dataDirectory, throwawayInMemory, null);
        }
    }

    private final @Nullable ConnectionResolver resolver;
    private final ConnectionResolver.Parameters parameters;
    private final @Nullable Embedded embeddedDefault;
    /** Whether a command may change the embedded default without a warning, and in CI. */
    private final boolean embeddedMayChange;

    private final Embedded throwaways;
    private final @Nullable EmbeddedServers servers;
    /** Whether throwaway servers are looked for on a scratch server: {@link #scratchUrl}, or the environment's. */
    private final boolean scratch;

    private final @Nullable String scratchUrl;

    private final Output output;
    private final Function<Path, String> shown;
    private final Fixes fixes;
    /** The configured database, resolved once, on first use; null until then. */
    private @Nullable ConnectionSettings configured;

    private boolean resolvedOnce;
    /** Where throwaway embedded servers are kept between comparisons; null: each comparison starts its own. */
    private @Nullable KeptThrowaways kept;

    /** The configured database's connections, made and announced once, on first use; null until then or none. */
    private @Nullable ConnectingDataSource source;

    /** The configured database with its first connection opening ahead, once the run asked for it. */
    private @Nullable ConnectingDataSource connecting;

    private RunDatabase(Builder builder) {
        this.resolver = builder.resolver;
        this.parameters = builder.parameters;
        this.embeddedDefault = builder.embeddedDefault;
        this.embeddedMayChange = builder.embeddedMayChange;
        this.throwaways = builder.throwaways;
        this.servers = builder.servers;
        this.scratch = builder.scratch;
        this.scratchUrl = builder.scratchUrl;
        this.output = builder.output;
        this.shown = builder.shown;
        this.fixes = builder.fixes;
    }

    /**
     * A run that says which database it uses, and which server starts, to {@code output}, paths as {@code shown}
     * shows them, and names a missing setting as {@code fixes} spells it; by itself it knows no database (the
     * starter's is in its migrations' builder), and starts throwaway servers in the temporary directory.
     */
    public static Builder announcedTo(Output output, Function<Path, String> shown, Fixes fixes) {
        return new Builder(output, shown, fixes);
    }

    /** How a face says where the run's database and throwaway servers are. */
    public static final class Builder {
        private final Output output;
        private final Function<Path, String> shown;
        private final Fixes fixes;
        private @Nullable ConnectionResolver resolver;
        private ConnectionResolver.Parameters parameters = ConnectionResolver.NONE;
        private @Nullable Embedded embeddedDefault;
        private boolean embeddedMayChange;
        private Embedded throwaways =
                new Embedded(null, Path.of(System.getProperty("java.io.tmpdir"), "migrate", "pgdata"), true);
        private @Nullable EmbeddedServers servers;
        private boolean scratch;
        private @Nullable String scratchUrl;

        private Builder(Output output, Function<Path, String> shown, Fixes fixes) {
            this.output = output;
            this.shown = shown;
            this.fixes = fixes;
        }

        /** The configured database is the one {@code parameters} give, as {@code resolver} weighs them. */
        public Builder configuredBy(ConnectionResolver resolver, ConnectionResolver.Parameters parameters) {
            this.resolver = resolver;
            this.parameters = parameters;
            return this;
        }

        /**
         * With no URL anywhere, the run uses an embedded PostgreSQL, whose throwaway servers start beside it.
         *
         * @param mayChange whether a command may change it without a warning, and in CI (the embedded setting)
         */
        public Builder withEmbeddedDefault(Embedded embedded, boolean mayChange) {
            this.embeddedDefault = embedded;
            this.embeddedMayChange = mayChange;
            this.throwaways = embedded;
            return this;
        }

        /** Throwaway servers start as {@code embedded} says, unless a scratch server is given. */
        public Builder withThrowaways(Embedded embedded) {
            this.throwaways = embedded;
            return this;
        }

        /** Embedded servers start from the binaries {@code servers} fetches; else from the local repository's. */
        public Builder throwawaysFrom(EmbeddedServers servers) {
            this.servers = servers;
            return this;
        }

        /**
         * Throwaway servers are databases made on a scratch server where one is given: {@code url}, else the
         * environment variable {@code MIGRATE_SCRATCH_URL}; read when a throwaway server is first needed.
         */
        public Builder onScratchServer(@Nullable String url) {
            this.scratch = true;
            this.scratchUrl = url;
            return this;
        }

        public RunDatabase build() {
            return new RunDatabase(this);
        }
    }

    /** Reads the embedded version, so that a mistake in it fails before anything connects or starts. */
    public void check() {
        PostgresBinaries.fullVersion(throwaways.version());
    }

    /** Starts opening the first connection to the configured database, if there is one. */
    public void connectAhead() {
        connecting();
    }

    /** Closes the connection opened ahead if nobody took it: when the run ends, whether it succeeded or not. */
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

    private Optional<ConnectionSettings> resolved() {
        if (!resolvedOnce) {
            configured = resolver == null ? null : resolver.resolve(parameters).orElse(null);
            resolvedOnce = true;
        }
        return Optional.ofNullable(configured);
    }

    /** Whether the run uses a database the user configured, rather than an embedded one. */
    public boolean isConfigured() {
        return resolved().isPresent();
    }

    /** How messages name the configured database ({@code host:port, database app, user app}); empty when none is. */
    public String configuredName() {
        return resolved().map(ConnectionSettings::describe).orElse("");
    }

    /** Whether a database is configured, or the embedded one already holds data. */
    public boolean hasDatabase() {
        return isConfigured()
                || (embeddedDefault != null
                        && Files.exists(embeddedDefault.dataDirectory().resolve("PG_VERSION")));
    }

    /** The configured database, announced; empty when none is, and the embedded one (if any) is to be used. */
    public Optional<ConnectingDataSource> configured() {
        if (source == null) {
            source = resolved()
                    .map(settings -> {
                        output.info(
                                "Using PostgreSQL at " + settings.describe() + " (from " + settings.origin() + ").");
                        return settings.dataSource();
                    })
                    .orElse(null);
        }
        return Optional.ofNullable(source);
    }

    /**
     * {@code work}'s result, the connections to the configured database closed during it kept for the next to ask
     * ({@link ConnectingDataSource#keepingConnections}), so that a command reading it several times logs in once.
     */
    public <T> T keepingConnections(Supplier<T> work) {
        Optional<ConnectingDataSource> database = configured();
        if (database.isEmpty()) {
            return work.get();
        }
        List<T> result = new ArrayList<>(1);
        database.get().keepingConnections(() -> result.add(work.get()));
        return result.get(0);
    }

    /**
     * Runs {@code action} with the configured database, or the embedded one when none is configured and the face
     * has one, and how the log names it ({@code host:port/database}, never with a password).
     *
     * @param changing the command, when it changes the database: unless the embedded setting allows it, it warns
     *     before it changes the embedded one, and fails when the environment says it runs in CI ({@code CI=true}),
     *     so that a deployment whose database URL is missing can never succeed against the wrong database; null
     *     when the command only reads
     * @throws MigrateException when no database is configured and the face starts none
     */
    public void withDataSource(@Nullable String changing, BiConsumer<String, DataSource> action) {
        ConnectingDataSource database = connecting();
        if (database != null) {
            // the command's reads and steps share the connections it closes: it logs in once, not once a read
            database.keepingConnections(() -> action.accept(database.name(), database));
            return;
        }
        Embedded embedded = embeddedDefault;
        if (embedded == null || servers == null) {
            throw new MigrateException(
                    "No database is given: pass " + fixes.setting("url", "jdbc:postgresql://host:5432/app")
                            + ", or set the environment variable MIGRATE_DATABASE_URL (or DATABASE_URL). The command line"
                            + " starts no embedded database; " + fixes.setting("sql", "true")
                            + " prints the script without one.");
        }
        if (changing != null && !embeddedMayChange) {
            refuseOrWarn(changing, embedded.dataDirectory());
        }
        Path data = embedded.dataDirectory().toAbsolutePath();
        Optional<RunningServer> running = RunningServer.on(data);
        if (running.isPresent()) {
            // quarkus dev (or a goal in another terminal) runs it and holds its lock: the same database, shared
            output.info("No database URL is configured, so this goal uses the embedded PostgreSQL that is already"
                    + " running on its data in " + data + " (port "
                    + running.get().port()
                    + ", started by quarkus dev or another goal), and leaves it running"
                    + " (set <url>, -Dmigrate.url or MIGRATE_DATABASE_URL to use your own server).");
            onEmbedded(
                    PostgresBinaries.forThisMachine(embedded.version()).version(),
                    () -> action.accept(
                            "the embedded database in " + shown.apply(data),
                            running.get().dataSource()));
            return;
        }
        PostgresBinaries binaries = PostgresBinaries.forThisMachine(embedded.version());
        Path jar = servers.binariesJar(binaries);
        output.info("No database URL is configured, so this goal uses an embedded PostgreSQL " + binaries.version()
                + " with its data in " + data
                + " (set <url>, -Dmigrate.url or MIGRATE_DATABASE_URL to use your own server).");
        try (ThrowawayServer server = servers.start(data, jar, data.resolveSibling("postgres.log"))) {
            onEmbedded(
                    binaries.version(),
                    () -> action.accept("the embedded database in " + shown.apply(data), server.dataSource()));
        }
    }

    /** Runs {@code work} on the embedded PostgreSQL {@code version}; a missing extension it failed on is named. */
    private void onEmbedded(String version, Runnable work) {
        try {
            work.run();
        } catch (MigrateException e) {
            throw EmbeddedLacksExtension.named(e)
                    .map(extension -> EmbeddedLacksExtension.explain(e, extension, version, fixes))
                    .orElse(e);
        }
    }

    private void refuseOrWarn(String command, Path dataDirectory) {
        Optional<String> ci = resolver == null ? Optional.empty() : resolver.continuousIntegration();
        String setIt =
                "set the database URL (" + fixes.setting("url") + ", MIGRATE_DATABASE_URL, DATABASE_URL or <url>),"
                        + " or, if the embedded database is what you want, set <embedded>true</embedded> or "
                        + fixes.setting("embedded", "true") + ".";
        if (ci.isPresent()) {
            throw new MigrateException("No database URL is configured and this build runs in CI (CI=" + ci.get()
                    + "), so "
                    + "migrate:" + command + " refuses to change the embedded database: a deployment must never "
                    + "succeed against the wrong database. To deploy, " + setIt);
        }
        output.warn("*** No database URL is configured: migrate:" + command + " changes the EMBEDDED database in "
                + dataDirectory + ", not your server. To use your server, " + setIt + " ***");
    }

    /** The configured database, or none, and the throwaway servers of the scratch server or embedded binaries. */
    public ComparisonDatabases comparisonDatabases(@Nullable DataSource configured) {
        Optional<ConnectingDataSource> scratchServer = scratchServer();
        ComparisonDatabases databases = ScratchServer.orEmbedded(scratchServer, configured, this::throwaways);
        // databases on a scratch server cost no server's start: only embedded servers are kept
        return kept == null || scratchServer.isPresent() ? databases : kept.keeping(databases);
    }

    /**
     * Whether the throwaway servers of comparisons are served from the servers given to {@link #keepThrowawaysIn}:
     * embedded ones are, while the databases of a scratch server cost no server's start and are not kept.
     */
    public boolean keepsThrowaways() {
        return kept != null && scratchServer().isEmpty();
    }

    private Optional<ConnectingDataSource> scratchServer() {
        return !scratch || resolver == null
                ? Optional.empty()
                : resolver.scratch(scratchUrl).map(ConnectionSettings::dataSource);
    }

    /**
     * From now on, the throwaway embedded servers of this run's comparisons are served from {@code kept}, which
     * started them for an earlier comparison (a watch's cycle) or starts and keeps them now, rather than started
     * for each comparison.
     */
    public void keepThrowawaysIn(KeptThrowaways kept) {
        this.kept = kept;
    }

    /** Starts a throwaway embedded PostgreSQL of {@code version} (a major or full version), deleted when closed. */
    public ThrowawayServer startThrowaway(String version) {
        return throwaways().start(version);
    }

    private EmbeddedThrowaways throwaways() {
        return new EmbeddedThrowaways(
                throwaways.version(),
                throwaways.dataDirectory(),
                throwaways.throwawayInMemory(),
                throwaways.postgresHome(),
                servers == null ? RepositoryBinaries.ofThisUser(output::info) : servers,
                output::info,
                shown);
    }
}
