package dev.migrate.internal.runtime;

import dev.migrate.AppliedStep;
import dev.migrate.ChecksumCache;
import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.StampPlan;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.lock.LockTimeoutAdvice;
import dev.migrate.internal.online.OnlineRunner;
import dev.migrate.internal.runtime.history.ChecksumVerification;
import dev.migrate.internal.runtime.history.FutureRevisions;
import dev.migrate.internal.runtime.history.PendingRevisions;
import dev.migrate.internal.runtime.history.RunContexts;
import dev.migrate.internal.runtime.history.VersionReads;
import dev.migrate.internal.runtime.history.VersionRows;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.script.ChainFingerprint;
import dev.migrate.internal.runtime.script.ChainScripts;
import dev.migrate.internal.runtime.script.RecordedUpgrades;
import dev.migrate.internal.runtime.script.Scripts;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.internal.runtime.session.Settings;
import dev.migrate.internal.runtime.sink.ConnectionSink;
import dev.migrate.internal.runtime.sink.StatementObserver;
import dev.migrate.op.QualifiedName;
import dev.migrate.spi.SchemaDriftCheck;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Applies planned steps to a database under the migration lock, or writes them as a SQL script.
 * {@link dev.migrate.Migrator} is the public face of this class.
 */
public final class Engine {
    private final RevisionGraph graph;
    private final Map<String, DiscoveredMigration> migrations;
    /** The run's contexts: the revisions limited to others, out of its graph, known to its tables. */
    private final RunContexts contexts;

    private final @Nullable ConnectionSource connections;
    private final Settings settings;
    private final VersionTables tables;
    private final OnlineRunner online;
    private final StepRunner runner;
    private final OfflineScripts offline;
    /** The upgrades of operations only, recorded once for this engine and those made from it (tenants, replays). */
    private final RecordedUpgrades recorded;

    public Engine(
            Collection<DiscoveredMigration> discovered, @Nullable ConnectionSource connections, Settings settings) {
        this(RunContexts.of(discovered, settings), connections, settings);
    }

    private Engine(RunContexts run, @Nullable ConnectionSource connections, Settings settings) {
        this(run.graph(), byId(run.running()), connections, settings, false, run, new RecordedUpgrades());
    }

    private Engine(
            RevisionGraph graph,
            Map<String, DiscoveredMigration> byId,
            @Nullable ConnectionSource connections,
            Settings settings,
            boolean wholeSteps,
            RunContexts contexts,
            RecordedUpgrades recorded) {
        this.graph = graph;
        this.recorded = recorded;
        this.migrations = byId;
        this.contexts = contexts;
        this.connections = connections;
        this.settings = settings;
        this.tables = new VersionTables(
                        settings.schema(),
                        settings.versionTable(),
                        settings.historyTable(),
                        settings.consent().appliedBy())
                .readIn(contexts);
        this.online = new OnlineRunner(
                graph,
                tables.versionTable(),
                settings.log(),
                settings.listener(),
                settings.lockRetries(),
                new LockTimeoutAdvice(settings.lockRetries(), settings.transactionMode(), settings.fixes()),
                settings.progressInterval(),
                settings.fixes());
        this.runner = new StepRunner(byId, tables, online, settings, wholeSteps);
        this.offline = new OfflineScripts(graph, byId, settings, tables, online, runner);
    }

    private static Map<String, DiscoveredMigration> byId(Collection<DiscoveredMigration> discovered) {
        Map<String, DiscoveredMigration> byId = new LinkedHashMap<>();
        discovered.forEach(m -> byId.putIfAbsent(m.info().id(), m));
        return byId;
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** The run's migrations, in the order they were found, for what reads their classes beside the graph. */
    public Collection<DiscoveredMigration> migrations() {
        return migrations.values();
    }

    /** The same migrations, graph included, on one member of a fleet: the graph is built once for every tenant. */
    public Engine forTenant(@Nullable ConnectionSource tenantConnections, Settings tenantSettings) {
        return new Engine(graph, migrations, tenantConnections, tenantSettings, false, contexts, recorded);
    }

    /** The settings of this engine's runs. */
    public Settings settings() {
        return settings;
    }

    /**
     * The server this engine connects to, for an operator: never with a password. A DataSource that does not say
     * where it connects (a pool, the application's own) is asked through a connection of its own, as its
     * messages ask it; one that cannot connect is named as configured.
     */
    public String databaseDescription() {
        ConnectionSource source = connections();
        if (!source.description().equals(ConnectionSource.UNDESCRIBED)) {
            return source.description();
        }
        try (Connection c = source.open()) {
            return source.description(c);
        } catch (SQLException | MigrateException e) {
            return source.description();
        }
    }

    /** The checksum the current code of each revision gives: those the cache knows, the others computed now. */
    public Map<String, String> checksums() {
        return new ChainScripts(graph, migrations, recorded).checksums(settings.checksumCache());
    }

    /**
     * What a run found and left on the database.
     *
     * @param before the version rows it found under the lock
     * @param after the version rows its steps left
     * @param applied the steps that ran
     */
    public record Run(Set<String> before, Set<String> after, List<AppliedStep> applied) {}

    /** An upgrade that says where it started and ended, for a fleet's report. */
    public Run upgradeRun(RevisionTarget target) {
        return migrateRun(target, Direction.UPGRADE, null);
    }

    /** A downgrade that says where it started and ended, for a fleet's report. */
    public Run downgradeRun(RevisionTarget target) {
        return migrateRun(target, Direction.DOWNGRADE, null);
    }

    /** The same migrations and settings on another database: for replays on a throwaway one. */
    public Engine on(ConnectionSource other) {
        return new Engine(graph, migrations, other, settings, false, contexts, recorded);
    }

    /**
     * As {@link #on}, for a replay on a throwaway database: each transactional migration goes in one
     * round trip, its statements, bookkeeping and COMMIT together, since nobody follows a replay
     * statement by statement. A failure still names its statement: the migration is rolled back and
     * run again a statement at a time.
     */
    public Engine replayingOn(ConnectionSource other) {
        return new Engine(graph, migrations, other, settings, true, contexts, recorded);
    }

    /**
     * This engine's migrations replayed on {@code other} as a tenant: its version tables in
     * {@code tenantSchema}, that schema first on the {@code search_path}, as a fleet runs a tenant.
     */
    public Engine replayingOn(ConnectionSource other, String tenantSchema) {
        return new Engine(
                graph,
                migrations,
                other,
                settings.forTenant(tenantSchema, settings.log(), settings.listener(), ChecksumCache.NONE),
                true,
                contexts,
                recorded);
    }

    /** See {@link dev.migrate.Migrator#chainFingerprint()}. */
    public String chainFingerprint() {
        return ChainFingerprint.of(graph, migrations, recorded);
    }

    /**
     * What the migrations' upgrades and downgrades ask for, read without a database: their statements, rendered,
     * or their operations. For what a server the chain is replayed on must have beforehand.
     */
    public ChainScripts chainScripts() {
        return new ChainScripts(graph, migrations, recorded);
    }

    public List<AppliedStep> upgrade(RevisionTarget target) {
        return migrate(target, Direction.UPGRADE, null);
    }

    public List<AppliedStep> downgrade(RevisionTarget target) {
        return migrate(target, Direction.DOWNGRADE, null);
    }

    /** The version table, which marks a database that migrations were applied to. */
    public QualifiedName versionTable() {
        return tables.versionTable();
    }

    /** The version and history tables, which the run writes and analyses leave alone. */
    public Set<QualifiedName> ownTables() {
        return Set.of(tables.versionTable(), tables.historyTable(), online.table());
    }

    /**
     * Upgrades or downgrades to {@code target}, with {@code observer} (when not null) watching every migration
     * statement on the run's own connection: for analyses and rehearsals on a throwaway database.
     */
    public List<AppliedStep> migrate(RevisionTarget target, Direction direction, @Nullable StatementObserver observer) {
        graph.checkNames(target); // a misspelt target fails here, before the lock is taken; a fleet checks once
        return migrateRun(target, direction, observer).applied();
    }

    private Run migrateRun(RevisionTarget target, Direction direction, @Nullable StatementObserver observer) {
        BiFunction<Set<String>, RevisionTarget, List<Step>> planner =
                direction == Direction.UPGRADE ? graph::planUpgrade : graph::planDowngrade;
        List<AppliedStep> applied = new ArrayList<>();
        Set<String> before = new TreeSet<>();
        Set<String> after = new TreeSet<>();
        Map<String, String> cached = settings.checksumCache().checksums();
        Map<String, String> known = new LinkedHashMap<>(cached);
        // Applied migrations are checksummed and pending upgrades run in the graph's order: recording
        // them in that order from the start keeps the thread ahead of both. What the cache knows is
        // recorded only if the database disagrees with it.
        try (Scripts scripts = new Scripts(migrations, recorded)
                .recordAhead(graph.all().stream()
                        .map(RevisionInfo::id)
                        .filter(id -> !known.containsKey(id))
                        .toList())) {
            lock().run(direction == Direction.UPGRADE ? "upgrade" : "downgrade", run -> {
                Set<String> current = versions().read(run.lockConnection());
                if (direction == Direction.UPGRADE && current.isEmpty()) {
                    current = new MoveIn(graph, migrations, tables).stamp(run, scripts, settings.log(), versions());
                }
                before.addAll(current);
                after.addAll(current);
                List<String> unknown = graph.unknown(current);
                if (!unknown.isEmpty()) {
                    if (direction == Direction.DOWNGRADE) {
                        throw FutureRevisions.refused("downgrade", unknown);
                    }
                    if (settings.acceptFutureRevisions()) {
                        settings.log().info(FutureRevisions.nothingToDo(unknown));
                        return;
                    }
                }
                graph.checkKnown(current);
                new ChecksumVerification(graph, migrations, tables, settings)
                        .verify(run.lockConnection(), current, scripts, known);
                Map<String, String> phases = online.phases(run.lockConnection());
                if (direction == Direction.DOWNGRADE
                        && online.undoInterruptedExpand(phases, scripts, current, run::workSink)) {
                    return;
                }
                List<Step> retries = direction == Direction.UPGRADE
                        ? PendingRevisions.retries(graph, tables, run.lockConnection(), current, settings.log())
                        : List.of();
                List<Step> steps = planner.apply(current, target);
                contexts.beforeSteps(run.lockConnection(), direction, steps, tables, settings);
                if (steps.isEmpty() && retries.isEmpty()) {
                    settings.log()
                            .info("Nothing to do: the database is already at " + RevisionGraph.describe(current) + "."
                                    + online.inProgressNote(phases));
                    return;
                }
                List<Step> all = PendingRevisions.first(retries, steps);
                consent().checkSteps(run, all, scripts, migrations); // before anything of the steps runs
                online.refuseWhileInProgress(steps, phases, scripts);
                phases = online.dropCompletedViewsIfDue(steps, phases, scripts, run::workSink);
                // the cache knows checksums, not scripts: what is about to run is recorded ahead too
                scripts.recordAhead(all.stream()
                        .filter(step -> step.direction() == Direction.UPGRADE)
                        .map(step -> step.revision().id())
                        .filter(known::containsKey)
                        .toList());
                applied.addAll(runner.run(
                        all,
                        new ConnectionSink(run.workConnection(), observer),
                        scripts,
                        phases,
                        PendingRevisions.ids(retries)));
                for (Step step : steps) {
                    after.removeAll(step.deleteVersions());
                    after.addAll(step.insertVersions());
                    if (step.direction() == Direction.UPGRADE) {
                        known.put(
                                step.revision().id(),
                                scripts.upgrade(step.revision().id()).checksum());
                    }
                }
                contexts.afterSteps(run.lockConnection(), direction, tables, settings.log());
            });
        }
        if (!known.equals(cached)) {
            settings.checksumCache().store(known);
        }
        return new Run(before, after, applied);
    }

    /** What the chain imported from Flyway or Liquibase: the revisions without downgrade, the last one. */
    public ImportedPast imported() {
        return new ImportedPast(graph, migrations);
    }

    /**
     * Runs the steps a caller planned on the graph against the current version rows, under the lock:
     * for checks that need finer control than a target, such as {@code verify}'s round trips.
     */
    public void apply(java.util.function.Function<Set<String>, List<Step>> planner) {
        lock().run("apply migrations", run -> {
            Scripts scripts = new Scripts(migrations, recorded);
            runner.run(
                    planner.apply(versions().read(run.lockConnection())),
                    new ConnectionSink(run.workConnection()),
                    scripts,
                    online.dropCompletedViews(online.phases(run.lockConnection()), scripts, run::workSink));
        });
    }

    /**
     * Runs the contract phase of the online revision in its expand phase, in one transaction: its old
     * columns, triggers and temporary names go, and the schemas of views of the revisions completed
     * before it. Its own schema of views stays, for its application.
     *
     * @return the revision completed, or empty when none was in progress
     */
    public Optional<String> complete() {
        String[] completed = new String[1];
        try (Scripts scripts = new Scripts(migrations, recorded)) {
            lock().run("complete", run -> {
                Map<String, String> phases = online.phases(run.lockConnection());
                String revision = online.toComplete(phases);
                if (revision == null) {
                    return;
                }
                String history = tables.completion(revision, graph.get(revision).message());
                online.complete(revision, phases, scripts, history, run::workSink);
                completed[0] = revision;
            });
        }
        return Optional.ofNullable(completed[0]);
    }

    /** The online revisions in their expand phase. */
    public Set<String> inProgress() {
        return OnlineRunner.inProgress(onlinePhases());
    }

    /** The phase of each online revision the state table names (expanding, expand, complete). */
    public Map<String, String> onlinePhases() {
        try (Connection c = connections().open()) {
            return online.phases(c);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read " + online.table() + " from "
                            + connections().description() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Drops, under the migration lock, the history table of the tool this database moved in from (and Liquibase's
     * lock table); with {@code drop} false, only says what it would drop.
     *
     * @return the statements, run or not
     */
    public List<String> retireOldHistory(boolean drop) {
        List<String> statements = new ArrayList<>();
        lock().run("retire the old history", run -> {
            MoveIn moveIn = new MoveIn(graph, migrations, tables);
            if (drop) {
                consent().checkSql(run, "retirement of the old history", moveIn.retire(run.lockConnection(), false));
            }
            statements.addAll(moveIn.retire(run.lockConnection(), drop));
        });
        return statements;
    }

    public void stamp(RevisionTarget target, boolean purge) {
        graph.checkNames(target);
        lock().run("stamp", run -> {
            Set<String> current = purge ? Set.of() : versions().read(run.lockConnection());
            List<String> unknown = graph.unknown(current);
            if (!unknown.isEmpty()) {
                throw FutureRevisions.refused("stamp", unknown);
            }
            StampPlan plan = graph.planStamp(current, target);
            List<String> stamp = tables.stamp(plan, purge ? graph.purgedModules() : Set.of(), target.text());
            consent().checkStamp(run, stamp, target.text());
            run.workSink().executeInTransaction(stamp);
            settings.log().info("Stamped the database at " + RevisionGraph.describe(plan.revisions()) + ".");
        });
    }

    /** The revisions left out of this run for their contexts that the database has reached (and not applied). */
    public List<RevisionInfo> skippedHere() {
        return contexts.leftOut().isEmpty() ? List.of() : contexts.skippedAt(reads().tableRows());
    }

    /** Version rows as the table holds them, read as this run's ({@link RunContexts#rowsOfRun}). */
    public Set<String> rowsOfRun(Set<String> tableRows) {
        return contexts.rowsOfRun(tableRows);
    }

    /**
     * Fails unless the database is at every head, and then, when {@code driftResources} is given, unless
     * it has the schema the chain builds there, which those resources hold ({@link SchemaDriftCheck}).
     */
    public void assertUpToDate(@Nullable ClassLoader driftResources) {
        new UpToDateCheck(graph, connections(), settings).check(reads().current(), reads().pending(), driftResources);
    }

    /** The sessions holding the migration lock: a run applying migrations now; empty when none is. */
    public List<String> migrationLockHolders() {
        return lock().holders();
    }

    // ---- offline ----

    public void upgradeSql(RevisionTarget range, Writer out) {
        offline.upgradeSql(range, out);
    }

    public void downgradeSql(RevisionTarget range, Writer out) {
        offline.downgradeSql(range, out);
    }

    /** A stamp's SQL: {@code target} alone, on an empty version table; {@code <from>:<to>}, from those rows. */
    public void stampSql(RevisionTarget target, boolean purge, Writer out) {
        offline.stampSql(target, purge, out);
    }

    /**
     * The SQL of the contract phase of the online revision {@code target} names, in one transaction: the
     * schemas of views of the online revisions before it go (those that are there), then its changes'
     * complete halves, then the state and history rows.
     */
    public void completeSql(RevisionTarget target, Writer out) {
        offline.completeSql(target, out);
    }

    // ---- shared ----

    /** The database; an engine without one (a migrator built for offline SQL) serves only the offline methods. */
    private ConnectionSource connections() {
        if (connections == null) {
            throw new MigrateException("No database is configured for this migrator. Give it a DataSource or a JDBC"
                    + " URL (Migrator.builder().dataSource(...) or .url(...)), or use the offline *Sql methods.");
        }
        return connections;
    }

    private RunConsent consent() {
        return new RunConsent(settings, connections());
    }

    private MigrationLock lock() {
        return new MigrationLock(connections(), settings, tables);
    }

    /** What the version and history tables say, read outside the lock: the status reports. */
    public VersionReads reads() {
        return new VersionReads(graph, connections(), tables, online, settings);
    }

    private VersionRows versions() {
        return new VersionRows(graph, tables, settings.log());
    }
}
