package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.AutogenerateResult.Route;
import dev.migrate.autogen.cache.Fingerprint;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.cache.EntitySnapshot;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import dev.migrate.servers.ComparisonDatabases.ThrowawayVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One way {@link Autogenerate} runs, on the configured database or on the embedded default, and what both
 * ways share: the request and the databases it may use, the comparison made for it, the work started beside
 * it (the provider's DDL, a throwaway server, connections opened when first asked for), and what a run writes
 * back: the result, with the renames it suspected in batch mode, and the log lines that say where the entity
 * side came from.
 */
abstract sealed class ComparisonRoute permits OnConfiguredDatabase, OnEmbeddedDefault {
    /** The database of a throwaway server where the declared objects are applied after the entities' tables. */
    static final String OBJECTS_DATABASE = "migrate_objects";
    /** What a failure to connect to a throwaway database of the embedded default says. */
    static final String TO_COMPARE = "Could not connect to the throwaway database to compare it with the entities";

    final AutogenerateRequest request;
    final ComparisonDatabases databases;
    final AutogenerateLog log;
    final Exclusions exclusions;
    /** The entity cache the request names; {@code null}: none. */
    final @Nullable EntitySchemaCache entityCache;

    final SchemaComparison comparison;
    /** Told the plan once it is chosen, before it is carried out. */
    final Consumer<ComparisonPlan> planned;
    /** What looked renamed in batch mode, as {@code old=new}. */
    private final Set<String> suspectedRenames = new LinkedHashSet<>();

    ComparisonRoute(
            AutogenerateRequest request,
            ComparisonDatabases databases,
            AutogenerateLog log,
            Consumer<ComparisonPlan> planned) {
        this.request = request;
        this.databases = databases;
        this.log = log;
        this.planned = planned;
        this.exclusions = exclusions(request);
        this.entityCache = request.entityCache().map(EntitySchemaCache::new).orElse(null);
        this.comparison = new SchemaComparison(
                request.managedSchema(),
                exclusions,
                request.renames(),
                decider(),
                entityCache,
                request.serialToIdentity(),
                request.objects(),
                request.wholeSchemaDeclared());
    }

    /** Compares the entities of the request with the schema at head of its chain this way. */
    abstract AutogenerateResult compare();

    /** The names left out on both sides: the version tables, and what the request excludes. */
    static Exclusions exclusions(AutogenerateRequest request) {
        return Exclusions.versionTables(request.versionTable(), request.historyTable())
                .and(request.exclude());
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

    private static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    AutogenerateResult result(MigrationScript script, Set<ObjectName> largeTables, Route route) {
        synchronized (suspectedRenames) {
            return new AutogenerateResult(
                    script, largeTables, List.copyOf(suspectedRenames), route, comparison.spreadTables());
        }
    }

    /**
     * The DDL of the desired schema as the log names it: {@code the entities' DDL}, {@code the DDL of the SQL schema
     * files in src/main/resources/db/schema}.
     */
    String desiredDdl() {
        String described = request.entityDdl().described();
        return described.equals(EntityDdlSource.ENTITIES) ? "the entities' DDL" : "the DDL of " + described;
    }

    /** Says where the entity side came from: read without a server, or from the cache. */
    void logCacheUse() {
        if (comparison.confirmedByReading()) {
            String desired = desiredDdl();
            log.info(Character.toUpperCase(desired.charAt(0)) + desired.substring(1)
                    + ", read without building it, matches the schema at head.");
        }
        EntitySchemaCache cache = entityCache;
        if (cache != null && cache.ddlHits() > 0) {
            log.info("Entity DDL" + (cache.hits() > 0 ? " and schema" : "") + " taken from the cache in "
                    + log.shown(cache.directory())
                    + " (the entity classes, their class path and settings are unchanged).");
        } else if (cache != null && cache.hits() > 0) {
            log.info("Entity schema taken from the cache in " + log.shown(cache.directory())
                    + " (the entities are unchanged).");
        }
    }

    static String migrations(int count) {
        return count + " migration" + (count == 1 ? "" : "s");
    }

    /** What a task returned, or its failure as thrown there. */
    static <T> T result(Future<T> task) {
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

    /**
     * The provider's DDL, written on a thread of its own from the moment this is made, so that the provider
     * boots while the database is read: from the entity cache when nothing it depends on changed (the
     * provider is then not started at all), otherwise from the provider, and stored.
     */
    final class EntityDdl implements AutoCloseable {
        /**
         * Where the cache key is made while the provider runs (when no DDL is stored) or describes a change alone: a
         * thread that ends with it.
         */
        private static final Executor KEY_THREAD = task -> {
            Thread thread = new Thread(task, "migrate-entity-ddl-key");
            thread.setDaemon(true);
            thread.start();
        };

        private final ExecutorService thread =
                Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-entity-ddl"));
        /** Whether the cache held the DDL, known before the provider would start. */
        private final CompletableFuture<Boolean> cached = new CompletableFuture<>();

        private final Future<List<String>> ddl;
        /** A fingerprint of the DDL as written, made on the same thread once it is there; null when not asked for. */
        private final @Nullable Future<String> fingerprint;

        /** The DDL alone: a route that keeps no record of comparisons found in sync. */
        EntityDdl(int serverMajorVersion) {
            this(serverMajorVersion, false);
        }

        /**
         * @param fingerprinted whether {@link #fingerprint} is asked for, so that the entity thread makes it while
         *     the route does other work
         */
        EntityDdl(int serverMajorVersion, boolean fingerprinted) {
            EntityDdlSource source = request.entityDdl();
            EntitySchemaCache cache = entityCache;
            @Nullable
            EntitySnapshot snapshot = cache == null
                    ? null
                    : request.entitySnapshot().map(EntitySnapshot::new).orElse(null);
            ddl = thread.submit(() -> {
                try {
                    if (cache == null) {
                        cached.complete(false);
                        return source.generate(serverMajorVersion);
                    }
                    if (!cache.holdsDdl() && (snapshot == null || !snapshot.exists())) {
                        // nothing stored can match: the provider starts at once, and the key its DDL is stored
                        // under (every class file read and hashed) is made beside it
                        cached.complete(false);
                        CompletableFuture<String> key =
                                CompletableFuture.supplyAsync(() -> source.key(serverMajorVersion), KEY_THREAD);
                        List<String> generated = source.generate(serverMajorVersion);
                        return stored(cache, snapshot, result(key), generated);
                    }
                    // a change the source describes alone costs less than the key's reading of every class file:
                    // the key is made beside it, to store the DDL under
                    CompletableFuture<String> making =
                            CompletableFuture.supplyAsync(() -> source.key(serverMajorVersion), KEY_THREAD);
                    Optional<List<String>> alone = source.describedAlone(serverMajorVersion);
                    if (alone.isPresent()) {
                        cached.complete(false);
                        return stored(cache, snapshot, result(making), alone.get());
                    }
                    String key = result(making);
                    Optional<List<String>> found = cache.findDdl(key).or(() -> fromSnapshot(cache, snapshot, key));
                    cached.complete(found.isPresent());
                    if (found.isPresent()) {
                        source.held(serverMajorVersion, key, found.get());
                        return written(snapshot, key, found.get());
                    }
                    return stored(cache, snapshot, key, source.generate(serverMajorVersion));
                } finally {
                    cached.complete(false);
                }
            });
            fingerprint = fingerprinted
                    ? thread.submit(() -> new Fingerprint()
                            .statements("entity DDL", result(ddl))
                            .hex())
                    : null;
        }

        /** The DDL {@code snapshot} holds for {@code key}, stored in {@code cache} too; said when it is for others. */
        private Optional<List<String>> fromSnapshot(
                EntitySchemaCache cache, @Nullable EntitySnapshot snapshot, String key) {
            if (snapshot == null || !snapshot.exists()) {
                return Optional.empty();
            }
            EntitySnapshot.Lookup lookup = snapshot.find(key);
            Optional<List<String>> found = lookup.found();
            if (found.isPresent()) {
                log.info("Read the entities' DDL from " + log.shown(snapshot.file())
                        + ", written for the same entities, provider and settings.");
                cache.storeDdl(key, found.get());
            } else {
                log.info(log.shown(snapshot.file()) + " " + lookup.missed() + ": the provider describes the entities"
                        + (request.entitySnapshotWritten() ? "." : " (autogenerate writes it again)."));
            }
            return found;
        }

        /** {@code ddl}, stored in {@code cache} under {@code key} and written to the snapshot. */
        private List<String> stored(
                EntitySchemaCache cache, @Nullable EntitySnapshot snapshot, String key, List<String> ddl) {
            cache.storeDdl(key, ddl);
            return written(snapshot, key, ddl);
        }

        /** {@code ddl}, written to {@code snapshot} under {@code key} when the request writes it. */
        private List<String> written(@Nullable EntitySnapshot snapshot, String key, List<String> ddl) {
            if (snapshot != null && request.entitySnapshotWritten()) {
                snapshot.write(key, ddl);
            }
            return ddl;
        }

        /** Whether the DDL comes from the cache; waits for the lookup, not for the provider. */
        boolean fromCache() {
            return cached.join(); // completed by the lookup, or with false if it failed (as the DDL then does)
        }

        /**
         * The DDL, the distributions the entities declare taken out and handed to the entity side; waits for
         * the provider, and throws what it threw.
         */
        List<String> get() {
            return comparison.reader.declaring(result(ddl));
        }

        /**
         * A fingerprint of the DDL as the provider wrote it, the distributions the entities declare among it; waits
         * as {@link #get} does.
         */
        String fingerprint() {
            return result(Objects.requireNonNull(fingerprint, "an EntityDdl made to be fingerprinted"));
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
    final class StartingServer implements AutoCloseable {
        private final Supplier<ThrowawayVersion> versionWhenAsked;
        private @Nullable ThrowawayVersion version;
        private final ExecutorService thread =
                Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-throwaway-server"));
        private @Nullable Future<ThrowawayServer> server;

        StartingServer(ThrowawayVersion version) {
            this(() -> version);
        }

        /** A server of the version {@code version} gives, asked for once, when first needed. */
        StartingServer(Supplier<ThrowawayVersion> version) {
            this.versionWhenAsked = version;
        }

        /** Its version, known without starting it. */
        synchronized ThrowawayVersion version() {
            ThrowawayVersion known = version;
            if (known == null) {
                known = versionWhenAsked.get();
                version = known;
            }
            return known;
        }

        /** Whether it was asked to start. */
        boolean started() {
            return server != null;
        }

        /** Starts the server, unless it is starting already. */
        StartingServer start() {
            if (server == null) {
                ThrowawayVersion starting = version();
                server = thread.submit(() -> databases.start(starting));
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
     * A connection to a throwaway database, opened when first asked for (the server starting then, if it
     * has not); closed with this.
     */
    static final class FreshConnection implements AutoCloseable {
        interface Opening {
            Connection open() throws SQLException;
        }

        /** What a failure to open it says, before the driver's message. */
        private final String failure;

        private final Opening opening;
        private @Nullable Connection connection;

        FreshConnection(String failure, Opening opening) {
            this.failure = failure;
            this.opening = opening;
        }

        Connection get() {
            if (connection == null) {
                try {
                    connection = opening.open();
                } catch (SQLException e) {
                    throw new MigrateException(failure + ": " + e.getMessage(), e);
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
}
