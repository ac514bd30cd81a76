package dev.migrate.internal.online;

import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.lock.LockRetries;
import dev.migrate.internal.lock.LockTimeoutAdvice;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.QualifiedName;
import dev.migrate.text.Fixes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The online revisions of a run: their phases in the state table, what a run may do while one is in
 * progress, the schemas of views of completed revisions, and the three phases (expand, complete, rollback)
 * the engine and the runner hand their steps to.
 */
public final class OnlineRunner {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    private final RevisionGraph graph;
    private final OnlineState state;
    private final MigrationLog log;
    private final Fixes fixes;
    private final ExpandPhase expand;
    private final CompletePhase complete;
    private final RollbackPhase rollback;

    /**
     * @param versionTable the version table, beside which the state table lives
     * @param advice what a failure on {@code lock_timeout} tells the user
     */
    public OnlineRunner(
            RevisionGraph graph,
            QualifiedName versionTable,
            MigrationLog log,
            MigrationListener listener,
            LockRetries lockRetries,
            LockTimeoutAdvice advice,
            Duration progressInterval,
            Fixes fixes) {
        this.graph = graph;
        this.state = new OnlineState(versionTable);
        this.log = log;
        this.fixes = fixes;
        this.expand = new ExpandPhase(state, lockRetries, log, listener, progressInterval, fixes);
        this.complete = new CompletePhase(lockRetries, advice, log, listener);
        this.rollback = new RollbackPhase(state, graph, log, fixes);
    }

    /** The table of online phases. */
    public QualifiedName table() {
        return state.table();
    }

    /** The phase of each online revision the state table names; empty when the table is not there. */
    public Map<String, String> phases(Connection c) throws SQLException {
        return state.read(c);
    }

    /** The phases of an upgrade's expands. */
    public ExpandPhase expand() {
        return expand;
    }

    /** The contract phase, for a run that goes past an online revision. */
    public CompletePhase completion() {
        return complete;
    }

    /** The statement that forgets {@code revision}: a downgrade undid it, or its contract ran on the way. */
    public String forget(String revision) {
        return state.forget(revision);
    }

    /**
     * The statements that record the contract of {@code revision} in the state table; the rows of the
     * revisions completed before it go.
     */
    public List<String> completed(String revision) {
        return state.completed(revision);
    }

    /** See {@link RollbackPhase#undoInterruptedExpand}. */
    public boolean undoInterruptedExpand(
            Map<String, String> phases, OnlineScripts scripts, Set<String> current, OnlineSink.Opener sinks)
            throws SQLException {
        return rollback.undoInterruptedExpand(phases, scripts, current, sinks);
    }

    /**
     * Before a run of {@code steps}: the schemas of views of the completed online revisions go, unless
     * every step is the expand of an online revision or the undoing of an expand.
     *
     * @return the phases left
     */
    public Map<String, String> dropCompletedViewsIfDue(
            List<Step> steps, Map<String, String> phases, OnlineScripts scripts, OnlineSink.Opener sinks)
            throws SQLException {
        if (phases.containsValue(OnlineState.COMPLETE) && !onlyExpandsOrTheirRollbacks(steps, phases, scripts)) {
            return dropCompletedViews(phases, scripts, sinks);
        }
        return phases;
    }

    /**
     * Whether every step is the expand of an online revision or the undoing of an expand. Those leave the
     * schema of views of the online revision completed before them standing: its application is the one
     * that runs while the next revision expands and, when that expand is undone, after it. It goes when the
     * next revision completes.
     */
    private static boolean onlyExpandsOrTheirRollbacks(
            List<Step> steps, Map<String, String> phases, OnlineScripts scripts) {
        return steps.stream()
                .allMatch(step -> step.direction() == Direction.UPGRADE
                        ? scripts.online(step.revision().id())
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
    public Map<String, String> dropCompletedViews(
            Map<String, String> phases, OnlineScripts scripts, OnlineSink.Opener sinks) throws SQLException {
        Map<String, String> left = new LinkedHashMap<>();
        for (Map.Entry<String, String> row : phases.entrySet()) {
            String id = row.getKey();
            if (!row.getValue().equals(OnlineState.COMPLETE) || !graph.contains(id)) {
                left.put(id, row.getValue());
                continue;
            }
            OnlineSink sink = sinks.open();
            for (String sql : DIALECT.render(new OnlineOp.DropVersionViews(id, scripts.changes(id)))) {
                sink.execute(sql);
            }
            sink.execute(state.forget(id));
            log.info("Dropped the schema of views of online revision " + id + ", completed before.");
        }
        return left;
    }

    /**
     * An upgrade waits while an online revision is in its expand phase (its application and the one
     * before it both run): the next change would meet its triggers and temporary columns. An online
     * upgrade other than the one whose expand was interrupted waits too, for that one to resume.
     */
    public void refuseWhileInProgress(List<Step> steps, Map<String, String> phases, OnlineScripts scripts) {
        if (steps.stream().noneMatch(step -> step.direction() == Direction.UPGRADE)) {
            return;
        }
        for (Map.Entry<String, String> row : phases.entrySet()) {
            String id = row.getKey();
            if (row.getValue().equals(OnlineState.EXPAND)) {
                throw new MigrateException("Revision " + describe(id) + " is in progress: its expand phase ran and its"
                        + " contract phase has not. Complete it first (" + fixes.command("complete")
                        + "), or undo its"
                        + " expand (" + fixes.command("downgrade") + " " + fixes.setting("target", "-1")
                        + "), then upgrade. Nothing was run.");
            }
            if (row.getValue().equals(OnlineState.EXPANDING)) {
                for (Step step : steps) {
                    if (step.direction() == Direction.UPGRADE
                            && !step.revision().id().equals(id)
                            && scripts.online(step.revision().id())) {
                        throw new MigrateException("The expand phase of revision " + describe(id) + " was interrupted,"
                                + " and revision " + step.revision().id() + " is online too: one online revision runs"
                                + " at a time. Upgrade to " + id + " first, which resumes its expand ("
                                + fixes.command("upgrade") + " " + fixes.setting("target", id)
                                + "), then complete it. Nothing was run.");
                    }
                }
            }
        }
    }

    /** What the message of a run with nothing to do adds when a revision is in its expand phase. */
    public String inProgressNote(Map<String, String> phases) {
        return phases.entrySet().stream()
                .filter(row -> row.getValue().equals(OnlineState.EXPAND))
                .map(row -> " Revision " + row.getKey() + " is in its expand phase: complete it with "
                        + fixes.command("complete") + ".")
                .findFirst()
                .orElse("");
    }

    /** The online revisions in their expand phase. */
    public static Set<String> inProgress(Map<String, String> phases) {
        Set<String> ids = new TreeSet<>();
        phases.forEach((id, phase) -> {
            if (phase.equals(OnlineState.EXPAND)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Whether {@code revision} is in its expand phase. */
    public static boolean inProgress(Map<String, String> phases, String revision) {
        return OnlineState.EXPAND.equals(phases.get(revision));
    }

    /**
     * Warns of each expand that was interrupted: the database is between two revisions. One that another run is
     * still doing (that run holds the migration lock: {@code lockHolders} names its server sessions) is said to be
     * running, so that nobody undoes an expand that is under way.
     */
    public void warnOfInterruptedExpands(Map<String, String> phases, List<String> lockHolders) {
        phases.forEach((id, phase) -> {
            if (!phase.equals(OnlineState.EXPANDING) || !graph.contains(id)) {
                return;
            }
            if (!lockHolders.isEmpty()) {
                log.info("The expand phase of revision " + describe(id) + " is running: another run holds the "
                        + "migration lock (" + String.join(", ", lockHolders) + "). Leave it to finish; "
                        + fixes.command("current") + " then shows the revision in its expand phase.");
                return;
            }
            log.warn("The expand phase of revision " + describe(id) + " was interrupted: it is not"
                    + " recorded, and its triggers and new columns are in place. Run "
                    + fixes.command("upgrade") + " to finish it (it resumes where it stopped), or "
                    + fixes.command("downgrade") + " " + fixes.setting("target", "-1")
                    + " to undo it.");
        });
    }

    /**
     * The online revision {@code complete} runs the contract phase of: the one in its expand phase. An
     * interrupted expand is refused.
     *
     * @return the revision, or null when none is in progress (which the log says)
     */
    public @Nullable String toComplete(Map<String, String> phases) {
        String revision = null;
        for (Map.Entry<String, String> row : phases.entrySet()) {
            if (row.getValue().equals(OnlineState.EXPANDING)) {
                throw new MigrateException("The expand phase of revision " + describe(row.getKey()) + " was"
                        + " interrupted before it finished: run upgrade to finish it (it resumes where it"
                        + " stopped), then complete it, or undo it with " + fixes.command("downgrade") + " "
                        + fixes.setting("target", "-1") + ".");
            }
            if (row.getValue().equals(OnlineState.EXPAND)) {
                revision = row.getKey();
            }
        }
        if (revision == null) {
            log.info("Nothing to complete: no online revision is in its expand phase.");
            return null;
        }
        if (!graph.contains(revision)) {
            throw new MigrateException("Revision " + revision + " is in its expand phase, and no migration class"
                    + " of this build defines it: complete it with the build that applied it.");
        }
        return revision;
    }

    /**
     * Runs the contract phase of {@code revision}, in one transaction: its old columns, triggers and
     * temporary names go, and the schemas of views of the revisions completed before it. Its own schema
     * of views stays, for its application.
     *
     * @param historyRow the history table's row of the contract, recorded in the same transaction
     */
    public void complete(
            String revision,
            Map<String, String> phases,
            OnlineScripts scripts,
            String historyRow,
            OnlineSink.Opener sinks)
            throws SQLException {
        List<String> before = new ArrayList<>();
        for (Map.Entry<String, String> row : phases.entrySet()) {
            if (row.getValue().equals(OnlineState.COMPLETE) && graph.contains(row.getKey())) {
                before.add(row.getKey());
            }
        }
        List<String> bookkeeping = new ArrayList<>(state.completed(revision));
        bookkeeping.add(historyRow);
        complete.run(graph.get(revision), scripts.complete(revision, before), sinks.open(), bookkeeping);
    }

    /** {@code r1 (message)}: a revision as the messages name it. */
    static String describe(RevisionGraph graph, String revision) {
        String message = graph.contains(revision) ? graph.get(revision).message() : "";
        return revision + (message.isEmpty() ? "" : " (" + message + ")");
    }

    private String describe(String revision) {
        return describe(graph, revision);
    }
}
