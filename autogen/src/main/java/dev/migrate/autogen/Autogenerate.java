package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateResult.Route;
import dev.migrate.autogen.ComparisonDatabases.ThrowawayServer;
import dev.migrate.autogen.ComparisonDatabases.ThrowawayVersion;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.cache.ReplayedSchema;
import dev.migrate.autogen.internal.cache.ReplayedSchemaCache;
import dev.migrate.autogen.internal.scratch.ScratchSchema;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.DataMeasurements;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The comparison of the entities with the schema at head behind {@code autogenerate},
 * {@code check} and {@code verify}: on the configured database (which must be at head), or on the
 * embedded default from the caches when they hold both sides, otherwise on a throwaway server with the
 * chain replayed. Which way it goes is chosen first, as a {@code ComparisonPlan} made from the request
 * and what the caches hold, and carried out here.
 *
 * <pre>{@code
 * AutogenerateResult result = Autogenerate.run(request, databases, log);
 * result.script().descriptions().forEach(System.out::println);
 * }</pre>
 *
 * <p>What can overlap does: the provider writes the entity DDL on a thread of its own from the
 * start, while the live catalog is read or the throwaway server starts and replays the chain; on
 * the throwaway server the entity side is built in a database of its own, on a connection of its
 * own, while the chain replays in the first.
 */
public final class Autogenerate {
    /** The database of a throwaway server the entity side is built in while the chain replays in the first. */
    private static final String ENTITY_DATABASE = "migrate_entities";
    /** The database of a throwaway server where the declared objects are applied after the entities' tables. */
    private static final String OBJECTS_DATABASE = "migrate_objects";
    /** The same, for a comparison without a replay, on a server that may replay the chain next. */
    private static final String CACHED_ROUTE_OBJECTS_DATABASE = "migrate_objects_unreplayed";

    private final AutogenerateRequest request;
    private final ComparisonDatabases databases;
    private final AutogenerateLog log;
    private final Exclusions exclusions;
    /** What looked renamed in batch mode, as {@code old=new}. */
    private final Set<String> suspectedRenames = new LinkedHashSet<>();
    /** Told the plan once it is chosen, before it is carried out. */
    private final Consumer<ComparisonPlan> planned;

    private Autogenerate(
            AutogenerateRequest request,
            ComparisonDatabases databases,
            AutogenerateLog log,
            Consumer<ComparisonPlan> planned) {
        this.request = request;
        this.databases = databases;
        this.log = log;
        this.planned = planned;
        this.exclusions = Exclusions.versionTables(request.versionTable(), request.historyTable())
                .and(request.exclude());
    }

    /**
     * Compares the entities of {@code request} with the schema at head of its chain, on the databases
     * {@code databases} offers; says in {@code log} which way it went.
     */
    public static AutogenerateResult run(
            AutogenerateRequest request, ComparisonDatabases databases, AutogenerateLog log) {
        return run(request, databases, log, plan -> {});
    }

    /** {@link #run(AutogenerateRequest, ComparisonDatabases, AutogenerateLog)}, telling {@code planned} the plan it chose. */
    static AutogenerateResult run(
            AutogenerateRequest request,
            ComparisonDatabases databases,
            AutogenerateLog log,
            Consumer<ComparisonPlan> planned) {
        return new Autogenerate(request, databases, log, planned).run();
    }

    /**
     * The migration that builds the managed schema of {@code live} as it is from nothing, for a chain
     * that adopts that database ({@code migrate:baseline}); only the version tables are left out. What
     * the catalog reader does not read is named in the script's warnings.
     */
    public static MigrationScript baseline(
            Connection live, String managedSchema, String versionTable, String historyTable) {
        Exclusions versionTables = Exclusions.versionTables(versionTable, historyTable);
        return new SchemaComparison(
                        managedSchema,
                        versionTables,
                        Map.of(),
                        RenameDecider.never(),
                        null,
                        false,
                        DeclaredObjects.none())
                .baseline(live);
    }

    /**
     * The managed schema the chain of {@code request} builds, for a picture of it
     * ({@code migrate:diagram}); the request's entities are never asked for. On the configured
     * database, that database's schema as it is. On the embedded default, the replayed schema from
     * the replay cache when it holds it (as a comparison keeps it), otherwise the chain replayed on a
     * throwaway server, and what was read kept for the next run. Each way, with the objects beside
     * the tables (views, materialized views, ...), which the picture draws.
     */
    public static DatabaseSchema schemaAtHead(
            AutogenerateRequest request, ComparisonDatabases databases, AutogenerateLog log) {
        return new Autogenerate(request, databases, log, plan -> {}).schemaAtHead();
    }

    private DatabaseSchema schemaAtHead() {
        SchemaComparison comparison = comparison(null);
        List<String> managed = List.of(request.managedSchema());
        Optional<DataSource> configured = databases.configured();
        if (configured.isPresent()) {
            try (Connection c = configured.get().getConnection()) {
                return SchemaDrift.read(c, request.managedSchema(), exclusions);
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not connect to the database to read its schema: " + e.getMessage(), e);
            }
        }
        // the live side holds the objects, as the cache keeps them and a cached run returns them
        try (ReplayedChain replayed = new ReplayedChain(
                request.chain(),
                databases,
                databases.defaultVersion(),
                request.replayCache().orElse(null),
                "",
                log)) {
            return replayed.at(
                            "heads",
                            managed,
                            exclusions,
                            live -> comparison.liveSide(live, managed, comparison.readLive(live, managed)))
                    .schema();
        }
    }

    private AutogenerateResult run() {
        Optional<DataSource> configured = databases.configured();
        if (configured.isPresent()) {
            return onConfigured(configured.get());
        }
        return onEmbeddedDefault();
    }

    /** The configured database, read while the provider writes the DDL; the entity side on it or on a throwaway server. */
    private AutogenerateResult onConfigured(DataSource database) {
        // compare with the schema the migrations build, not one that is behind or ahead of them;
        // with no migration yet (the first one, or adopting an existing database) there is no head to be at
        Migrator chain = request.chain();
        if (!chain.revisions().isEmpty()) {
            chain.assertUpToDate();
        }
        EntitySchemaCache cache =
                request.entityCache().map(EntitySchemaCache::new).orElse(null);
        SchemaComparison comparison = comparison(cache);
        try (Connection c = open(database)) {
            int major = Integer.parseInt(
                            onDatabase("reading the server's version", () -> EntitySchemaCache.serverVersionNum(c)))
                    / 10000;
            ComparisonPlan plan = ComparisonPlan.onConfigured(
                    onDatabase("asking whether it may be written to", () -> elsewhere(c, major)), cache != null);
            planned.accept(plan);
            boolean elsewhere = plan.entitySide() == ComparisonPlan.EntitySide.THROWAWAY_OF_CONFIGURED_VERSION;
            MigrationScript diff;
            // the provider boots (seconds for a large model) while this thread reads the live catalog
            try (EntityDdl ddl = new EntityDdl(major, cache, comparison);
                    ScratchServer scratch = new ScratchServer(databases.version(major))) {
                diff = elsewhere
                        ? comparison.compare(
                                c,
                                true,
                                scratch.version.serverVersionNum(),
                                scratch::connection,
                                ddl::get,
                                null,
                                scratch::objectsDatabase)
                        : comparison.compare(c, false, null, () -> c, ddl::get, null, scratch::objectsDatabase);
            }
            logCacheUse(comparison);
            Set<ObjectName> large = Set.of();
            if (request.measureTimeout().isPresent() && !diff.isEmpty()) {
                MigrationScript changes = diff;
                try (Connection measuring = open(database)) {
                    DataMeasurements.Result measured = onDatabase(
                            "measuring the changes on its rows",
                            () -> DataMeasurements.measure(
                                    changes, measuring, request.measureTimeout().get(), request.largeTableRows()));
                    diff = measured.script();
                    large = measured.estimatedRows().keySet().stream()
                            .filter(measured.largeTables(request.largeTableRows()))
                            .collect(Collectors.toSet());
                }
            }
            return result(
                    diff,
                    large,
                    elsewhere ? Route.CONFIGURED_DATABASE_ENTITIES_ELSEWHERE : Route.CONFIGURED_DATABASE,
                    comparison);
        } catch (SQLException e) {
            // closing a connection is all that is left here
            throw failure("closing its connection", e);
        }
    }

    /** A connection to the configured database: a failure here is one to connect, whatever its SQLSTATE. */
    private static Connection open(DataSource database) {
        try {
            return database.getConnection();
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not connect to the database to compare it with the entities: " + e.getMessage(), e);
        }
    }

    private interface OnDatabase<T> {
        T run() throws SQLException;
    }

    /** Runs {@code step} on the configured database, its failure named as what it is ({@link #failure}). */
    private static <T> T onDatabase(String step, OnDatabase<T> action) {
        try {
            return action.run();
        } catch (SQLException e) {
            throw failure(step, e);
        }
    }

    /**
     * The failure of {@code step} on the configured database, once connected: "could not connect" only
     * when the connection failed ({@link ConnectionFailure#isConnectionFailure}: SQLSTATE class 08 and the
     * like); any other failure names the step, the SQLSTATE and the server's message, so a statement
     * PostgreSQL refused is never taken for a network problem.
     */
    static MigrateException failure(String step, SQLException e) {
        if (ConnectionFailure.isConnectionFailure(e)) {
            return new MigrateException(
                    "Could not connect to the database to compare it with the entities: the connection failed while "
                            + step + ": " + e.getMessage()
                            + " Check that the server is running and reachable, then run the goal again.",
                    e);
        }
        return new MigrateException(
                "The comparison of the entities with the database failed while " + step + ": PostgreSQL answered "
                        + (e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ") + e.getMessage(),
                e);
    }

    /**
     * Whether the entity side is built on a throwaway server rather than in a scratch schema on the
     * configured database: asked of that database for {@link ComparisonDatabase#AUTO}, which says why.
     */
    private boolean elsewhere(Connection configured, int major) throws SQLException {
        return switch (request.comparisonDatabase()) {
            case EMBEDDED -> true;
            case SERVER -> false;
            case AUTO -> {
                Optional<String> whyNot = ScratchSchema.whyNotOn(configured);
                whyNot.ifPresent(reason -> log.info("The configured database is only read, since " + reason
                        + ": the entity side is built on a throwaway embedded PostgreSQL " + major
                        + " when the comparison needs it (comparisonDatabase=auto)."));
                yield whyNot.isPresent();
            }
        };
    }

    /**
     * The embedded default: planned from what the caches hold ({@link ComparisonPlan#onEmbeddedDefault}),
     * then from the caches alone when they hold both sides; else on a throwaway server that builds the
     * entity side, and replays the chain only when the replay cache lacks its schema or the comparison
     * needs the replayed database to answer.
     */
    private AutogenerateResult onEmbeddedDefault() {
        ThrowawayVersion version = databases.defaultVersion();
        EntitySchemaCache entities =
                request.entityCache().map(EntitySchemaCache::new).orElse(null);
        SchemaComparison comparison = comparison(entities);
        // closed last: the replayed schema is written while the server stops
        try (Keeping keeping = new Keeping();
                StartingServer starting = new StartingServer(version);
                EntityDdl ddl = new EntityDdl(version.major(), entities, comparison)) {
            CacheFacts facts = new CacheFacts(version, ddl);
            ComparisonPlan plan = ComparisonPlan.onEmbeddedDefault(facts);
            planned.accept(plan);
            if (plan.serverAtOnce()) {
                starting.start();
            }
            if (!plan.keepReplayed()) {
                return replayed(starting.get(), version, comparison, ddl, (managed, current) -> {});
            }
            if (plan.schemaAtHead() == ComparisonPlan.SchemaAtHead.CHAIN_SQL) {
                Optional<AutogenerateResult> read = fromChainSql(version, comparison, ddl);
                if (read.isPresent()) {
                    return read.get();
                }
            }
            // the chain's fingerprint records every migration: only a route that reaches the cache pays for it
            ReplayedSchemaCache replays = facts.replays();
            if (plan.schemaAtHead() == ComparisonPlan.SchemaAtHead.REPLAY_CACHE) {
                Optional<AutogenerateResult> withoutReplay =
                        fromCaches(version, comparison, replays, starting, ddl, Objects.requireNonNull(entities));
                if (withoutReplay.isPresent()) {
                    return withoutReplay.get();
                }
            }
            ThrowawayServer server = starting.start().get();
            log.info(
                    replays.hits() == 0
                            ? "The schema of these migrations on PostgreSQL " + version.version() + " is not in "
                                    + log.shown(replays.directory())
                                    + " yet: they are replayed, and it is kept for the next run."
                            : "The schema at head is in " + log.shown(replays.directory())
                                    + ", but this comparison needs "
                                    + "the replayed database to answer (a column type change, or entity DDL other than tables, "
                                    + "indexes, sequences, enum types and comments): the migrations are replayed.");
            return replayed(
                    server,
                    version,
                    comparison,
                    ddl,
                    (managed, current) -> keeping.store(() -> replays.store(managed, exclusions, current)));
        }
    }

    /**
     * An unchanged chain: nothing is replayed if the caches, the reading or the entity side built on a
     * fresh server (started only then) answer; empty when they do not.
     */
    private Optional<AutogenerateResult> fromCaches(
            ThrowawayVersion version,
            SchemaComparison comparison,
            ReplayedSchemaCache replays,
            StartingServer starting,
            EntityDdl ddl,
            EntitySchemaCache entities) {
        int count = request.chain().revisions().size();
        comparison.prefetch(replays, version.serverVersionNum(), !ddl.fromCache());
        try (FreshConnection fresh =
                        new FreshConnection(() -> starting.get().dataSource().getConnection());
                FreshConnection objects = new FreshConnection(() -> starting.get()
                        .createDatabase(CACHED_ROUTE_OBJECTS_DATABASE)
                        .getConnection())) {
            Optional<MigrationScript> withoutReplay =
                    comparison.fromCaches(replays, ddl.get(), fresh::get, objects::get);
            if (withoutReplay.isEmpty()) {
                return Optional.empty();
            }
            if (fresh.opened() || objects.opened()) {
                int rebuilt = entities.rebuiltTables();
                log.info("The schema at head (" + migrations(count) + ") taken from the cache in "
                        + log.shown(replays.directory())
                        + (rebuilt == 0
                                ? ": the migrations were not replayed, only the entity side was built."
                                : ": the migrations were not replayed; of the entity side only the "
                                        + (rebuilt == 1 ? "table" : rebuilt + " tables")
                                        + " whose DDL changed " + (rebuilt == 1 ? "was" : "were")
                                        + " built, the rest taken from " + log.shown(entities.directory()) + "."));
                logCacheUse(comparison);
                return Optional.of(result(withoutReplay.get(), Set.of(), Route.CACHED_CHAIN, comparison));
            }
            String schemaAtHead = "The schema at head (" + migrations(count) + " on PostgreSQL " + version.version()
                    + ") taken from the cache in " + log.shown(replays.directory());
            log.info(
                    comparison.confirmedByReading()
                            ? schemaAtHead + " and matched by the entities' DDL, read without building it: "
                                    + "nothing was replayed or built ("
                                    + log.setting("replayCache", "false")
                                    + " replays the migrations anyway)."
                            : schemaAtHead + ", the entity schema from " + log.shown(entities.directory())
                                    + ": no PostgreSQL was started (" + log.setting("replayCache", "false")
                                    + " replays the migrations anyway).");
            return Optional.of(result(withoutReplay.get(), Set.of(), Route.CACHES, comparison));
        }
    }

    /**
     * A check on a fresh checkout: the schema at head read from the SQL the migrations render, when it is
     * plain enough to read, confirming the entities' DDL read the same way, with no server at all; empty
     * when either reading fails or they differ.
     */
    private Optional<AutogenerateResult> fromChainSql(
            ThrowawayVersion version, SchemaComparison comparison, EntityDdl ddl) {
        Optional<ReplayedSchema> head = MigratorTools.of(request.chain())
                .chainStatements()
                .flatMap(sql -> comparison.readChainWithoutServer(sql, version.serverVersionNum()));
        Optional<MigrationScript> confirmed = head.flatMap(read -> comparison.confirmedAtHead(read, ddl.get()));
        if (confirmed.isEmpty()) {
            return Optional.empty();
        }
        log.info("The schema at head read from the SQL of the "
                + migrations(request.chain().revisions().size())
                + " and matched by the entities' DDL, read without building it: no PostgreSQL was started.");
        logCacheUse(comparison);
        return Optional.of(result(confirmed.get(), Set.of(), Route.READ_CHAIN, comparison));
    }

    /** What the request and its caches hold, asked by the plan as it needs it. */
    private final class CacheFacts implements ComparisonPlan.EmbeddedFacts {
        private final ThrowawayVersion version;
        private final EntityDdl ddl;
        private @Nullable ReplayedSchemaCache replays;

        CacheFacts(ThrowawayVersion version, EntityDdl ddl) {
            this.version = version;
            this.ddl = ddl;
        }

        /** The replay cache of this chain on this server; made when first asked for (the chain's fingerprint costs). */
        ReplayedSchemaCache replays() {
            if (replays == null) {
                replays = new ReplayedSchemaCache(
                        request.replayCache().orElseThrow(),
                        MigratorTools.of(request.chain()).chainFingerprint(),
                        version.identity());
            }
            return replays;
        }

        @Override
        public boolean entityCache() {
            return request.entityCache().isPresent();
        }

        @Override
        public boolean replayCache() {
            return request.replayCache().isPresent();
        }

        @Override
        public boolean replayCacheHoldsNothing() {
            return ReplayedSchemaCache.holdsNothing(request.replayCache().orElseThrow());
        }

        @Override
        public boolean replayCacheHoldsChain() {
            return replays().holdsChain(exclusions);
        }

        @Override
        public boolean entityDdlCached() {
            return ddl.fromCache();
        }

        @Override
        public boolean expectingNoDifference() {
            return request.expectingNoDifference();
        }
    }

    /**
     * Replays the chain on {@code server}'s database while the entity side is built in another of its
     * databases, on a connection of its own; reads the replayed schema (handed to {@code keep}, with the schemas read)
     * and compares. Entity DDL that needs what the migrations create fails in the other database: it
     * is then built on the replayed one, where a failure is the provider's to report.
     */
    private AutogenerateResult replayed(
            ThrowawayServer server,
            ThrowawayVersion version,
            SchemaComparison comparison,
            EntityDdl ddl,
            BiConsumer<List<String>, ReplayedSchema> keep) {
        ExecutorService builder = Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-entity-side"));
        // the entity side read without a server, when the DDL allows; the server builds it only if that finds a change
        CompletableFuture<Optional<DatabaseSchema>> readWithoutServer = new CompletableFuture<>();
        CompletableFuture<Void> buildOnServer = new CompletableFuture<>();
        try {
            Future<Optional<DatabaseSchema>> entitySide = builder.submit(() -> {
                if (comparison.declaresStatements()) {
                    // the desired tables are built with the declared statements, on the objects database
                    readWithoutServer.complete(Optional.empty());
                    return Optional.<DatabaseSchema>empty();
                }
                // the database is made while the provider may still be writing the DDL
                try (Connection c = server.createDatabase(ENTITY_DATABASE).getConnection()) {
                    List<String> entityDdl = ddl.get();
                    Optional<DatabaseSchema> cached =
                            comparison.cachedEntitySide(version.serverVersionNum(), entityDdl);
                    if (cached.isPresent()) {
                        return cached;
                    }
                    Optional<DatabaseSchema> read = comparison.readWithoutServer(entityDdl);
                    readWithoutServer.complete(read);
                    if (read.isPresent()) {
                        buildOnServer.get(); // asked for once the replayed side shows a difference
                    }
                    return Optional.of(comparison.entitySide(c, entityDdl));
                } catch (SQLException | RuntimeException | ExecutionException e) {
                    return Optional
                            .<DatabaseSchema>empty(); // built on the replayed database, where a failure is reported
                } finally {
                    readWithoutServer.complete(Optional.empty());
                }
            });
            replay(server);
            try (Connection live = server.dataSource().getConnection();
                    FreshConnection objects = new FreshConnection(
                            () -> server.createDatabase(OBJECTS_DATABASE).getConnection())) {
                DatabaseSchema configured = comparison.readLive(live, List.of(request.managedSchema()));
                List<String> entityDdl = ddl.get();
                List<String> managed = comparison.managedSchemas(entityDdl);
                ReplayedSchema current = comparison.liveSide(live, managed, configured);
                keep.accept(managed, current);
                Optional<MigrationScript> confirmed =
                        result(readWithoutServer).flatMap(read -> comparison.confirmed(current, read, entityDdl));
                if (confirmed.isPresent()) {
                    logCacheUse(comparison);
                    return result(
                            comparison.withObjects(confirmed.get(), live, current, entityDdl, objects::get),
                            Set.of(),
                            Route.REPLAYED,
                            comparison);
                }
                buildOnServer.complete(null);
                DatabaseSchema desired = comparison.declaresStatements()
                        ? comparison.declaredTables(version.serverVersionNum(), entityDdl, objects::get)
                        : result(entitySide).orElseGet(() -> comparison.entitySide(live, live, entityDdl));
                MigrationScript diff = comparison.onServer(live, current, desired, entityDdl, objects::get);
                logCacheUse(comparison);
                return result(diff, Set.of(), Route.REPLAYED, comparison);
            } catch (SQLException e) {
                throw cannotConnect(e);
            }
        } finally {
            builder.shutdownNow();
            awaitQuietly(builder); // its connection is closed before the server stops
        }
    }

    /** Applies every migration to the throwaway {@code server}'s first database, announced in the log. */
    private void replay(ThrowawayServer server) {
        ReplayedChain.replay(request.chain(), server, server.dataSource(), "heads", log);
    }

    private SchemaComparison comparison(@Nullable EntitySchemaCache cache) {
        return new SchemaComparison(
                request.managedSchema(),
                exclusions,
                request.renames(),
                decider(),
                cache,
                request.serialToIdentity(),
                request.objects());
    }

    /**
     * The request's decider; in batch mode, where nobody can be asked, what looks renamed is noted
     * (unless the request says it is not renamed) and written as drop plus add.
     */
    private RenameDecider decider() {
        if (request.renameDecider().isPresent()) {
            return request.renameDecider().get();
        }
        Set<String> accepted = Set.copyOf(request.notRenamed());
        return (kind, owner, from, to) -> {
            String key = owner == null ? unqualified(from) : unqualified(owner) + "." + from;
            if (!accepted.contains(key)) {
                synchronized (suspectedRenames) {
                    suspectedRenames.add(key + "=" + (owner == null ? unqualified(to) : to));
                }
            }
            return false;
        };
    }

    private AutogenerateResult result(
            MigrationScript script, Set<ObjectName> largeTables, Route route, SchemaComparison comparison) {
        synchronized (suspectedRenames) {
            return new AutogenerateResult(
                    script, largeTables, List.copyOf(suspectedRenames), route, comparison.spreadTables());
        }
    }

    /** Says where the entity side came from: read without a server, or from the cache. */
    private void logCacheUse(SchemaComparison comparison) {
        if (comparison.confirmedByReading()) {
            log.info("The entities' DDL, read without building it, matches the schema at head.");
        }
        logCacheUse(comparison.entityCache());
    }

    private void logCacheUse(@Nullable EntitySchemaCache cache) {
        if (cache != null && cache.ddlHits() > 0) {
            log.info("Entity DDL" + (cache.hits() > 0 ? " and schema" : "") + " taken from the cache in "
                    + log.shown(cache.directory())
                    + " (the entity classes, their class path and settings are unchanged).");
        } else if (cache != null && cache.hits() > 0) {
            log.info("Entity schema taken from the cache in " + log.shown(cache.directory())
                    + " (the entities are unchanged).");
        }
    }

    private static String migrations(int count) {
        return count + " migration" + (count == 1 ? "" : "s");
    }

    private static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static MigrateException cannotConnect(SQLException e) {
        return new MigrateException(
                "Could not connect to the throwaway database to compare it with the entities: " + e.getMessage(), e);
    }

    /** What a task returned, or its failure as thrown there. */
    private static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new MigrateException(
                    "The comparison failed: " + e.getCause(), Objects.requireNonNullElse(e.getCause(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while comparing the entities with the schema at head.", e);
        }
    }

    private interface Opening {
        Connection open() throws SQLException;
    }

    /**
     * A connection to a throwaway database, opened when first asked for (the server starting then, if it
     * has not); closed with this.
     */
    private static final class FreshConnection implements AutoCloseable {
        private final Opening opening;
        private @Nullable Connection connection;

        FreshConnection(Opening opening) {
            this.opening = opening;
        }

        Connection get() {
            if (connection == null) {
                try {
                    connection = opening.open();
                } catch (SQLException e) {
                    throw cannotConnect(e);
                }
            }
            return connection;
        }

        boolean opened() {
            return connection != null;
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // the server it belongs to is stopped with the comparison
                }
            }
        }
    }

    /**
     * Writes to a cache on a thread of its own, so that the comparison and the throwaway server's stop
     * go on meanwhile; closing waits for what was handed to it. A cache write never throws: a failed
     * one only leaves the next run to build again.
     */
    private static final class Keeping implements AutoCloseable {
        private final ExecutorService thread =
                Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-replay-cache"));

        void store(Runnable write) {
            thread.execute(write);
        }

        @Override
        public void close() {
            thread.shutdown();
            awaitQuietly(thread);
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The provider's DDL, written on a thread of its own from the moment this is made: from the
     * entity cache when nothing it depends on changed (the provider is then not started at all),
     * otherwise from the provider, and stored.
     */
    private final class EntityDdl implements AutoCloseable {
        private final ExecutorService thread =
                Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-entity-ddl"));
        /** Whether the cache held the DDL, known before the provider would start. */
        private final CompletableFuture<Boolean> cached = new CompletableFuture<>();

        private final Future<List<String>> ddl;

        private final SchemaComparison comparison;

        EntityDdl(int serverMajorVersion, @Nullable EntitySchemaCache cache, SchemaComparison comparison) {
            this.comparison = comparison;
            EntityDdlSource source = request.entityDdl();
            ddl = thread.submit(() -> {
                try {
                    if (cache == null) {
                        cached.complete(false);
                        return source.generate(serverMajorVersion);
                    }
                    String key = source.key(serverMajorVersion);
                    Optional<List<String>> found = cache.findDdl(key);
                    cached.complete(found.isPresent());
                    return found.isPresent() ? found.get() : cache.ddl(key, () -> source.generate(serverMajorVersion));
                } finally {
                    cached.complete(false);
                }
            });
        }

        /** Whether the DDL comes from the cache; waits for the lookup, not for the provider. */
        boolean fromCache() {
            return cached.join(); // completed by the lookup, or with false if it failed (as the DDL then does)
        }

        /**
         * The DDL, the distributions the entities declare taken out and handed to the comparison; waits for
         * the provider, and throws what it threw.
         */
        List<String> get() {
            return comparison.declaring(result(ddl));
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    /**
     * A throwaway server that starts on a thread of its own once asked to (starting one is mostly
     * waiting for its processes), closed when this is if it was started.
     */
    private final class StartingServer implements AutoCloseable {
        private final ThrowawayVersion version;
        private final ExecutorService thread =
                Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-throwaway-server"));
        private @Nullable Future<ThrowawayServer> server;

        StartingServer(ThrowawayVersion version) {
            this.version = version;
        }

        /** Starts the server, unless it is starting already. */
        StartingServer start() {
            if (server == null) {
                server = thread.submit(() -> databases.start(version));
                thread.shutdown();
            }
            return this;
        }

        /** The server, once it accepts connections; throws what starting it threw. */
        ThrowawayServer get() {
            return result(Objects.requireNonNull(start().server)); // set by start()
        }

        @Override
        public void close() {
            if (server == null) {
                return;
            }
            ThrowawayServer started;
            try {
                started = server.get();
            } catch (ExecutionException e) {
                return; // it did not start: nothing to stop, and the failure is reported where it was asked for
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            started.close();
        }
    }

    /**
     * The throwaway server of {@code comparisonDatabase=embedded}, started when the comparison first
     * asks for it: with unchanged entities, the entity cache answers and it never starts.
     */
    private final class ScratchServer implements AutoCloseable {
        private final ThrowawayVersion version;
        private @Nullable ThrowawayServer server;
        private @Nullable Connection connection;
        private @Nullable Connection objects;

        ScratchServer(ThrowawayVersion version) {
            this.version = version;
        }

        /** A new database for the declared objects, on this server (started now if it has not). */
        Connection objectsDatabase() {
            if (objects == null) {
                if (server == null) {
                    log.info("Applying the declared objects on a throwaway embedded PostgreSQL " + version.major()
                            + ", after the entities' tables.");
                    server = databases.start(version);
                }
                try {
                    objects = server.createDatabase(OBJECTS_DATABASE).getConnection();
                } catch (SQLException e) {
                    throw new MigrateException(
                            "Could not connect to the throwaway embedded PostgreSQL: " + e.getMessage(), e);
                }
            }
            return objects;
        }

        Connection connection() {
            if (connection == null) {
                log.info("Building the entity side on a throwaway embedded PostgreSQL " + version.major()
                        + " (comparisonDatabase=embedded): the configured database is only read.");
                if (server == null) {
                    server = databases.start(version);
                }
                try {
                    connection = server.dataSource().getConnection();
                } catch (SQLException e) {
                    throw new MigrateException(
                            "Could not connect to the throwaway embedded PostgreSQL: " + e.getMessage(), e);
                }
            }
            return connection;
        }

        @Override
        @SuppressWarnings("try") // the try statement only closes both, and either may be null
        public void close() {
            try (ThrowawayServer stopped = server;
                    Connection closed = connection;
                    Connection closedToo = objects) {
                // both closed, the connection first
            } catch (SQLException e) {
                // the server stops anyway; a connection that fails to close is gone with it
            }
        }
    }
}
