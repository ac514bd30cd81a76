package dev.migrate.internal.fleet;

import dev.migrate.AppliedStep;
import dev.migrate.ChecksumCache;
import dev.migrate.CurrentRevision;
import dev.migrate.FinishedRun;
import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.MigrationRun;
import dev.migrate.StepDirection;
import dev.migrate.TenantResult;
import dev.migrate.TenantRun;
import dev.migrate.connection.WritableServer;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.runtime.Engine;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.internal.runtime.session.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A fleet's commands: each resolves the tenants, reads the version tables of the tenant schemas
 * in bulk, and runs each tenant that has something to do with the same engine, settings and
 * checks as a single database, on a bounded pool; the summary goes to the log at the end.
 */
public final class FleetEngine {
    /** The fewest tenant schemas of one database {@link #inspect} gives a task: a bulk read's worth. */
    private static final int TENANTS_PER_GROUP = 100;

    private final Engine engine;
    private final List<Tenant.Database> databases;
    private final @Nullable TenantSpec spec;
    private final @Nullable Integer parallel;
    private final boolean failFast;
    private final int canary;

    /**
     * @param engine the migrations and settings every tenant runs with
     * @param databases the fleet's databases, at least one
     * @param spec the tenant schemas, or null for a database per tenant
     * @param parallel tenants at once, or null for {@link FleetMembers#defaultParallel}
     */
    public FleetEngine(
            Engine engine,
            List<Tenant.Database> databases,
            @Nullable TenantSpec spec,
            @Nullable Integer parallel,
            boolean failFast,
            int canary) {
        this.engine = engine;
        this.databases = List.copyOf(databases);
        this.spec = spec;
        this.parallel = parallel;
        this.failFast = failFast;
        this.canary = canary;
    }

    private MigrationLog log() {
        return engine.settings().log();
    }

    /** The tenants, resolved on the databases (online) or from their names alone (offline). */
    public List<Tenant> tenants(boolean online) {
        if (online && databases.stream().anyMatch(d -> d.connections() == null)) {
            throw new MigrateException("A fleet needs a database to run on: "
                    + engine.settings().fixes().fleetDatabase() + "; only offline SQL needs none.");
        }
        return FleetMembers.resolve(databases, spec, online, engine.settings().fixes());
    }

    /** Upgrades every tenant to the target {@code text} says, which {@code target} parses once it is heard. */
    public FleetResult upgrade(String text, Supplier<RevisionTarget> target) {
        return heard(
                new MigrationRun(StepDirection.UPGRADE, text, true),
                run -> migrate("upgrade", run, target.get(), engine.graph()::planUpgrade, Engine::upgradeRun));
    }

    /** Downgrades every tenant to the target {@code text} says, which {@code target} parses once it is heard. */
    public FleetResult downgrade(String text, Supplier<RevisionTarget> target) {
        return heard(
                new MigrationRun(StepDirection.DOWNGRADE, text, true),
                run -> migrate("downgrade", run, target.get(), engine.graph()::planDowngrade, Engine::downgradeRun));
    }

    /**
     * Runs a fleet's upgrade or downgrade between the listener's {@code beforeRun} and {@code afterRun};
     * a failure of the whole fleet (a target that names nothing, a database that cannot be reached) is
     * heard at {@code onFailure} too.
     */
    private FleetResult heard(MigrationRun run, Function<MigrationRun, FleetResult> work) {
        MigrationListener listener = engine.settings().listener();
        long start = System.nanoTime();
        listener.beforeRun(run);
        FleetResult result;
        try {
            result = work.apply(run);
        } catch (RuntimeException | Error e) {
            if (e instanceof MigrateException failure) {
                listener.onFailure(failure);
            }
            try {
                listener.afterRun(new FinishedRun(run, Duration.ofNanos(System.nanoTime() - start), false));
            } catch (RuntimeException also) {
                e.addSuppressed(also);
            }
            throw e;
        }
        listener.afterRun(new FinishedRun(run, Duration.ofNanos(System.nanoTime() - start), result.succeeded()));
        return result;
    }

    private FleetResult migrate(
            String command,
            MigrationRun heard,
            RevisionTarget target,
            BiFunction<Set<String>, RevisionTarget, List<Step>> planner,
            BiFunction<Engine, RevisionTarget, Engine.Run> run) {
        engine.graph().checkNames(target); // once, before any tenant is resolved or connected to
        MigrationListener listener = engine.settings().listener();
        long start = System.nanoTime();
        List<Tenant> tenants = tenants(true);
        Map<Tenant, VersionScan.Tables> scanned = scan(tenants, true, command);
        Map<String, String> cached = engine.settings().checksumCache().checksums();
        Map<String, String> known = scanned.isEmpty() ? new HashMap<>(cached) : new HashMap<>(engine.checksums());
        Map<String, String> learned = new ConcurrentHashMap<>(known);
        ChecksumCache shared = new ChecksumCache() {
            @Override
            public Map<String, String> checksums() {
                return known;
            }

            @Override
            public void store(Map<String, String> checksums) {
                learned.putAll(checksums);
            }
        };
        List<TenantResult> results = runTenants(tenants, (tenant, kept) -> {
            listener.beforeTenant(new TenantRun(heard, tenant.name()));
            TenantResult result = migrateTenant(tenant, kept, scanned.get(tenant), target, planner, run, known, shared);
            listener.afterTenant(result);
            return result;
        });
        // a tenant not run was never started: it is heard here, once the fleet is done
        results.stream()
                .filter(r -> r.outcome() == TenantResult.Outcome.NOT_RUN)
                .forEach(listener::afterTenant);
        if (!learned.equals(cached) && results.stream().noneMatch(r -> r.outcome() == TenantResult.Outcome.FAILED)) {
            engine.settings().checksumCache().store(Map.copyOf(learned));
        }
        return finish(command + " to " + target, results, start);
    }

    /**
     * One tenant of an upgrade or downgrade: left alone when it was read in bulk at the target with
     * every checksum matching, else run under its lock with the steps it applied recorded, for a run
     * that fails midway.
     */
    private TenantResult migrateTenant(
            Tenant tenant,
            KeptConnections kept,
            VersionScan.@Nullable Tables tables,
            RevisionTarget target,
            BiFunction<Set<String>, RevisionTarget, List<Step>> planner,
            BiFunction<Engine, RevisionTarget, Engine.Run> run,
            Map<String, String> known,
            ChecksumCache shared) {
        if (tables != null && atTarget(tables, target, planner, known)) {
            List<String> rows = List.copyOf(tables.versions());
            return new TenantResult(
                    tenant.name(), TenantResult.Outcome.UNCHANGED, rows, rows, List.of(), Duration.ZERO, null);
        }
        List<AppliedStep> applied = new CopyOnWriteArrayList<>();
        MigrationListener recorder = new MigrationListener() {
            @Override
            public void afterStep(AppliedStep step) {
                applied.add(step);
            }
        };
        Engine one = engineFor(
                tenant,
                kept.of(tenant),
                shared,
                MigrationListener.allOf(List.of(recorder, engine.settings().listener())));
        return timed(tenant, one, tables, applied, () -> {
            Engine.Run done = run.apply(one, target);
            return new TenantResult(
                    tenant.name(),
                    done.applied().isEmpty() ? TenantResult.Outcome.UNCHANGED : TenantResult.Outcome.MIGRATED,
                    List.copyOf(done.before()),
                    List.copyOf(done.after()),
                    done.applied(),
                    Duration.ZERO,
                    null);
        });
    }

    /**
     * Whether a tenant read in bulk is at the target with every stored checksum matching the code:
     * only then is it left alone without its lock. Anything else (a plan that fails, a checksum
     * that differs) runs as usual, under the lock, and says what is wrong there.
     */
    private boolean atTarget(
            VersionScan.Tables tables,
            RevisionTarget target,
            BiFunction<Set<String>, RevisionTarget, List<Step>> planner,
            Map<String, String> known) {
        try {
            engine.graph().checkKnown(tables.versions());
            if (!planner.apply(tables.versions(), target).isEmpty()) {
                return false;
            }
        } catch (MigrateException e) {
            return false;
        }
        for (Map.Entry<String, String> stored : tables.checksums().entrySet()) {
            if (!stored.getValue().equals(known.get(stored.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Completes the online revision each tenant has in its expand phase; the others are left as they are. */
    public FleetResult complete() {
        long start = System.nanoTime();
        List<Tenant> tenants = tenants(true);
        List<TenantResult> results = runTenants(tenants, (tenant, kept) -> {
            Engine one = engineFor(
                    tenant,
                    kept.of(tenant),
                    ChecksumCache.NONE,
                    engine.settings().listener());
            return timed(tenant, one, null, List.of(), () -> {
                List<String> rows = one.reads().current().stream()
                        .map(CurrentRevision::id)
                        .sorted()
                        .toList();
                boolean completed = one.complete().isPresent();
                return new TenantResult(
                        tenant.name(),
                        completed ? TenantResult.Outcome.MIGRATED : TenantResult.Outcome.UNCHANGED,
                        rows,
                        rows,
                        List.of(),
                        Duration.ZERO,
                        null);
            });
        });
        return finish("complete", results, start);
    }

    public FleetResult stamp(RevisionTarget target, boolean purge) {
        engine.graph().checkNames(target);
        long start = System.nanoTime();
        List<Tenant> tenants = tenants(true);
        Map<Tenant, VersionScan.Tables> scanned = scan(tenants, false, "stamp");
        List<TenantResult> results = runTenants(tenants, (tenant, kept) -> {
            Engine one = engineFor(
                    tenant,
                    kept.of(tenant),
                    ChecksumCache.NONE,
                    engine.settings().listener());
            VersionScan.Tables tables = scanned.get(tenant);
            return timed(tenant, one, tables, List.of(), () -> {
                List<String> before = tables != null
                        ? List.copyOf(tables.versions())
                        : one.reads().current().stream()
                                .map(CurrentRevision::id)
                                .toList();
                one.stamp(target, purge);
                List<String> after = one.reads().current().stream()
                        .map(CurrentRevision::id)
                        .sorted()
                        .toList();
                return new TenantResult(
                        tenant.name(),
                        new TreeSet<>(before).equals(new TreeSet<>(after))
                                ? TenantResult.Outcome.UNCHANGED
                                : TenantResult.Outcome.MIGRATED,
                        before,
                        after,
                        List.of(),
                        Duration.ZERO,
                        null);
            });
        });
        return finish("stamp " + target, results, start);
    }

    /**
     * Each tenant's version rows, in the fleet's order: the tenant schemas of a database read in bulk,
     * the tenant databases side by side on the fleet's threads, each on a connection of its own. A tenant whose
     * table names a revision the code does not know shows it with an empty message.
     */
    public Map<String, List<CurrentRevision>> current() {
        List<Tenant> tenants = tenants(true);
        Map<Tenant, VersionScan.Tables> read = new HashMap<>(scan(tenants, false, null));
        List<Tenant> apart = tenants.stream().filter(t -> !read.containsKey(t)).toList();
        List<VersionScan.Tables> readApart = eachOnPool(threads(tenants), apart, tenant -> {
            Engine one = engineFor(tenant, ChecksumCache.NONE);
            return new VersionScan.Tables(one.reads().currentRows(), Map.of(), one.inProgress());
        });
        for (int i = 0; i < apart.size(); i++) {
            read.put(apart.get(i), readApart.get(i));
        }
        Map<String, List<CurrentRevision>> result = new LinkedHashMap<>();
        RevisionGraph graph = engine.graph();
        for (Tenant tenant : tenants) {
            VersionScan.Tables tables = Objects.requireNonNull(read.get(tenant), tenant.name());
            Set<String> inProgress = tables.inProgress();
            List<CurrentRevision> revisions = new ArrayList<>();
            for (String id : new TreeSet<>(graph.reported(tables.versions()))) {
                revisions.add(
                        graph.contains(id)
                                ? new CurrentRevision(
                                        id, graph.get(id).message(), graph.isHead(id), true, inProgress.contains(id))
                                : new CurrentRevision(id, "", false));
            }
            result.put(tenant.name(), List.copyOf(revisions));
        }
        return result;
    }

    /**
     * Reads the tenants with {@code inspection} on a pool of the fleet's size, a group of tenants of one database
     * per task (a hundred tenant schemas at least, up to a group per thread), the version rows of the tenant
     * schemas of a database read in bulk first; nothing is locked or written.
     */
    public <T> Map<String, T> inspect(Fleet.Inspection<T> inspection) {
        List<Tenant> tenants = tenants(true);
        Map<Tenant, VersionScan.Tables> scanned = scan(tenants, false, null);
        RevisionGraph graph = engine.graph();
        int threads = Math.min(threads(tenants), Math.max(1, tenants.size()));
        Map<Tenant.Database, List<Tenant>> byDatabase = new LinkedHashMap<>();
        tenants.forEach(t ->
                byDatabase.computeIfAbsent(t.database(), d -> new ArrayList<>()).add(t));
        // the tenant schemas of a database in as many groups as the fleet has threads, of a hundred at least
        // (what drift reads at once), each on a connection of its own: an inspection reads its group in bulk, at
        // the cost of what those tenants hold, so groups side by side use the server's processors
        List<List<Tenant>> groups = new ArrayList<>();
        for (List<Tenant> ofDatabase : byDatabase.values()) {
            int size = Math.max(TENANTS_PER_GROUP, -Math.floorDiv(-ofDatabase.size(), threads));
            for (int from = 0; from < ofDatabase.size(); from += size) {
                groups.add(ofDatabase.subList(from, Math.min(ofDatabase.size(), from + size)));
            }
        }
        List<Map<String, T>> inspected = eachOnPool(threads, groups, group -> {
            List<Fleet.InspectedTenant> tenantsOfGroup = new ArrayList<>();
            for (Tenant tenant : group) {
                VersionScan.Tables tables = scanned.get(tenant);
                Set<String> rows = tables != null
                        ? tables.versions()
                        : engineFor(tenant, ChecksumCache.NONE).reads().currentRows();
                tenantsOfGroup.add(new Fleet.InspectedTenant(tenant.name(), tenant.schema(), graph.canonical(rows)));
            }
            Tenant.Database database = group.get(0).database();
            try (Connection c = database.online().open()) {
                return inspection.inspect(tenantsOfGroup, c);
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not read the tenants on " + database.online().description() + ": " + e.getMessage(), e);
            }
        });
        Map<String, T> read = new HashMap<>();
        inspected.forEach(read::putAll);
        Map<String, T> result = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            T one = read.get(tenant.name());
            if (one == null) {
                throw new IllegalStateException("The inspection returned nothing for tenant " + tenant.name());
            }
            result.put(tenant.name(), one);
        }
        return result;
    }

    /**
     * {@code work} of each of {@code items} on a pool of {@code threads} (at most one per item), the results in the
     * order of the items; what a task throws is thrown here. For reads: nothing here locks or writes.
     */
    private static <I, T> List<T> eachOnPool(int threads, List<I> items, Function<I, T> work) {
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(threads, items.size()),
                FleetRunner.threads("migrate-fleet-", Thread.currentThread().getContextClassLoader()));
        try {
            List<Future<T>> futures = new ArrayList<>();
            items.forEach(item -> futures.add(pool.submit(() -> work.apply(item))));
            List<T> results = new ArrayList<>();
            futures.forEach(future -> results.add(done(future)));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T done(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while the fleet was read.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new MigrateException("Reading a tenant failed: " + cause, cause);
        }
    }

    /** One offline script per tenant, each to the writer {@code scripts} gives for the tenant's name; each is closed. */
    public void script(Function<String, Writer> scripts, java.util.function.BiConsumer<Engine, Writer> write) {
        for (Tenant tenant : tenants(false)) {
            Engine one = engineFor(tenant, ChecksumCache.NONE);
            try (Writer out = scripts.apply(tenant.name())) {
                write.accept(one, out);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the script of tenant " + tenant.name(), e);
            }
        }
    }

    private Engine engineFor(Tenant tenant, ChecksumCache cache) {
        return engineFor(
                tenant,
                tenant.database().connections(),
                cache,
                engine.settings().listener());
    }

    private Engine engineFor(
            Tenant tenant, @Nullable ConnectionSource connections, ChecksumCache cache, MigrationListener listener) {
        Settings settings = engine.settings();
        MigrationLog log = new TenantLog(tenant.name(), settings.log());
        String schema = tenant.schema();
        return engine.forTenant(
                connections,
                schema != null
                        ? settings.forTenant(schema, log, listener, cache)
                        : settings.forDatabase(log, listener, cache));
    }

    private interface TenantWork {
        TenantResult run();
    }

    /**
     * Runs one tenant's work, timed; a failure becomes the tenant's result, with the revisions it was
     * left at read again when the server can still be asked.
     */
    private TenantResult timed(
            Tenant tenant,
            Engine one,
            VersionScan.@Nullable Tables tables,
            List<AppliedStep> applied,
            TenantWork work) {
        long start = System.nanoTime();
        try {
            TenantResult result = work.run();
            return new TenantResult(
                    result.tenant(),
                    result.outcome(),
                    result.before(),
                    result.after(),
                    result.steps(),
                    Duration.ofNanos(System.nanoTime() - start),
                    null);
        } catch (RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            List<String> after;
            try {
                after = List.copyOf(new TreeSet<>(one.reads().currentRows()));
            } catch (RuntimeException unreadable) {
                after = List.of();
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof MigrateException failure) {
                one.settings().listener().onFailure(failure);
            }
            one.settings().log().warn("Failed: " + message);
            return new TenantResult(
                    tenant.name(),
                    TenantResult.Outcome.FAILED,
                    tables == null ? List.of() : List.copyOf(tables.versions()),
                    after,
                    applied,
                    took,
                    message);
        }
    }

    /**
     * The version tables of the tenant schemas, read in bulk on one connection per database.
     *
     * @param checksums whether the stored checksums are read too, which a run that verifies them needs
     * @param writing the goal of a run that writes, which refuses a server that cannot take writes
     *     before the tenants at their target are left alone unasked; null for a run that only reads
     */
    private Map<Tenant, VersionScan.Tables> scan(List<Tenant> tenants, boolean checksums, @Nullable String writing) {
        Map<Tenant.Database, List<Tenant>> byDatabase = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            if (tenant.isSchema()) {
                byDatabase
                        .computeIfAbsent(tenant.database(), d -> new ArrayList<>())
                        .add(tenant);
            }
        }
        Map<Tenant, VersionScan.Tables> result = new HashMap<>();
        Settings settings = engine.settings();
        for (Map.Entry<Tenant.Database, List<Tenant>> entry : byDatabase.entrySet()) {
            try (Connection c = entry.getKey().online().open()) {
                if (writing != null) {
                    WritableServer.require(c, entry.getKey().online().description(c), writing);
                }
                Map<String, VersionScan.Tables> tables = VersionScan.read(
                        c,
                        entry.getValue().stream().map(Tenant::schema).toList(),
                        settings.versionTable(),
                        checksums ? settings.historyTable() : null);
                entry.getValue().forEach(t -> {
                    VersionScan.Tables read = tables.get(t.schema());
                    if (read != null) { // the rows as this run's contexts read them
                        result.put(
                                t,
                                new VersionScan.Tables(
                                        engine.rowsOfRun(read.versions()), read.checksums(), read.inProgress()));
                    }
                });
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not read the version tables of the tenants on "
                                + entry.getKey().online().description() + ": " + e.getMessage(),
                        e);
            }
        }
        return result;
    }

    /**
     * Runs {@code work} for each tenant on the fleet's pool ({@link #runner}), with the connections of the run kept
     * from one tenant to the next: two for each tenant at once.
     */
    private List<TenantResult> runTenants(
            List<Tenant> tenants, BiFunction<Tenant, KeptConnections, TenantResult> work) {
        try (KeptConnections kept = new KeptConnections(tenants, 2 * threads(tenants))) {
            return runner(tenants).run(tenants, tenant -> work.apply(tenant, kept));
        }
    }

    private FleetRunner runner(List<Tenant> tenants) {
        return new FleetRunner(
                threads(tenants), failFast, canary, engine.settings().progressInterval(), log());
    }

    /** Tenants at once: the parallel setting, or the default for the first tenant's server. */
    private int threads(List<Tenant> tenants) {
        return parallel != null
                ? parallel
                : FleetMembers.defaultParallel(
                        tenants.get(0).database(), engine.settings().fixes());
    }

    private FleetResult finish(String what, List<TenantResult> results, long start) {
        FleetResult result = new FleetResult(results, Duration.ofNanos(System.nanoTime() - start));
        FleetSummary.lines(what, result).forEach(line -> log().info(line));
        return result;
    }
}
