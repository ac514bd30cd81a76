package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.AutogenerateResult.Route;
import dev.migrate.autogen.cache.Fingerprint;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.cache.ReplayedSchema;
import dev.migrate.autogen.internal.cache.ReplayedSchemaCache;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import dev.migrate.servers.ComparisonDatabases.ThrowawayVersion;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The comparison on the embedded default: planned from what the caches hold ({@link
 * ComparisonPlan#onEmbeddedDefault}), then from the caches alone when they hold both sides; else on a
 * throwaway server that builds the entity side, and replays the chain only when the replay cache lacks
 * its schema or the comparison needs the replayed database to answer.
 */
final class OnEmbeddedDefault extends ComparisonRoute {
    /** The database of a throwaway server the entity side is built in while the chain replays in the first. */
    private static final String ENTITY_DATABASE = "migrate_entities";
    /** The database of the declared objects, for a comparison without a replay, on a server that may replay the chain next. */
    private static final String CACHED_ROUTE_OBJECTS_DATABASE = "migrate_objects_unreplayed";

    private final ThrowawayVersion version;

    OnEmbeddedDefault(
            AutogenerateRequest request,
            ComparisonDatabases databases,
            AutogenerateLog log,
            Consumer<ComparisonPlan> planned) {
        super(request, databases, log, planned);
        this.version = databases.defaultVersion();
    }

    @Override
    AutogenerateResult compare() {
        // the replayed schema is written to the cache on a thread of its own, waited for last, so that the
        // comparison and the server's stop go on meanwhile; a failed write only leaves the next run to build again
        ExecutorService keeping = Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-replay-cache"));
        try (StartingServer starting = new StartingServer(version);
                EntityDdl ddl = new EntityDdl(
                        version.major(),
                        request.replayCache().isPresent()
                                && request.entityCache().isPresent())) {
            CacheFacts facts = new CacheFacts(ddl);
            ComparisonPlan plan = ComparisonPlan.onEmbeddedDefault(facts);
            planned.accept(plan);
            if (plan.serverAtOnce()) {
                starting.start();
            }
            if (!plan.keepReplayed()) {
                return replayed(starting.get(), ddl, (managed, current) -> {});
            }
            Optional<List<String>> chainSql = plan.schemaAtHead() == ComparisonPlan.SchemaAtHead.CHAIN_SQL
                    ? MigratorTools.of(request.chain()).chainStatements()
                    : Optional.empty();
            if (chainSql.isPresent()) {
                // what was found in sync with the schema this SQL builds: keyed by the SQL, which the route has,
                // rather than by the chain's fingerprint, which checksums every migration's operations
                ReplayedSchemaCache bySql = new ReplayedSchemaCache(
                        request.replayCache().orElseThrow(),
                        new Fingerprint().fields("chain SQL", chainSql.get()).hex(),
                        version.identity());
                if (foundInSync(bySql, ddl)) {
                    return inSync(bySql, request.chain().revisions().size());
                }
                Optional<AutogenerateResult> read = fromChainSql(chainSql.get(), ddl);
                if (read.isPresent()) {
                    return keptIfInSync(bySql, ddl, read.get());
                }
            }
            // the chain's fingerprint checksums every migration: only a route that reaches the cache pays for it
            ReplayedSchemaCache replays = facts.replays();
            if (plan.schemaAtHead() == ComparisonPlan.SchemaAtHead.REPLAY_CACHE) {
                Optional<AutogenerateResult> withoutReplay =
                        fromCaches(replays, starting, ddl, Objects.requireNonNull(entityCache));
                if (withoutReplay.isPresent()) {
                    if (request.readyingAhead()) {
                        readyServer(starting, ddl);
                    }
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
            return keptIfInSync(
                    replays,
                    ddl,
                    replayed(
                            server,
                            ddl,
                            (managed, current) -> keeping.execute(() -> replays.store(managed, exclusions, current))));
        } finally {
            keeping.shutdown();
            awaitQuietly(keeping);
        }
    }

    /**
     * An unchanged chain: nothing is replayed if the caches, the reading or the entity side built on a
     * fresh server (started only then) answer; empty when they do not.
     */
    private Optional<AutogenerateResult> fromCaches(
            ReplayedSchemaCache replays, StartingServer starting, EntityDdl ddl, EntitySchemaCache cache) {
        int count = request.chain().revisions().size();
        // read into memory while the provider may still write the DDL: the replayed schemas of the chain and,
        // when the DDL is new, the model built last, which only the changed tables are then built against
        boolean ddlChanged = !ddl.fromCache();
        if (!ddlChanged && foundInSync(replays, ddl)) {
            return Optional.of(inSync(replays, count));
        }
        replays.prefetch(exclusions);
        if (ddlChanged) {
            comparison.reader.prefetchLastBuild(version.serverVersionNum());
            if (foundInSync(replays, ddl)) { // new DDL, as another comparison found in sync: nothing to build
                return Optional.of(inSync(replays, count));
            }
        }
        try (FreshConnection fresh = new FreshConnection(
                        TO_COMPARE, () -> starting.get().dataSource().getConnection());
                FreshConnection objects = new FreshConnection(
                        TO_COMPARE,
                        () -> starting.get()
                                .createDatabase(CACHED_ROUTE_OBJECTS_DATABASE)
                                .getConnection())) {
            Optional<MigrationScript> withoutReplay =
                    comparison.fromCaches(replays, ddl.get(), fresh::get, objects::get);
            if (withoutReplay.isEmpty()) {
                return Optional.empty();
            }
            if (fresh.opened() || objects.opened()) {
                int rebuilt = cache.rebuiltTables();
                log.info("The schema at head (" + migrations(count) + ") taken from the cache in "
                        + log.shown(replays.directory())
                        + (rebuilt == 0
                                ? ": the migrations were not replayed, only the entity side was built."
                                : ": the migrations were not replayed; of the entity side only the "
                                        + (rebuilt == 1 ? "table" : rebuilt + " tables")
                                        + " whose DDL changed " + (rebuilt == 1 ? "was" : "were")
                                        + " built, the rest taken from " + log.shown(cache.directory()) + "."));
                logCacheUse();
                return Optional.of(
                        keptIfInSync(replays, ddl, result(withoutReplay.get(), Set.of(), Route.CACHED_CHAIN)));
            }
            String schemaAtHead = "The schema at head (" + migrations(count) + " on PostgreSQL " + version.version()
                    + ") taken from the cache in " + log.shown(replays.directory());
            log.info(
                    comparison.confirmedByReading()
                            ? schemaAtHead + " and matched by " + desiredDdl() + ", read without building it: "
                                    + "nothing was replayed or built ("
                                    + log.setting("replayCache", "false")
                                    + " replays the migrations anyway)."
                            : schemaAtHead + ", the entity schema from " + log.shown(cache.directory())
                                    + ": no PostgreSQL was started (" + log.setting("replayCache", "false")
                                    + " replays the migrations anyway).");
            return Optional.of(keptIfInSync(replays, ddl, result(withoutReplay.get(), Set.of(), Route.CACHES)));
        }
    }

    /**
     * Ahead of the next comparison, when the caches answered: the server it will build on started, and when the entity
     * cache keeps no build of the entity side for this server, that side built there, so that the next comparison
     * builds only the tables whose DDL changed. Entity DDL that needs what the migrations create cannot be built
     * apart: the next comparison builds it as before.
     */
    private void readyServer(StartingServer starting, EntityDdl ddl) {
        ThrowawayServer server = starting.start().get();
        SideReader reader = comparison.reader;
        if (reader.declaresStatements() || reader.buildsChangedTables(version.serverVersionNum())) {
            return;
        }
        try (Connection c = server.createDatabase(ENTITY_DATABASE).getConnection()) {
            reader.built(c, ddl.get());
        } catch (SQLException | MigrateException e) {
            // built by the next comparison, where a failure is reported
        }
    }

    /**
     * Whether a comparison of the chain's schema with the same entity DDL, declared objects and settings found
     * no difference before ({@link ReplayedSchemaCache#foundInSync}): neither side then needs reading again.
     */
    private boolean foundInSync(ReplayedSchemaCache replays, EntityDdl ddl) {
        return replays.foundInSync(exclusions, comparedWith(ddl));
    }

    private AutogenerateResult inSync(ReplayedSchemaCache replays, int count) {
        String compared = request.entityDdl().described();
        log.info(Character.toUpperCase(compared.charAt(0)) + compared.substring(1) + " matched the schema at head ("
                + migrations(count) + " on PostgreSQL " + version.version() + ") when last compared, and neither the"
                + " chain nor their DDL, the declared objects or the settings have changed since (as "
                + log.shown(replays.directory())
                + " records): nothing was read or built (" + log.setting("replayCache", "false")
                + " compares them anyway).");
        return result(MigrationScript.empty(), Set.of(), Route.CACHES);
    }

    /**
     * {@code result}, kept as found in sync ({@link ReplayedSchemaCache#keepInSync}) when it holds no difference,
     * warning or note at all, and the entities spread nothing over a Citus cluster.
     */
    private AutogenerateResult keptIfInSync(ReplayedSchemaCache replays, EntityDdl ddl, AutogenerateResult result) {
        MigrationScript script = result.script();
        if (script.isEmpty()
                && script.warnings().isEmpty()
                && script.guards().isEmpty()
                && result.suspectedRenames().isEmpty()
                && result.spreadTables().isEmpty()
                && comparison.reader.declaredDistribution().isEmpty()) {
            replays.keepInSync(exclusions, comparedWith(ddl));
        }
        return result;
    }

    /**
     * Everything a comparison's answer depends on besides the chain, the server and the exclusions: the entities'
     * DDL as written, the declared objects, the managed schema, the contexts and how differences are read.
     */
    private List<String> comparedWith(EntityDdl ddl) {
        List<String> parts = new ArrayList<>();
        parts.add("managed schema " + request.managedSchema());
        parts.add("contexts " + new TreeSet<>(request.chain().contexts()));
        parts.add("renames " + new TreeMap<>(request.renames()));
        parts.add("not renamed " + request.notRenamed());
        parts.add("serial to identity " + request.serialToIdentity());
        parts.add("whole schema declared " + request.wholeSchemaDeclared());
        parts.add("objects " + request.objects().managed());
        request.objects().statements().forEach(statement -> parts.add(statement.sql()));
        parts.add("entity DDL " + ddl.fingerprint());
        return parts;
    }

    /**
     * A check on a fresh checkout: the schema at head read from the SQL the migrations render, when it is
     * plain enough to read, confirming the entities' DDL read the same way, with no server at all; empty
     * when either reading fails or they differ.
     */
    private Optional<AutogenerateResult> fromChainSql(List<String> chainSql, EntityDdl ddl) {
        Optional<ReplayedSchema> head = comparison.reader.readChain(chainSql, version.serverVersionNum());
        Optional<MigrationScript> confirmed = head.flatMap(read -> comparison.confirmedAtHead(read, ddl.get()));
        if (confirmed.isEmpty()) {
            return Optional.empty();
        }
        log.info("The schema at head read from the SQL of the "
                + migrations(request.chain().revisions().size())
                + " and matched by " + desiredDdl() + ", read without building it: no PostgreSQL was started.");
        logCacheUse();
        return Optional.of(result(confirmed.get(), Set.of(), Route.READ_CHAIN));
    }

    /** What the request and its caches hold, asked by the plan as it needs it. */
    private final class CacheFacts implements ComparisonPlan.EmbeddedFacts {
        private final EntityDdl ddl;
        private @Nullable ReplayedSchemaCache replays;

        CacheFacts(EntityDdl ddl) {
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
            return request.expectingNoDifference() && !request.readyingAhead();
        }
    }

    /**
     * Replays the chain on {@code server}'s database while the entity side is built in another of its
     * databases, on a connection of its own; reads the replayed schema (handed to {@code keep}, with the schemas read)
     * and compares. Entity DDL that needs what the migrations create fails in the other database: it
     * is then built on the replayed one, where a failure is the provider's to report.
     */
    private AutogenerateResult replayed(
            ThrowawayServer server, EntityDdl ddl, BiConsumer<List<String>, ReplayedSchema> keep) {
        SideReader reader = comparison.reader;
        ExecutorService builder = Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-entity-side"));
        // the entity side read without a server, when the DDL allows; the server builds it only if that finds a change
        CompletableFuture<Optional<DatabaseSchema>> readWithoutServer = new CompletableFuture<>();
        CompletableFuture<Void> buildOnServer = new CompletableFuture<>();
        try {
            Future<Optional<DatabaseSchema>> entitySide = builder.submit(() -> {
                if (reader.declaresStatements()) {
                    // the desired tables are built with the declared statements, on the objects database
                    readWithoutServer.complete(Optional.empty());
                    return Optional.<DatabaseSchema>empty();
                }
                // the database is made while the provider may still be writing the DDL
                try (Connection c = server.createDatabase(ENTITY_DATABASE).getConnection()) {
                    List<String> entityDdl = ddl.get();
                    Optional<DatabaseSchema> cached = reader.cached(version.serverVersionNum(), entityDdl);
                    if (cached.isPresent()) {
                        return cached;
                    }
                    Optional<DatabaseSchema> read = reader.readWithoutServer(entityDdl);
                    readWithoutServer.complete(read);
                    if (read.isPresent()) {
                        buildOnServer.get(); // asked for once the replayed side shows a difference
                    }
                    return Optional.of(reader.built(c, entityDdl));
                } catch (SQLException | RuntimeException | ExecutionException e) {
                    return Optional
                            .<DatabaseSchema>empty(); // built on the replayed database, where a failure is reported
                } finally {
                    readWithoutServer.complete(Optional.empty());
                }
            });
            ReplayedChain.replay(request.chain(), server, server.dataSource(), "heads", log);
            try (Connection live = server.dataSource().getConnection();
                    FreshConnection objects = new FreshConnection(
                            TO_COMPARE,
                            () -> server.createDatabase(OBJECTS_DATABASE).getConnection())) {
                DatabaseSchema configured = reader.read(live, List.of(request.managedSchema()), true);
                List<String> entityDdl = ddl.get();
                List<String> managed = reader.managedSchemas(entityDdl);
                ReplayedSchema current = reader.read(live, managed, configured, true);
                keep.accept(managed, current);
                // ahead of the next comparison the entity side is built, for the cache to keep that build
                Optional<MigrationScript> confirmed = request.readyingAhead()
                        ? Optional.empty()
                        : result(readWithoutServer).flatMap(read -> comparison.confirmed(current, read, entityDdl));
                if (confirmed.isPresent()) {
                    logCacheUse();
                    return result(
                            comparison.withObjects(confirmed.get(), live, current, entityDdl, objects::get),
                            Set.of(),
                            Route.REPLAYED);
                }
                buildOnServer.complete(null);
                DatabaseSchema desired = reader.declaresStatements()
                        ? reader.declaredTables(version.serverVersionNum(), entityDdl, objects::get)
                        : result(entitySide).orElseGet(() -> reader.built(live, entityDdl));
                MigrationScript diff = comparison.onServer(live, current, desired, entityDdl, objects::get);
                logCacheUse();
                return result(diff, Set.of(), Route.REPLAYED);
            } catch (SQLException e) {
                throw new MigrateException(TO_COMPARE + ": " + e.getMessage(), e);
            }
        } finally {
            builder.shutdownNow();
            awaitQuietly(builder); // its connection is closed before the server stops
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
