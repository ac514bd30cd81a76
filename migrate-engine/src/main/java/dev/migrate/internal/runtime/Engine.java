package dev.migrate.internal.runtime;

import dev.migrate.AppliedStep;
import dev.migrate.BadTargetException;
import dev.migrate.ChecksumCache;
import dev.migrate.ChecksumMismatchException;
import dev.migrate.CurrentRevision;
import dev.migrate.DriftResult;
import dev.migrate.LockWait;
import dev.migrate.MigrateException;
import dev.migrate.NotAtHeadException;
import dev.migrate.internal.connection.Privileges;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.AppliedRow;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.RevisionInfo;
import dev.migrate.internal.graph.RevisionRange;
import dev.migrate.internal.graph.StampPlan;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.internal.text.Fixes;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Applies planned steps to a database under the migration lock, or writes them as a SQL script.
 * {@link dev.migrate.Migrator} is the public face of this class.
 */
public final class Engine {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    private final RevisionGraph graph;
    private final Map<String, DiscoveredMigration> migrations;
    private final @Nullable ConnectionSource connections;
    private final Settings settings;
    private final VersionTables tables;
    private final OnlineState online;
    private final StepRunner runner;

    public Engine(
            Collection<DiscoveredMigration> discovered, @Nullable ConnectionSource connections, Settings settings) {
        this(
                RevisionGraph.of(
                        discovered.stream().map(DiscoveredMigration::info).toList(), settings.fixes()),
                byId(discovered),
                connections,
                settings,
                false);
    }

    private Engine(
            RevisionGraph graph,
            Map<String, DiscoveredMigration> byId,
            @Nullable ConnectionSource connections,
            Settings settings,
            boolean wholeSteps) {
        this.graph = graph;
        this.migrations = byId;
        this.connections = connections;
        this.settings = settings;
        this.tables = new VersionTables(settings.schema(), settings.versionTable(), settings.historyTable());
        this.online = new OnlineState(tables.versionTable());
        this.runner = new StepRunner(
                byId,
                tables,
                online,
                settings.transactionMode(),
                settings.log(),
                settings.listener(),
                settings.lockRetries(),
                settings.progressInterval(),
                settings.rebuildInvalidIndexes(),
                wholeSteps,
                settings.fixes());
    }

    private static Map<String, DiscoveredMigration> byId(Collection<DiscoveredMigration> discovered) {
        Map<String, DiscoveredMigration> byId = new LinkedHashMap<>();
        discovered.forEach(m -> byId.putIfAbsent(m.info().id(), m));
        return byId;
    }

    public RevisionGraph graph() {
        return graph;
    }

    /**
     * The same migrations, graph included, on one member of a fleet: the graph is built once for
     * every tenant.
     */
    public Engine forTenant(@Nullable ConnectionSource tenantConnections, Settings tenantSettings) {
        return new Engine(graph, migrations, tenantConnections, tenantSettings, false);
    }

    /** How this engine's messages name what to run or set. */
    private Fixes fixes() {
        return settings.fixes();
    }

    /** The settings of this engine's runs. */
    public Settings settings() {
        return settings;
    }

    /** The server this engine connects to, for messages: never with a password. */
    public String databaseDescription() {
        return connections().description();
    }

    /**
     * The checksum the current code of each revision gives: those the checksum cache knows, the
     * others recorded here.
     */
    public Map<String, String> checksums() {
        Map<String, String> known = new LinkedHashMap<>(settings.checksumCache().checksums());
        List<String> missing = graph.all().stream()
                .map(RevisionInfo::id)
                .filter(id -> !known.containsKey(id))
                .toList();
        try (Scripts scripts = new Scripts(migrations, false)) {
            for (String id : missing) {
                known.put(id, scripts.upgrade(id).checksum());
            }
        }
        return known;
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
    public Run upgradeRun(String target) {
        return migrateRun(target, Direction.UPGRADE, null);
    }

    /** A downgrade that says where it started and ended, for a fleet's report. */
    public Run downgradeRun(String target) {
        return migrateRun(target, Direction.DOWNGRADE, null);
    }

    /** The same migrations and settings on another database: for replays on a throwaway one. */
    public Engine on(ConnectionSource other) {
        return new Engine(migrations.values(), other, settings);
    }

    /**
     * As {@link #on}, for a replay on a throwaway database: each transactional migration goes in one
     * round trip, its statements, bookkeeping and COMMIT together, since nobody follows a replay
     * statement by statement. A failure still names its statement: the migration is rolled back and
     * run again a statement at a time.
     */
    public Engine replayingOn(ConnectionSource other) {
        return new Engine(graph, migrations, other, settings, true);
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
                true);
    }

    /** See {@link dev.migrate.Migrator#chainFingerprint()}. */
    public String chainFingerprint() {
        return ChainFingerprint.of(graph, migrations);
    }

    /**
     * The SQL statements an upgrade of an empty database to every head runs, in the order it runs
     * them (the version tables' bookkeeping left out); empty when a migration runs JDBC code or makes
     * online changes, whose effect only a server can tell. Needs no database: the migrations are only
     * recorded and rendered.
     */
    public Optional<List<String>> chainStatements() {
        List<String> statements = new ArrayList<>();
        try (Scripts scripts = new Scripts(migrations, false)) {
            for (Step step : graph.planUpgrade(Set.of(), "heads")) {
                Script script = scripts.upgrade(step.revision().id());
                if (script.online()) {
                    return Optional.empty();
                }
                for (Script.Part part : script.parts()) {
                    if (!(part instanceof Script.Statement statement)) {
                        return Optional.empty();
                    }
                    statements.add(statement.sql());
                }
            }
        }
        return Optional.of(statements);
    }

    /**
     * Every SQL statement the migrations' upgrades and downgrades render, in no particular order, their
     * JDBC work left out; a migration whose script cannot be recorded without a database is left out
     * too. Needs no database: for what a server the chain is replayed on must have beforehand.
     */
    public List<String> renderedStatements() {
        List<String> statements = new ArrayList<>();
        try (Scripts scripts = new Scripts(migrations, false)) {
            for (DiscoveredMigration migration : migrations.values()) {
                for (Direction direction : Direction.values()) {
                    try {
                        for (Script.Part part :
                                scripts.script(migration, direction).parts()) {
                            if (part instanceof Script.Statement statement) {
                                statements.add(statement.sql());
                            }
                        }
                    } catch (RuntimeException e) {
                        // a migration that needs its database to say what it does: its replay tells
                    }
                }
            }
        }
        return statements;
    }

    public List<AppliedStep> upgrade(String target) {
        return migrate(target, Direction.UPGRADE, null);
    }

    /**
     * Upgrades to {@code target} with {@code observer} watching every migration statement, on the
     * run's own connection: for analyses on a throwaway database.
     */
    public List<AppliedStep> upgrade(String target, @Nullable StatementObserver observer) {
        return migrate(target, Direction.UPGRADE, observer);
    }

    public List<AppliedStep> downgrade(String target) {
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

    private List<AppliedStep> migrate(String target, Direction direction, @Nullable StatementObserver observer) {
        graph.checkNames(target); // a misspelt target fails here, before the lock is taken; a fleet checks once
        return migrateRun(target, direction, observer).applied();
    }

    private Run migrateRun(String target, Direction direction, @Nullable StatementObserver observer) {
        BiFunction<Set<String>, String, List<Step>> planner =
                direction == Direction.UPGRADE ? graph::planUpgrade : graph::planDowngrade;
        List<AppliedStep> applied = new ArrayList<>();
        Set<String> before = new TreeSet<>();
        Set<String> after = new TreeSet<>();
        Map<String, String> cached = settings.checksumCache().checksums();
        Map<String, String> known = new LinkedHashMap<>(cached);
        // Applied migrations are checksummed and pending upgrades run in the graph's order: recording
        // them in that order from the start keeps the thread ahead of both. What the cache knows is
        // recorded only if the database disagrees with it.
        try (Scripts scripts = new Scripts(migrations, false)
                .recordAhead(graph.all().stream()
                        .map(RevisionInfo::id)
                        .filter(id -> !known.containsKey(id))
                        .toList())) {
            underLock(direction == Direction.UPGRADE ? "upgrade" : "downgrade", run -> {
                Set<String> current = versions(run.lockConnection());
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
                verifyChecksums(run.lockConnection(), current, scripts, known);
                Map<String, String> phases = online.read(run.lockConnection());
                if (direction == Direction.DOWNGRADE && undoInterruptedExpand(run, phases, scripts, current)) {
                    return;
                }
                List<Step> steps = planner.apply(current, target);
                if (steps.isEmpty()) {
                    settings.log()
                            .info("Nothing to do: the database is already at " + RevisionGraph.describe(current) + "."
                                    + inProgressNote(phases));
                    return;
                }
                refuseWhileInProgress(steps, phases, scripts);
                if (phases.containsValue(OnlineState.COMPLETE)
                        && !onlyExpandsOrTheirRollbacks(steps, phases, scripts)) {
                    phases = dropCompletedViews(run, phases, scripts);
                }
                // the cache knows checksums, not scripts: what is about to run is recorded ahead too
                scripts.recordAhead(steps.stream()
                        .filter(step -> step.direction() == Direction.UPGRADE)
                        .map(step -> step.revision().id())
                        .filter(known::containsKey)
                        .toList());
                applied.addAll(runner.run(steps, new ConnectionSink(run.workConnection(), observer), scripts, phases));
                for (Step step : steps) {
                    after.removeAll(step.deleteVersions());
                    after.addAll(step.insertVersions());
                    if (step.direction() == Direction.UPGRADE) {
                        known.put(
                                step.revision().id(),
                                scripts.upgrade(step.revision().id()).checksum());
                    }
                }
            });
        }
        if (!known.equals(cached)) {
            settings.checksumCache().store(known);
        }
        return new Run(before, after, applied);
    }

    /**
     * Runs the steps a caller planned on the graph against the current version rows, under the lock:
     * for checks that need finer control than a target, such as {@code verify}'s round trips.
     */
    public void apply(java.util.function.Function<Set<String>, List<Step>> planner) {
        underLock("apply migrations", run -> {
            Scripts scripts = new Scripts(migrations, false);
            runner.run(
                    planner.apply(versions(run.lockConnection())),
                    new ConnectionSink(run.workConnection()),
                    scripts,
                    dropCompletedViews(run, online.read(run.lockConnection()), scripts));
        });
    }

    /**
     * Whether every step is the expand of an online revision or the undoing of an expand. Those leave the
     * schema of views of the online revision completed before them standing: its application is the one
     * that runs while the next revision expands and, when that expand is undone, after it. It goes when the
     * next revision completes ({@link #complete}).
     */
    private static boolean onlyExpandsOrTheirRollbacks(List<Step> steps, Map<String, String> phases, Scripts scripts) {
        return steps.stream()
                .allMatch(step -> step.direction() == Direction.UPGRADE
                        ? scripts.upgrade(step.revision().id()).online()
                        : OnlineState.EXPAND.equals(phases.get(step.revision().id())));
    }

    /**
     * Before a run of plain revisions, or one that goes back past an online revision, the schemas of views
     * of the completed online revisions go: the tables have their shape, so an application whose search
     * path names such a schema finds them behind it, and a later change to a column the views select would
     * be refused while they stand.
     *
     * @return the phases left: those of the revisions in their expand phase
     */
    private Map<String, String> dropCompletedViews(LockedRun run, Map<String, String> phases, Scripts scripts)
            throws SQLException {
        Map<String, String> left = new LinkedHashMap<>();
        for (Map.Entry<String, String> row : phases.entrySet()) {
            String id = row.getKey();
            if (!row.getValue().equals(OnlineState.COMPLETE) || !graph.contains(id)) {
                left.put(id, row.getValue());
                continue;
            }
            ConnectionSink sink = new ConnectionSink(run.workConnection());
            for (String sql : DIALECT.render(
                    new Op.DropVersionViews(id, scripts.upgrade(id).changes()))) {
                sink.execute(sql);
            }
            sink.execute(online.forget(id));
            settings.log().info("Dropped the schema of views of online revision " + id + ", completed before.");
        }
        return left;
    }

    /**
     * A downgrade while the expand of an online revision was cut part way (it is not recorded, so the
     * database is at the revision before it): undoes what its online changes made (the schema of views,
     * the triggers, the new columns with their indexes and constraints), which is the step back a user
     * asks for, and goes no further. An expand that also runs plain operations is refused: how far those
     * got is not known.
     *
     * @return whether there was such an expand
     */
    private boolean undoInterruptedExpand(
            LockedRun run, Map<String, String> phases, Scripts scripts, Set<String> current) throws SQLException {
        for (Map.Entry<String, String> row : phases.entrySet()) {
            String id = row.getKey();
            if (!row.getValue().equals(OnlineState.EXPANDING) || !graph.contains(id)) {
                continue;
            }
            Script expand = scripts.upgrade(id);
            if (!expand.onlyOnlineChanges()) {
                throw new MigrateException("The expand phase of revision " + describe(id) + " was interrupted, and"
                        + " it runs plain operations too, which cannot be undone without knowing how far they got."
                        + " Finish it with " + fixes().command("upgrade") + " (it resumes where it stopped), then "
                        + fixes().command("downgrade") + " " + fixes().setting("target", "-1")
                        + " undoes it whole. Nothing was run.");
            }
            ConnectionSink sink = new ConnectionSink(run.workConnection());
            // of online changes alone, the expand's rollback finds the work of each done or not needed
            for (Script.Part part : expand.rollback(fixes()).parts()) {
                sink.execute(((Script.Statement) part).sql());
            }
            sink.execute(online.forget(id));
            settings.log()
                    .info("Undid the interrupted expand of revision " + describe(id) + ": its schema of views,"
                            + " triggers and new columns are gone, and the tables are as they were. Nothing else was"
                            + " downgraded: the database is at " + RevisionGraph.describe(current)
                            + "; run the downgrade again to go further.");
            return true;
        }
        return false;
    }

    /**
     * An upgrade waits while an online revision is in its expand phase (its application and the one
     * before it both run): the next change would meet its triggers and temporary columns. An online
     * upgrade other than the one whose expand was interrupted waits too, for that one to resume.
     */
    private void refuseWhileInProgress(List<Step> steps, Map<String, String> phases, Scripts scripts) {
        if (steps.stream().noneMatch(step -> step.direction() == Direction.UPGRADE)) {
            return;
        }
        for (Map.Entry<String, String> row : phases.entrySet()) {
            String id = row.getKey();
            if (row.getValue().equals(OnlineState.EXPAND)) {
                throw new MigrateException("Revision " + describe(id) + " is in progress: its expand phase ran and its"
                        + " contract phase has not. Complete it first (" + fixes().command("complete")
                        + "), or undo its"
                        + " expand (" + fixes().command("downgrade") + " " + fixes().setting("target", "-1")
                        + "), then upgrade. Nothing was run.");
            }
            if (row.getValue().equals(OnlineState.EXPANDING)) {
                for (Step step : steps) {
                    if (step.direction() == Direction.UPGRADE
                            && !step.revision().id().equals(id)
                            && scripts.upgrade(step.revision().id()).online()) {
                        throw new MigrateException("The expand phase of revision " + describe(id) + " was interrupted,"
                                + " and revision " + step.revision().id() + " is online too: one online revision runs"
                                + " at a time. Upgrade to " + id + " first, which resumes its expand ("
                                + fixes().command("upgrade") + " " + fixes().setting("target", id)
                                + "), then complete it. Nothing was run.");
                    }
                }
            }
        }
    }

    private String describe(String revision) {
        String message = graph.contains(revision) ? graph.get(revision).message() : "";
        return revision + (message.isEmpty() ? "" : " (" + message + ")");
    }

    private String inProgressNote(Map<String, String> phases) {
        return phases.entrySet().stream()
                .filter(row -> row.getValue().equals(OnlineState.EXPAND))
                .map(row -> " Revision " + row.getKey() + " is in its expand phase: complete it with "
                        + fixes().command("complete") + ".")
                .findFirst()
                .orElse("");
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
        try (Scripts scripts = new Scripts(migrations, false)) {
            underLock("complete", run -> {
                Map<String, String> phases = online.read(run.lockConnection());
                String revision = null;
                for (Map.Entry<String, String> row : phases.entrySet()) {
                    if (row.getValue().equals(OnlineState.EXPANDING)) {
                        throw new MigrateException("The expand phase of revision " + describe(row.getKey()) + " was"
                                + " interrupted before it finished: run upgrade to finish it (it resumes where it"
                                + " stopped), then complete it, or undo it with " + fixes().command("downgrade") + " "
                                + fixes().setting("target", "-1") + ".");
                    }
                    if (row.getValue().equals(OnlineState.EXPAND)) {
                        revision = row.getKey();
                    }
                }
                if (revision == null) {
                    settings.log().info("Nothing to complete: no online revision is in its expand phase.");
                    return;
                }
                if (!graph.contains(revision)) {
                    throw new MigrateException(
                            "Revision " + revision + " is in its expand phase, and no migration class"
                                    + " of this build defines it: complete it with the build that applied it.");
                }
                List<Script> before = new ArrayList<>();
                for (Map.Entry<String, String> row : phases.entrySet()) {
                    if (row.getValue().equals(OnlineState.COMPLETE) && graph.contains(row.getKey())) {
                        before.add(scripts.upgrade(row.getKey()));
                    }
                }
                List<String> bookkeeping = new ArrayList<>(online.completed(revision));
                bookkeeping.add(tables.completion(revision, graph.get(revision).message()));
                runner.complete(
                        graph.get(revision),
                        scripts.upgrade(revision).complete(before),
                        new ConnectionSink(run.workConnection()),
                        bookkeeping);
                completed[0] = revision;
            });
        }
        return Optional.ofNullable(completed[0]);
    }

    /** The online revisions in their expand phase. */
    public Set<String> inProgress() {
        Set<String> ids = new TreeSet<>();
        onlinePhases().forEach((id, phase) -> {
            if (phase.equals(OnlineState.EXPAND)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The phase of each online revision the state table names (expanding, expand, complete). */
    public Map<String, String> onlinePhases() {
        try (Connection c = connections().open()) {
            return online.read(c);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read " + online.table() + " from "
                            + connections().description() + ": " + e.getMessage(),
                    e);
        }
    }

    public void stamp(String target, boolean purge) {
        graph.checkNames(target);
        underLock("stamp", run -> {
            Set<String> current = purge ? Set.of() : versions(run.lockConnection());
            List<String> unknown = graph.unknown(current);
            if (!unknown.isEmpty()) {
                throw FutureRevisions.refused("stamp", unknown);
            }
            StampPlan plan = graph.planStamp(current, target);
            ConnectionSink sink = new ConnectionSink(run.workConnection());
            sink.begin();
            try {
                sink.executeAll(tables.stamp(plan, purge, target));
                sink.commit();
            } catch (SQLException e) {
                sink.rollback();
                throw e;
            }
            settings.log().info("Stamped the database at " + RevisionGraph.describe(plan.revisions()) + ".");
        });
    }

    /** For a role that may not read the version tables: the grants a role that only reads needs. */
    private String readGrantHint(SQLException e) {
        if (!"42501".equals(e.getSQLState())) {
            return "";
        }
        return ". A role that only reads needs SELECT on both version tables: GRANT SELECT ON " + tables.versionTable()
                + ", " + tables.historyTable() + " TO <role> (a GRANT ... ON ALL TABLES covers only the tables that "
                + "exist then; ALTER DEFAULT PRIVILEGES FOR ROLE <owner> GRANT SELECT ON TABLES TO <role> covers later ones)";
    }

    public List<CurrentRevision> current() {
        try (Connection c = connections().open()) {
            Set<String> rows = graph.canonical(tables.readVersions(c));
            Map<String, String> phases = online.read(c);
            phases.forEach((id, phase) -> {
                if (phase.equals(OnlineState.EXPANDING) && graph.contains(id)) {
                    settings.log()
                            .warn("The expand phase of revision " + describe(id) + " was interrupted: it is not"
                                    + " recorded, and its triggers and new columns are in place. Run "
                                    + fixes().command("upgrade") + " to finish it (it resumes where it stopped), or "
                                    + fixes().command("downgrade") + " " + fixes().setting("target", "-1")
                                    + " to undo it.");
                }
            });
            List<String> unknown = graph.unknown(rows);
            if (!settings.acceptFutureRevisions()) {
                graph.checkKnown(rows);
            }
            List<CurrentRevision> result = new ArrayList<>();
            for (String id : rows) {
                result.add(
                        unknown.contains(id)
                                ? CurrentRevision.ahead(id)
                                : new CurrentRevision(
                                        id,
                                        graph.get(id).message(),
                                        graph.isHead(id),
                                        true,
                                        OnlineState.EXPAND.equals(phases.get(id))));
            }
            return result;
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the version table " + tables.versionTable() + " from "
                            + connections().description() + ": " + e.getMessage() + readGrantHint(e),
                    e);
        }
    }

    /**
     * The latest row of the history table that applied each revision (its upgrade or a stamp), for
     * the reports that say when, by whom and how long.
     */
    public Map<String, AppliedRow> appliedRows() {
        try (Connection c = connections().open()) {
            return tables.readApplied(c);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the history table " + tables.historyTable() + " from "
                            + connections().description() + ": " + e.getMessage(),
                    e);
        }
    }

    /** The last {@code limit} steps of the history table, the newest first. */
    public List<HistoryEntry> recentHistory(int limit) {
        try (Connection c = connections().open()) {
            return tables.readRecent(c, limit);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the history table " + tables.historyTable() + " from "
                            + connections().description() + ": " + e.getMessage() + readGrantHint(e),
                    e);
        }
    }

    /** The version rows as they are, unknown revisions included; none when the table does not exist yet. */
    public Set<String> currentRows() {
        try (Connection c = connections().open()) {
            return tables.readVersions(c);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the version table " + tables.versionTable() + " from "
                            + connections().description() + ": " + e.getMessage() + readGrantHint(e),
                    e);
        }
    }

    /**
     * Fails unless the database is at every head, and then, when {@code driftResources} is given, unless
     * it has the schema the chain builds there, which those resources hold ({@link SchemaDriftCheck}).
     */
    public void assertUpToDate(@Nullable ClassLoader driftResources) {
        Set<String> rows = new TreeSet<>();
        List<CurrentRevision> current = current();
        current.forEach(r -> rows.add(r.id()));
        List<String> unknown = current.stream()
                .filter(r -> !r.known())
                .map(CurrentRevision::id)
                .toList();
        if (!unknown.isEmpty()) {
            // only reached with acceptFutureRevisions: current() refuses unknown rows otherwise
            settings.log().info(FutureRevisions.ahead(unknown));
            return;
        }
        Set<String> heads = new TreeSet<>(graph.heads());
        if (!rows.equals(heads)) {
            throw new NotAtHeadException("The database is not at head: it is at " + RevisionGraph.describe(rows)
                    + " while the migrations' heads are " + RevisionGraph.describe(heads) + ". Run "
                    + fixes().upgradeToHeads() + " first.");
        }
        if (driftResources != null) {
            assertNoDrift(String.join("+", heads), driftResources);
        }
    }

    private void assertNoDrift(String revision, ClassLoader resources) {
        SchemaDriftCheck check = ServiceLoader.load(SchemaDriftCheck.class, resources)
                .findFirst()
                .or(() -> ServiceLoader.load(SchemaDriftCheck.class, Engine.class.getClassLoader())
                        .findFirst())
                .orElseThrow(() -> new MigrateException("validateDrift reads the database's schema with the catalog "
                        + "reader of dev.migrate:migrate-catalog, which is not on the classpath. Add that dependency "
                        + "(the version of migrate-engine) to the application, or turn validateDrift off."));
        SchemaDriftCheck.Drift drift;
        try (Connection c = connections().open()) {
            drift = check.compare(
                    c,
                    connections().description(),
                    settings.schema(),
                    revision,
                    List.of(settings.versionTable(), settings.historyTable()),
                    resources);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not connect to " + connections().description()
                            + " to compare its schema with the migrations': " + e.getMessage(),
                    e);
        }
        settings.listener()
                .onDrift(
                        new DriftResult(connections().description(), settings.schema(), revision, drift.differences()));
        if (!drift.message().isEmpty()) {
            throw new MigrateException(drift.message());
        }
    }

    // ---- offline ----

    public void upgradeSql(String range, Writer out) {
        RevisionRange r = RevisionRange.parse(range);
        String fromText = r.from();
        Set<String> from = fromText != null ? graph.versionsAt(fromText) : Set.of();
        String to = r.toOr("heads");
        List<Step> steps = graph.planUpgrade(from, to);
        if (steps.isEmpty() && fromText != null && !from.equals(graph.versionsAt(to))) {
            throw new BadTargetException("The range " + range + " is not an upgrade: " + to + " is already applied at "
                    + r.from() + ", so the script would run nothing. For the SQL that goes from " + r.from()
                    + " down to " + to + ", use downgrade with " + fixes().setting("target", range) + ".");
        }
        writeScript("upgrade " + range, steps, out);
    }

    public void downgradeSql(String range, Writer out) {
        RevisionRange r = RevisionRange.parse(range);
        String from = r.from();
        if (from == null) {
            throw new MigrateException(
                    "An offline downgrade needs the starting revision, since there is no database to "
                            + "ask: give a range <from>:<to>, for example head:-1 or head:base.");
        }
        writeScript("downgrade " + range, graph.planDowngrade(graph.versionsAt(from), r.toOr("-1")), out);
    }

    /**
     * The SQL of a stamp: {@code target} alone stamps an empty version table; a range
     * {@code <from>:<to>} moves the rows a database at {@code from} holds to {@code to}.
     */
    public void stampSql(String target, boolean purge, Writer out) {
        RevisionRange r = RevisionRange.parse(target);
        String fromText = r.from();
        Set<String> from = fromText != null && !purge ? graph.versionsAt(fromText) : Set.of();
        StampPlan plan = graph.planStamp(from, r.toOr("heads"));
        ScriptWriterSink sink = new ScriptWriterSink(out);
        header(sink, "stamp " + target);
        sink.begin();
        sink.executeAll(tables.stamp(plan, purge, target));
        sink.commit();
    }

    /**
     * The SQL of the contract phase of the online revision {@code target} names, in one transaction: the
     * schemas of views of the online revisions before it go (those that are there), then its changes'
     * complete halves, then the state and history rows.
     */
    public void completeSql(String target, Writer out) {
        String revision = graph.resolveOne(target, Set.of()).id();
        try (Scripts scripts = new Scripts(migrations, true)) {
            Script upgrade = scripts.upgrade(revision);
            if (!upgrade.online()) {
                throw new BadTargetException("Revision " + revision + " makes no online change, so it has no contract"
                        + " phase to write: name an online revision with " + fixes().setting("target") + ".");
            }
            List<Script> before = new ArrayList<>();
            for (String ancestor : graph.ancestors(revision)) {
                Script earlier = scripts.upgrade(ancestor);
                if (earlier.online()) {
                    before.add(earlier);
                }
            }
            ScriptWriterSink sink = new ScriptWriterSink(out);
            header(sink, "complete " + revision);
            sink.begin();
            for (Script.Part part : upgrade.complete(before).parts()) {
                sink.execute(((Script.Statement) part).sql());
            }
            List<String> bookkeeping = new ArrayList<>(online.completed(revision));
            bookkeeping.add(tables.completion(revision, graph.get(revision).message()));
            sink.executeAll(bookkeeping);
            sink.commit();
        }
    }

    private void writeScript(String what, List<Step> steps, Writer out) {
        ScriptWriterSink sink = new ScriptWriterSink(out);
        header(sink, what);
        runner.run(steps, sink, new Scripts(migrations, true));
    }

    private void header(ScriptWriterSink sink, String what) {
        sink.comment("migrate: " + what + " (offline SQL; the version table is " + tables.versionTable() + ")");
        sessionSettings().forEach(sink::execute);
        sink.executeAll(tables.createStatements());
    }

    // ---- shared ----

    private interface Work {
        void run(LockedRun run) throws SQLException;
    }

    /**
     * A run under the migration lock. The lock is held on a connection of its own, which also reads
     * the version and history tables; the steps run on a second connection, opened only when there
     * is something to run (an up-to-date database is checked on one connection). While they run,
     * the lock's connection watches for sessions that block them.
     */
    private final class LockedRun implements AutoCloseable {
        private final Connection lockConnection;
        private @Nullable Connection workConnection;
        private @Nullable BlockerWatch watch;

        private LockedRun(Connection lockConnection) {
            this.lockConnection = lockConnection;
        }

        Connection lockConnection() {
            return lockConnection;
        }

        /** The connection the steps run on, with the version tables in place; opened on first use. */
        Connection workConnection() throws SQLException {
            if (workConnection == null) {
                workConnection = connections().open();
                prepare(workConnection);
                watch = BlockerWatch.start(
                        lockConnection, backendPid(workConnection), settings.waitReportInterval(), settings.log());
            }
            return workConnection;
        }

        private void prepare(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                applySessionSettings(c);
                for (String sql : tables.createStatements()) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not prepare the version tables " + tables.versionTable() + " and "
                                + tables.historyTable() + " on " + connections().description() + ": " + e.getMessage()
                                + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]")
                                + Privileges.explain(e, c.getMetaData().getUserName()),
                        e);
            }
        }

        @Override
        public void close() throws SQLException {
            if (watch != null) {
                watch.close();
            }
            if (workConnection != null) {
                workConnection.close();
            }
        }
    }

    /**
     * Runs {@code work} under the migration lock, once the server has said it can take writes: a
     * standby or a read-only role is refused before the lock is taken or the version tables are
     * prepared.
     *
     * @param what the goal, for the message that refuses a read-only server
     */
    @SuppressWarnings("try") // the lock is held for the whole body and released by close, never read
    private void underLock(String what, Work work) {
        try (Connection lockConnection = connections().open()) {
            applySessionSettings(lockConnection).requireWritable(connections().description(lockConnection), what);
            try (AdvisoryLock lock = acquireLock(lockConnection);
                    LockedRun run = new LockedRun(lockConnection)) {
                try {
                    work.run(run);
                } catch (SQLException e) {
                    // asked here, while the lock's connection is still open
                    throw statementFailed(e, lockConnection.getMetaData().getUserName());
                }
            }
        } catch (SQLException e) {
            throw statementFailed(e, null);
        }
    }

    /** A failure outside the migrations' own statements, with the privilege it needs when that is the cause. */
    /** The database; an engine without one (a migrator built for offline SQL) serves only the offline methods. */
    private ConnectionSource connections() {
        if (connections == null) {
            throw new MigrateException("No database is configured for this migrator. Give it a DataSource or a JDBC"
                    + " URL (Migrator.builder().dataSource(...) or .url(...)), or use the offline *Sql methods.");
        }
        return connections;
    }

    private MigrateException statementFailed(SQLException e, @Nullable String user) {
        return new MigrateException(
                "A statement on " + connections().description() + " failed: " + e.getMessage()
                        + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]")
                        + Privileges.explain(e, user),
                e);
    }

    /** Takes the migration lock, and tells the listener how long the run waited for it. */
    private AdvisoryLock acquireLock(Connection lockConnection) throws SQLException {
        AdvisoryLock lock = AdvisoryLock.acquire(
                lockConnection,
                AdvisoryLock.keyFor(tables.versionTable().toString()),
                settings.lockWaitTimeout(),
                settings.waitReportInterval(),
                settings.log(),
                settings.fixes());
        try {
            settings.listener()
                    .onLockWait(new LockWait(
                            LockWait.Kind.MIGRATION_LOCK,
                            null,
                            tables.versionTable().toString(),
                            lock.waited()));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }

    /**
     * Settings of the run's own connections: the configured timeouts, so that what the run reads
     * under its lock waits no longer than its steps would. On PostgreSQL 14 and later the server
     * checks every second that the client is still there while a statement runs, so a run killed
     * with kill -9 does not leave its migration running on, holding locks the next run waits for. A
     * connection without an application name is named {@code migrate}, so other sessions see who is
     * waiting. The same round trip asks whether the server can take writes.
     */
    private WritableServer applySessionSettings(Connection c) throws SQLException {
        List<String> sql = sessionSettings();
        if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
            sql.add("SET client_connection_check_interval = '1s'");
        }
        sql.add("SELECT " + WritableServer.COLUMNS + ", CASE WHEN current_setting('application_name') "
                + "IN ('', 'PostgreSQL JDBC Driver') THEN set_config('application_name', 'migrate', false) END");
        try (Statement s = c.createStatement()) {
            boolean isResult = s.execute(String.join(";\n", sql)); // one round trip
            while (!isResult) {
                if (s.getUpdateCount() == -1) {
                    throw new SQLException("The session settings returned no row.");
                }
                isResult = s.getMoreResults();
            }
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                return WritableServer.read(rs);
            }
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<String> sessionSettings() {
        List<String> sql = new ArrayList<>();
        if (settings.lockTimeout() != null) {
            sql.add("SET lock_timeout = '" + settings.lockTimeout().toMillis() + "ms'");
        }
        if (settings.statementTimeout() != null) {
            sql.add("SET statement_timeout = '" + settings.statementTimeout().toMillis() + "ms'");
        }
        if (settings.searchPath() != null) {
            // a tenant's migrations create unqualified names in its schema and still see public's
            sql.add("SET search_path = " + settings.searchPath());
        }
        return sql;
    }

    /**
     * The version rows under the lock, as the graph names them: a row naming the revision a squash
     * stands for, whose replaced classes are deleted, is renamed to the squash, and a row naming a
     * squash whose replaced classes are defined again is renamed back to the revision it stands for,
     * which keeps the table in the graph's terms for every later step.
     */
    private Set<String> versions(Connection c) throws SQLException {
        Set<String> rows = tables.readVersions(c);
        Set<String> canonical = graph.canonical(rows);
        if (!canonical.equals(rows)) {
            try (Statement s = c.createStatement()) {
                for (String row : rows) {
                    String named = graph.canonical(Set.of(row)).iterator().next();
                    if (!named.equals(row)) {
                        s.execute(tables.renameVersion(row, named));
                        settings.log()
                                .info("The version row " + row + " now reads " + named
                                        + (graph.get(named).isSquash()
                                                ? ", the squash that stands for it since the revisions it replaced "
                                                        + "were deleted."
                                                : ", the revision squash " + row + " stands for, whose replaced "
                                                        + "revisions are defined again."));
                    }
                }
            }
        }
        return canonical;
    }

    /**
     * Compares the stored checksum of each applied migration with the checksum of what it asks for
     * now, recorded online as when it was applied (a migration may ask for other things offline).
     */
    private void verifyChecksums(Connection c, Set<String> current, Scripts scripts, Map<String, String> known)
            throws SQLException {
        Map<String, String> stored = tables.readChecksums(c);
        List<String> changed = new ArrayList<>();
        List<String> unknownFormat = new ArrayList<>();
        Map<String, String> rewrite = new LinkedHashMap<>();
        for (String id : graph.sortTopologically(graph.appliedRevisions(current))) {
            String before = stored.get(id);
            if (before == null || before.equals(known.get(id))) {
                continue; // the same code gave this checksum before
            }
            Script script = scripts.upgrade(id);
            known.put(id, script.checksum());
            if (Checksum.isCurrent(before)
                    ? before.equals(script.checksum())
                    : Checksum.isLegacy(before) && before.equals(script.legacyChecksum())) {
                if (!before.equals(script.checksum())) {
                    rewrite.put(id, script.checksum()); // an earlier format that still matches: store this one
                }
            } else if (Checksum.isCurrent(before) || Checksum.isLegacy(before)) {
                changed.add(id + " ("
                        + Objects.requireNonNull(migrations.get(id)).type().getName() + ")");
                rewrite.put(id, script.checksum());
            } else {
                unknownFormat.add(id);
            }
        }
        if (!unknownFormat.isEmpty()) {
            settings.log()
                    .warn("The checksums of " + String.join(", ", unknownFormat) + " were written by a later "
                            + "version of migrate in a format this one does not know, so they were not verified.");
        }
        if (!changed.isEmpty() && !settings.acceptChecksums()) {
            throw new ChecksumMismatchException("Applied migration" + (changed.size() > 1 ? "s have" : " has")
                    + " changed since "
                    + (changed.size() > 1 ? "they were" : "it was") + " applied: " + String.join(", ", changed)
                    + ". What " + (changed.size() > 1 ? "they ask" : "it asks") + " for no longer matches what this "
                    + "database ran. Restore the original code and put the change in a new migration, or, if the change "
                    + "is intended, accept it with " + fixes().setting("acceptChecksums", "true")
                    + fixes().api(" (Migrator.builder().acceptChecksums(true))") + ". "
                    + "Nothing was run.");
        }
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : rewrite.entrySet()) {
                s.execute(tables.acceptChecksum(e.getKey(), e.getValue()));
            }
        }
        if (!changed.isEmpty()) {
            settings.log().warn("Accepted the changed checksum of " + String.join(", ", changed) + ".");
        }
    }
}
