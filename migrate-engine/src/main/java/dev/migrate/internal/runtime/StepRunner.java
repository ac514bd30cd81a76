package dev.migrate.internal.runtime;

import dev.migrate.AppliedStep;
import dev.migrate.LockWait;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.MigrationStep;
import dev.migrate.TimedStatement;
import dev.migrate.TransactionMode;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.lock.LockRetries;
import dev.migrate.internal.lock.LockTimeoutAdvice;
import dev.migrate.internal.lock.LockWaits;
import dev.migrate.internal.online.OnlineRunner;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.progress.StepNames;
import dev.migrate.internal.runtime.progress.StepWatch;
import dev.migrate.internal.runtime.script.Script;
import dev.migrate.internal.runtime.script.Scripts;
import dev.migrate.internal.runtime.session.Settings;
import dev.migrate.internal.runtime.sink.CutStatements;
import dev.migrate.internal.runtime.sink.Leftover;
import dev.migrate.internal.runtime.sink.ScriptSink;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.internal.text.Elapsed;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.SqlOp;
import dev.migrate.text.Fixes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs planned steps through a {@link ScriptSink}: the same code for a live database and for an
 * offline script. Which statements share a transaction is the {@link TransactionPlan}'s; this class
 * carries it out: it runs the statements, records each step in the version and history tables, and
 * tells the log and the listener. Against a live database every commit but the run's last skips the
 * wait for the disk; the last one's wait covers them all, since the server writes its log in order.
 */
final class StepRunner {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    private final Map<String, DiscoveredMigration> migrations;
    private final VersionTables tables;
    private final OnlineRunner online;
    private final TransactionMode mode;
    private final MigrationLog log;
    private final MigrationListener listener;
    private final LockRetries lockRetries;
    private final LockWaits waits;
    private final Duration progressInterval;
    private final InvalidIndexGuard invalidIndexes;
    private final RunFailure failures;
    /** Whether a migration of several statements may go in one round trip too (a replay's runner). */
    private final boolean wholeSteps;

    private final Fixes fixes;

    StepRunner(
            Map<String, DiscoveredMigration> migrations,
            VersionTables tables,
            OnlineRunner online,
            Settings settings,
            boolean wholeSteps) {
        this.migrations = migrations;
        this.tables = tables;
        this.online = online;
        this.mode = settings.transactionMode();
        this.log = settings.log();
        this.listener = settings.listener();
        this.lockRetries = settings.lockRetries();
        this.waits = new LockWaits(listener);
        this.progressInterval = settings.progressInterval();
        this.invalidIndexes =
                new InvalidIndexGuard(migrations, log, settings.rebuildInvalidIndexes(), settings.fixes());
        this.failures = new RunFailure(new LockTimeoutAdvice(lockRetries, mode, settings.fixes()), settings.fixes());
        this.wholeSteps = wholeSteps;
        this.fixes = settings.fixes();
    }

    /**
     * Runs the steps; returns those applied, with their durations (none for an offline script). Against
     * a database, each step says when it starts ({@code Running upgrade a -> b, message}, as Alembic
     * prints it), every progress interval while it runs, and when it is done, with its duration.
     */
    List<AppliedStep> run(List<Step> steps, ScriptSink sink, Scripts scripts) {
        return run(steps, sink, scripts, Map.of());
    }

    /**
     * @param phases the phase of each online revision the state table names: the downgrade of one in its
     *     expand phase undoes the expand
     */
    List<AppliedStep> run(List<Step> steps, ScriptSink sink, Scripts scripts, Map<String, String> phases) {
        return run(steps, sink, scripts, phases, Set.of());
    }

    /**
     * @param retried the revisions whose steps try again a revision left pending in its place (an upgrade that
     *     moves no version row): where its guard says CONTINUE again, nothing is recorded, and it stays pending
     */
    List<AppliedStep> run(
            List<Step> steps, ScriptSink sink, Scripts scripts, Map<String, String> phases, Set<String> retried) {
        invalidIndexes.beforeRun(steps, sink, scripts);
        try (StepWatch watch = sink.offline() ? StepWatch.off() : StepWatch.start(progressInterval, log, listener)) {
            TransactionPlan plan = new TransactionPlan(
                    steps, migrations, scripts, phases, online, mode, lockRetries, wholeSteps, fixes);
            return run(steps.size(), plan, sink, watch, retried);
        }
    }

    private List<AppliedStep> run(
            int steps, TransactionPlan plan, ScriptSink sink, StepWatch watch, Set<String> retried) {
        List<AppliedStep> applied = new ArrayList<>();
        RunProgress progress = new RunProgress(watch);
        boolean inTransaction = false;
        // a listener hears each migration start before it runs
        StepsTogether together =
                listener == MigrationListener.NONE && sink.takesStepsWhole() ? new StepsTogether(tables, log) : null;
        try {
            for (int i = 0; i < steps; ) {
                if (together != null && !inTransaction) {
                    StepsTogether.Sent sent = together.send(i, plan, sink, watch, progress, applied, retried);
                    i += sent.applied();
                    if (sent.applied() > 0 && !sent.failed()) {
                        continue;
                    }
                }
                boolean retry = retried.contains(plan.stepAt(i).revision().id());
                inTransaction = runStep(i, plan, sink, watch, progress, inTransaction, applied, retry);
                i++;
            }
            if (inTransaction) {
                progress.at("COMMIT");
                sink.commit();
                progress.committed();
            }
            return applied;
        } catch (SQLException | RuntimeException e) {
            sink.rollback();
            throw failures.of(progress, e, sink.role());
        }
    }

    /**
     * Runs the {@code i}th step as the plan has it, its bookkeeping with it.
     *
     * @param inTransaction whether the run's transaction is open when it starts
     * @param retry whether the step tries again a revision left pending in its place
     * @return whether the run's transaction is open when it ends
     */
    private boolean runStep(
            int i,
            TransactionPlan plan,
            ScriptSink sink,
            StepWatch watch,
            RunProgress progress,
            boolean inTransaction,
            List<AppliedStep> applied,
            boolean retry)
            throws SQLException {
        progress.start(plan.stepAt(i));
        TransactionPlan.Planned planned = plan.step(i, sink);
        Step step = planned.step();
        List<Script.Part> parts = planned.parts();
        boolean transactional = planned.transactional();
        List<SqlOp.Guard> guards = GuardCheck.guards(parts);
        if (sink.offline()) {
            GuardCheck.refuseOffline(step.revision().id(), guards);
        }
        progress.transactional = transactional;
        progress.expand = planned.expand();
        if (!transactional && inTransaction) {
            progress.at("COMMIT");
            sink.commit();
            progress.committed();
            inTransaction = false;
        }
        sink.step(planned.migration());
        sink.comment(StepNames.describe(step));
        if (sink.offline() && plan.mayBeMarkedRan(planned)) {
            sink.execute(tables.refuseMarkedRanDowngrade(step.revision().id()));
        }
        // the downgrade of a revision recorded as applied without running: its statements do not run either
        @Nullable String note = GuardCheck.downgradeOfMarkedRan(step, sink, tables, log);
        if (!sink.offline()) {
            MigrationStep starting =
                    new MigrationStep(step.revision().id(), step.revision().message(), StepNames.direction(step));
            log.info(StepNames.describe(step));
            watch.started(StepNames.what(step), starting);
            progress.heard = starting;
            listener.beforeStep(starting);
        }
        long start = System.nanoTime();
        @Nullable String pending = null; // why its guard left it pending in its place
        if (planned.expand()) {
            online.expand().start(planned.revision(), planned.script().changes(), sink, progress);
        }
        if (note == null && transactional && planned.oneRoundTrip() && inOneRoundTrip(planned, sink, progress)) {
            finished(step, start, watch, applied);
            return inTransaction;
        }
        for (int attempt = 1; ; attempt++) {
            if (transactional && !inTransaction) {
                progress.at("BEGIN");
                sink.begin();
                inTransaction = true;
            }
            long tried = System.nanoTime();
            try {
                if (note != null) {
                    break; // only the bookkeeping, in the transaction it would have had
                }
                GuardCheck.Outcome outcome = guards.isEmpty() || sink.offline()
                        ? new GuardCheck.Run()
                        : GuardCheck.evaluate(step.revision().id(), guards, sink, log, inTransaction);
                if (outcome instanceof GuardCheck.Pending left) {
                    if (retry) {
                        // still pending: its row stays as it is, and the steps after it run
                        watch.finished();
                        return inTransaction;
                    }
                    pending = left.why();
                } else if (outcome instanceof GuardCheck.MarkRan marked) {
                    note = marked.note();
                } else {
                    runParts(step, transactional, parts, sink, progress);
                }
                break;
            } catch (SQLException e) {
                if (!plan.retriesTransaction(planned, e, attempt)) {
                    progress.attempts = attempt;
                    throw e;
                }
                sink.rollback();
                inTransaction = false;
                waitToRetry(planned.revision(), progress.statement, attempt, tried, "rolled back its transaction");
            }
        }
        Long millis = sink.offline() ? null : (System.nanoTime() - start) / 1_000_000;
        List<String> bookkeeping = new ArrayList<>(
                pending != null
                        ? tables.bookkeepingPending(step, planned.checksum(), millis, pending)
                        : note == null
                                ? tables.bookkeeping(step, planned.checksum(), millis)
                                : tables.bookkeepingRanNothing(step, planned.checksum(), millis, note));
        bookkeeping.addAll(planned.stateRows());
        if (inTransaction && planned.commitsWithBookkeeping()) {
            progress.at("(version table update, then COMMIT)");
            sink.executeAllAndCommit(bookkeeping, planned.last());
            progress.applied(true);
            progress.committed();
            inTransaction = false;
        } else {
            progress.at("(version table update)");
            sink.executeAll(bookkeeping);
            progress.applied(transactional);
        }
        if (pending != null) {
            watch.finished(); // recorded pending, not applied: no listener hears it applied
        } else if (!sink.offline()) {
            finished(step, start, watch, applied);
        }
        if (planned.completesOnTheWay()) {
            completeOnTheWay(step, planned.script(), sink);
        } else if (planned.expand() && !sink.offline()) {
            online.expand().announce(planned.revision(), planned.script().changes());
        }
        return inTransaction;
    }

    /**
     * Sends a migration, its bookkeeping and its COMMIT in one round trip.
     *
     * @return whether it was applied; when not, nothing of it stayed, and it runs again a statement at a time
     */
    private boolean inOneRoundTrip(TransactionPlan.Planned planned, ScriptSink sink, RunProgress progress)
            throws SQLException {
        List<Script.Part> parts = planned.parts();
        List<String> whole = planned.whole(tables);
        String first = ((Script.Statement) parts.get(0)).sql();
        progress.at(first);
        sink.begin();
        try {
            long sent = System.nanoTime();
            sink.executeAllAndCommit(whole, planned.last());
            if (parts.size() == 1) {
                ran(progress, first, sent);
            }
            progress.applied(true);
            progress.committed();
            return true;
        } catch (SQLException e) {
            if (connectionLost(e)) {
                throw e;
            }
            // One round trip does not tell which statement failed. Nothing of it stayed (its
            // transaction is rolled back), so the migration runs again, a statement at a
            // time, and a failure names its statement as it always did.
            sink.rollback();
            return false;
        }
    }

    /** The connection broke or the server ended the session: nothing can run again on it. */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** A step against a database is done: says so with its duration, and tells the listener. */
    private void finished(Step step, long start, StepWatch watch, List<AppliedStep> applied) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        watch.finished();
        log.info(StepNames.finished(step) + " in " + Elapsed.exactly(took) + ".");
        AppliedStep done =
                new AppliedStep(step.revision().id(), step.revision().message(), StepNames.direction(step), took);
        applied.add(done);
        listener.afterStep(done);
    }

    /**
     * An online revision the run goes past, or one of a run that builds the schema from nothing (a fresh
     * database, a replay, a test's database): no application of the revision before can be running on it,
     * so its contract runs at once, its schema of views goes, and what follows finds the tables in their
     * new shape.
     */
    private void completeOnTheWay(Step step, Script expanded, ScriptSink sink) throws SQLException {
        String id = step.revision().id();
        sink.comment("Completing " + id + ": no application of the revision before it runs here");
        log.info("Revision " + id + " is online, and no application of the revision before it can be running"
                + " here (the run goes on past it, or built the schema from nothing): its contract runs now.");
        // what a deploy's upgrade runs is the expand; the contract is complete's, watched by no observer
        sink.outside(plain -> online.completion()
                .run(
                        step.revision(),
                        expanded.complete(List.of())
                                .and(new OnlineOp.DropVersionViews(id, expanded.changes()))
                                .statements(),
                        plain,
                        List.of(
                                online.forget(id),
                                tables.completion(id, step.revision().message()))));
    }

    /**
     * Runs a migration's statements and JDBC code. A statement of a {@code transactional = false}
     * migration that fails on {@code lock_timeout} is tried again alone: the ones before it committed.
     */
    private void runParts(
            Step step, boolean transactional, List<Script.Part> parts, ScriptSink sink, RunProgress progress)
            throws SQLException {
        for (Script.Part part : parts) {
            long start = System.nanoTime();
            if (GuardCheck.isGuard(part) && !sink.offline()) {
                continue; // evaluated before the statements, by GuardCheck
            }
            if (part instanceof Script.Statement s && s.op() instanceof OnlineOp.Backfill backfill) {
                progress.at(s.sql());
                sink.backfill(online.expand().backfill(backfill, step.revision().id()), s.sql());
                ran(progress, s.sql(), start);
            } else if (part instanceof Script.Statement s
                    && s.op() instanceof OnlineOp.DuplicateIndexes copies
                    && !sink.offline()) {
                // each copy built CONCURRENTLY, a statement of its own, as the catalog has them now
                progress.at(s.sql());
                for (String copy : sink.query(DIALECT.indexCopies(copies))) {
                    long built = System.nanoTime();
                    runStatement(step, false, new Script.Statement(copy, null), sink, progress);
                    ran(progress, copy, built);
                    progress.ran(true);
                }
                continue;
            } else if (part instanceof Script.Statement s) {
                runStatement(step, transactional, s, sink, progress);
                ran(progress, s.sql(), start);
            } else {
                String jdbc = "(the JDBC code of the migration, op.jdbc)";
                progress.at(jdbc);
                sink.jdbc(((Script.Jdbc) part).work(), step.revision().id());
                ran(progress, jdbc, start);
            }
            progress.ran(!transactional);
        }
    }

    /**
     * Runs one statement; one of a {@code transactional = false} migration that fails on
     * {@code lock_timeout} is tried again alone. A statement of an expand waits briefly for its locks.
     */
    private void runStatement(
            Step step, boolean transactional, Script.Statement s, ScriptSink sink, RunProgress progress)
            throws SQLException {
        List<Leftover> leftovers = transactional ? List.of() : CutStatements.of(s);
        if (progress.expand && leftovers.isEmpty() && !sink.offline()) {
            online.expand().runBriefly(step.revision().id(), s.sql(), sink, progress);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            // before a retry too: a concurrent build cut by the lock timeout leaves its index
            invalidIndexes.clearInvalidIndexes(step, leftovers, sink, progress);
            progress.at(s.sql());
            progress.leftovers = transactional ? null : leftovers;
            long tried = System.nanoTime();
            try {
                sink.execute(s.sql());
                return;
            } catch (SQLException e) {
                if (transactional || !LockRetries.isLockTimeout(e) || attempt > lockRetries.retries()) {
                    progress.attempts = attempt;
                    throw e;
                }
                waitToRetry(step.revision().id(), s.sql(), attempt, tried, "the statements before it stay applied");
            }
        }
    }

    /**
     * After a {@code lock_timeout}: tells the listener how long the attempt that began at {@code tried}
     * waited, logs the retry and waits before it.
     */
    private void waitToRetry(String revision, @Nullable String statement, int attempt, long tried, String meanwhile)
            throws SQLException {
        waits.ended(LockWait.Kind.LOCK_TIMEOUT, revision, String.valueOf(statement), tried);
        Duration wait = lockRetries.waitBefore(attempt);
        log.warn("Migration " + revision + " waited longer than its lock timeout for a lock ("
                + lockRetries.describe() + ") at: " + statement + ". Retry " + attempt + " of "
                + lockRetries.retries() + " in " + LockRetries.format(wait) + "; " + meanwhile + ".");
        LockWaits.sleep(revision, wait);
    }

    /** Tells the listener that {@code sql}, begun at {@code start}, ran: against a database only. */
    private void ran(RunProgress progress, String sql, long start) {
        MigrationStep step = progress.heard;
        if (step != null) {
            listener.afterStatement(new TimedStatement(step, sql, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    static DiscoveredMigration migration(Map<String, DiscoveredMigration> migrations, String revision) {
        DiscoveredMigration migration = migrations.get(revision);
        if (migration == null) {
            throw new IllegalStateException("No class for revision " + revision);
        }
        return migration;
    }
}
