package dev.migrate.internal.runtime;

import dev.migrate.AppliedStep;
import dev.migrate.LockWait;
import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.MigrationStep;
import dev.migrate.StepDirection;
import dev.migrate.TimedStatement;
import dev.migrate.TransactionMode;
import dev.migrate.internal.connection.Privileges;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.discovery.MigrationCreationException;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.RevisionInfo;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.sql.Identifiers;
import dev.migrate.internal.sql.Literals;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.internal.sql.VersionViews;
import dev.migrate.internal.text.Elapsed;
import dev.migrate.internal.text.Fixes;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Runs planned steps through a {@link ScriptSink}: the same code for a live database and for an
 * offline script. Each migration's statements and its version-table update share one transaction
 * (or the whole run shares one, in {@link TransactionMode#ALL}); migrations marked
 * {@code transactional = false} run in autocommit. Against a live database every commit but the
 * run's last skips the wait for the disk; the last one's wait covers them all, since the server
 * writes its log in order.
 */
final class StepRunner {
    /** The longest an expand's statement waits for a table's lock at a time, queries queued behind it. */
    static final Duration BRIEF_LOCK_WAIT = Duration.ofMillis(500);

    /** The longest pause between two of those waits. */
    private static final Duration BRIEF_PAUSE = Duration.ofSeconds(1);

    private static final PostgresDialect DIALECT = new PostgresDialect();

    private final Map<String, DiscoveredMigration> migrations;
    private final VersionTables tables;
    private final OnlineState online;
    private final TransactionMode mode;
    private final MigrationLog log;
    private final MigrationListener listener;
    private final LockRetries lockRetries;
    private final Duration progressInterval;
    /** Whether an invalid index an interrupted concurrent build left is dropped and built again, or stops the run. */
    private final boolean rebuildInvalidIndexes;
    /** Whether a migration of several statements may go in one round trip too (a replay's runner). */
    private final boolean wholeSteps;

    private final Fixes fixes;

    StepRunner(
            Map<String, DiscoveredMigration> migrations,
            VersionTables tables,
            OnlineState online,
            TransactionMode mode,
            MigrationLog log,
            MigrationListener listener,
            LockRetries lockRetries,
            Duration progressInterval,
            boolean rebuildInvalidIndexes,
            boolean wholeSteps,
            Fixes fixes) {
        this.migrations = migrations;
        this.tables = tables;
        this.online = online;
        this.mode = mode;
        this.log = log;
        this.listener = listener;
        this.lockRetries = lockRetries;
        this.progressInterval = progressInterval;
        this.rebuildInvalidIndexes = rebuildInvalidIndexes;
        this.wholeSteps = wholeSteps;
        this.fixes = fixes;
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
     * @param phases the phase of each online revision the state table names ({@link OnlineState}): the
     *     downgrade of one in its expand phase undoes the expand
     */
    List<AppliedStep> run(List<Step> steps, ScriptSink sink, Scripts scripts, Map<String, String> phases) {
        if (!rebuildInvalidIndexes && !sink.offline()) {
            stopAtInvalidIndexes(steps, sink, scripts);
        }
        try (StepWatch watch = sink.offline() ? StepWatch.off() : StepWatch.start(progressInterval, log, listener)) {
            return run(steps, sink, scripts, phases, watch);
        }
    }

    /**
     * The script a step runs: an online upgrade's expand, and for the downgrade of an online revision in its
     * expand phase, the undoing of that expand.
     */
    private Script script(Step step, DiscoveredMigration migration, Scripts scripts, Map<String, String> phases) {
        if (step.direction() == Direction.DOWNGRADE
                && OnlineState.EXPAND.equals(phases.get(step.revision().id()))) {
            return scripts.upgrade(step.revision().id()).rollback(fixes);
        }
        return scripts.script(migration, step.direction());
    }

    /** An online upgrade runs outside a transaction: each statement and each backfill batch commits alone. */
    private static boolean transactional(Step step, Script script) {
        return step.revision().transactional() && !(step.direction() == Direction.UPGRADE && script.online());
    }

    /** The state table's part of a step's bookkeeping. */
    private List<String> onlineBookkeeping(Step step, Script script, Map<String, String> phases) {
        String id = step.revision().id();
        if (step.direction() == Direction.UPGRADE) {
            return script.online() ? List.of(online.expanded(id)) : List.of();
        }
        return phases.containsKey(id) ? List.of(online.forget(id)) : List.of();
    }

    private List<AppliedStep> run(
            List<Step> steps, ScriptSink sink, Scripts scripts, Map<String, String> phases, StepWatch watch) {
        List<AppliedStep> applied = new ArrayList<>();
        Progress progress = new Progress(watch);
        boolean inTransaction = false;
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                boolean last = i == steps.size() - 1;
                progress.start(step);
                DiscoveredMigration migration = migration(step.revision().id());
                Script script = script(step, migration, scripts, phases);
                List<Script.Part> parts = script.parts();
                String checksum = step.direction() == Direction.UPGRADE ? script.checksum() : null;
                boolean transactional = transactional(step, script);
                progress.transactional = transactional;
                progress.expand = step.direction() == Direction.UPGRADE && script.online();
                if (!transactional && inTransaction) {
                    progress.at("COMMIT");
                    sink.commit();
                    progress.committed();
                    inTransaction = false;
                }
                sink.step(migration);
                sink.comment(describe(step));
                if (!sink.offline()) {
                    MigrationStep starting = new MigrationStep(
                            step.revision().id(), step.revision().message(), direction(step));
                    log.info(describe(step));
                    watch.started(what(step), starting);
                    progress.heard = starting;
                    listener.beforeStep(starting);
                }
                long start = System.nanoTime();
                if (step.direction() == Direction.UPGRADE && script.online()) {
                    if (!sink.offline()) {
                        refuseIndexCopiesOnPartitionedTables(script, sink);
                    }
                    for (String sql : online.expanding(step.revision().id())) {
                        progress.at(sql);
                        sink.execute(sql);
                    }
                }
                if (transactional && inOneRoundTrip(step, parts, sink)) {
                    List<String> whole = new ArrayList<>(parts.size() + 3);
                    for (Script.Part part : parts) {
                        whole.add(((Script.Statement) part).sql());
                    }
                    whole.addAll(tables.bookkeepingTimedByServer(step, checksum));
                    whole.addAll(onlineBookkeeping(step, script, phases));
                    String first = ((Script.Statement) parts.get(0)).sql();
                    progress.at(first);
                    sink.begin();
                    try {
                        long sent = System.nanoTime();
                        sink.executeAllAndCommit(whole, last);
                        if (parts.size() == 1) {
                            ran(progress, first, sent);
                        }
                        progress.applied(true);
                        progress.committed();
                        finished(step, start, watch, applied);
                        continue;
                    } catch (SQLException e) {
                        if (connectionLost(e)) {
                            throw e;
                        }
                        // One round trip does not tell which statement failed. Nothing of it stayed (its
                        // transaction is rolled back), so the migration runs again below, a statement at a
                        // time, and a failure names its statement as it always did.
                        sink.rollback();
                    }
                }
                for (int attempt = 1; ; attempt++) {
                    if (transactional && !inTransaction) {
                        progress.at("BEGIN");
                        sink.begin();
                        inTransaction = true;
                    }
                    long tried = System.nanoTime();
                    try {
                        runParts(step, transactional, parts, sink, progress);
                        break;
                    } catch (SQLException e) {
                        // a migration in a transaction of its own starts again from its first statement,
                        // its locks released while it waits; in one transaction for the run, nothing can
                        if (!transactional
                                || mode == TransactionMode.ALL
                                || !LockRetries.isLockTimeout(e)
                                || attempt > lockRetries.retries()) {
                            progress.attempts = attempt;
                            throw e;
                        }
                        sink.rollback();
                        inTransaction = false;
                        waitToRetry(
                                step.revision().id(),
                                progress.statement,
                                attempt,
                                tried,
                                "rolled back its transaction");
                    }
                }
                Long millis = sink.offline() ? null : (System.nanoTime() - start) / 1_000_000;
                List<String> bookkeeping = new ArrayList<>(tables.bookkeeping(step, checksum, millis));
                bookkeeping.addAll(onlineBookkeeping(step, script, phases));
                if (inTransaction && mode == TransactionMode.PER_MIGRATION) {
                    progress.at("(version table update, then COMMIT)");
                    sink.executeAllAndCommit(bookkeeping, last);
                    progress.applied(true);
                    progress.committed();
                    inTransaction = false;
                } else {
                    progress.at("(version table update)");
                    sink.executeAll(bookkeeping);
                    progress.applied(transactional);
                }
                if (!sink.offline()) {
                    finished(step, start, watch, applied);
                }
                if (progress.expand && (wholeSteps || fromBase(steps) || upgradesLater(steps, i))) {
                    completeOnTheWay(step, script, sink);
                } else if (progress.expand && !sink.offline()) {
                    log.info("Revision " + step.revision().id() + " is in its expand phase: the application of the"
                            + " revision before it runs on as it did. Roll out the application built for it, with"
                            + " the schema of views "
                            + versionSchemas(step.revision().id(), script)
                            + " first in its search path"
                            + fixes.api(" (the starter: migrate.online.search-path=true)") + ", then run "
                            + fixes.command("complete") + ".");
                }
            }
            if (inTransaction) {
                progress.at("COMMIT");
                sink.commit();
                progress.committed();
            }
            return applied;
        } catch (SQLException | RuntimeException e) {
            sink.rollback();
            throw failure(progress, e, sink.role());
        }
    }

    /**
     * Before an expand starts: a column of a partitioned table whose indexes the expand would build again
     * over the new column ({@code CREATE INDEX CONCURRENTLY}, which PostgreSQL does not do on a partitioned
     * table) is refused, before anything runs, rather than failing after the backfill.
     */
    private void refuseIndexCopiesOnPartitionedTables(Script script, ScriptSink sink) throws SQLException {
        List<String> refused = new ArrayList<>();
        for (OnlineChange change : script.changes()) {
            if (!(change instanceof OnlineChange.AlterColumn a)) {
                continue;
            }
            String table = Identifiers.quote(a.table());
            if (!sink.query("SELECT relkind FROM pg_class WHERE oid = to_regclass(" + Literals.string(table) + ")")
                    .equals(List.of("p"))) {
                continue;
            }
            List<String> indexes = new ArrayList<>();
            for (String copy :
                    sink.query(DIALECT.indexCopies(new Op.DuplicateIndexes(a.table(), a.column(), a.newColumn())))) {
                // CREATE INDEX CONCURRENTLY IF NOT EXISTS _migrate_new_<index> ON ...
                String name = copy.split(" IF NOT EXISTS ", 2)[1].split(" ", 2)[0];
                indexes.add(name.substring("_migrate_new_".length()));
            }
            if (a.unique() != null) {
                indexes.add(a.unique() + " (the unique index .unique() asks for)");
            }
            if (!indexes.isEmpty()) {
                refused.add(table + "." + Identifiers.quote(a.column()) + ", under " + String.join(", ", indexes));
            }
        }
        if (!refused.isEmpty()) {
            throw new InTheWay("Its online change of " + String.join("; ", refused) + " would build those indexes"
                    + " again over the new column CONCURRENTLY, which PostgreSQL does not do on a partitioned table."
                    + " Nothing was run. Change the column with a plain migration at a quiet hour, or drop the"
                    + " indexes before the online revision and make them again after complete.");
        }
    }

    /**
     * Whether a migration goes to the server in one round trip, its statement, its bookkeeping and
     * the COMMIT of its own transaction together: a transactional migration of one SQL statement, in a
     * transaction of its own, on a sink that takes it whole. A migration of several statements sends
     * them one by one, so that the progress of a long one names the statement that runs; a replay on
     * a throwaway database, which nobody follows statement by statement, sends them together too.
     */
    private boolean inOneRoundTrip(Step step, List<Script.Part> parts, ScriptSink sink) {
        if (mode != TransactionMode.PER_MIGRATION
                || !step.revision().transactional()
                || !sink.takesStepsWhole()
                || parts.isEmpty()
                || (parts.size() > 1 && !wholeSteps)) {
            return false;
        }
        for (Script.Part part : parts) {
            if (!(part instanceof Script.Statement)) {
                return false;
            }
        }
        return true;
    }

    /** The connection broke or the server ended the session: nothing can run again on it. */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** A step against a database is done: says so with its duration, and tells the listener. */
    private void finished(Step step, long start, StepWatch watch, List<AppliedStep> applied) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        watch.finished();
        log.info(finished(step) + " in " + Elapsed.exactly(took) + ".");
        AppliedStep done = new AppliedStep(step.revision().id(), step.revision().message(), direction(step), took);
        applied.add(done);
        listener.afterStep(done);
    }

    /** {@code public_r1}, or {@code public_r1, sales_r1}: the schemas of views of an online revision. */
    private static String versionSchemas(String revision, Script script) {
        return script.changes().stream()
                .map(change -> VersionViews.name(
                        change.table().schema() == null
                                ? "public"
                                : change.table().schema(),
                        revision))
                .distinct()
                .collect(Collectors.joining(", "));
    }

    /** Whether the run builds the schema from nothing: no application can be running on it. */
    private static boolean fromBase(List<Step> steps) {
        return steps.get(0).direction() == Direction.UPGRADE
                && steps.get(0).revision().isBase();
    }

    /** Whether a step after the {@code i}th upgrades a revision. */
    private static boolean upgradesLater(List<Step> steps, int i) {
        return steps.subList(i + 1, steps.size()).stream().anyMatch(s -> s.direction() == Direction.UPGRADE);
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
        sink.outside(plain -> complete(
                step.revision(),
                expanded.complete(List.of()).and(new Op.DropVersionViews(id, expanded.changes())),
                plain,
                List.of(online.forget(id), tables.completion(id, step.revision().message()))));
    }

    /**
     * Runs the contract phase of an online revision, its statements and {@code bookkeeping} in one
     * transaction: the whole contract happens, or none of it and the revision stays in its expand phase.
     * Against a database it waits {@link #BRIEF_LOCK_WAIT} at most for each table's lock, the application's
     * writes queued behind it meanwhile; a wait that ends rolls it back, lets them pass, and tries again,
     * until it has waited as long in all as the lock timeout and its retries allow. So the application
     * waits half a second at worst, and a transaction of the application that takes two of the tables in
     * the other order cannot deadlock with it: the contract gives up its locks before the server's
     * deadlock check would end the application's transaction.
     */
    void complete(RevisionInfo revision, Script script, ScriptSink sink, List<String> bookkeeping) {
        String message = revision.message().isEmpty() ? "" : " (" + revision.message() + ")";
        log.info("Running complete " + revision.id() + message);
        long start = System.nanoTime();
        Duration brief = briefWait();
        long budget = lockRetries.budgetNanos();
        long waited = 0;
        String at = null;
        for (int attempt = 1; ; attempt++) {
            long attempted = System.nanoTime();
            try {
                sink.begin();
                if (!sink.offline()) {
                    sink.execute("SET LOCAL lock_timeout = '" + brief.toMillis() + "ms'");
                }
                for (Script.Part part : script.parts()) {
                    at = ((Script.Statement) part).sql();
                    sink.execute(at);
                }
                at = "(online state and history update, then COMMIT)";
                sink.executeAllAndCommit(bookkeeping, true);
                break;
            } catch (SQLException e) {
                sink.rollback();
                waited += System.nanoTime() - attempted;
                if (LockRetries.isLockTimeout(e) && waited < budget) {
                    try {
                        Duration pause = briefPause(attempt);
                        lockWaitEnded(LockWait.Kind.BRIEF_WAIT, revision.id(), String.valueOf(at), attempted);
                        log.warn("Completing " + revision.id() + " waited " + brief.toMillis() + " ms for a lock at: "
                                + at + ". Queries on the table would queue behind it, so it rolled back, lets them"
                                + " pass and tries again in " + LockRetries.format(pause) + " (attempt "
                                + (attempt + 1) + "; it gives up after waiting " + describeBudget(budget)
                                + " in all).");
                        sleep(revision.id(), pause);
                        continue;
                    } catch (SQLException interrupted) {
                        e = interrupted;
                    }
                }
                throw new MigrationFailedException(
                        "Completing revision " + revision.id() + message + " failed.\nStatement: " + at + "\nError"
                                + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]") + ": "
                                + serverMessage(e)
                                + (LockRetries.isLockTimeout(e) ? lockTimeoutAdvice(attempt) : "")
                                + "\nThe transaction was rolled back: the revision stays in its expand phase, and the"
                                + " applications of both revisions keep working. Fix the cause and run complete again.",
                        e,
                        revision.id(),
                        StepDirection.UPGRADE);
            }
        }
        log.info("Finished complete " + revision.id() + " in "
                + Elapsed.exactly(Duration.ofNanos(System.nanoTime() - start)) + ".");
    }

    /** The pause after brief wait number {@code attempt}: the retries' own, {@link #BRIEF_PAUSE} at most. */
    private Duration briefPause(int attempt) {
        Duration pause = lockRetries.waitBefore(Math.min(attempt, 3));
        return pause.compareTo(BRIEF_PAUSE) > 0 ? BRIEF_PAUSE : pause;
    }

    /** {@link #BRIEF_LOCK_WAIT}, or the lock timeout when that is shorter. */
    private Duration briefWait() {
        Duration configured = lockRetries.lockTimeout();
        return configured != null && !configured.isZero() && configured.compareTo(BRIEF_LOCK_WAIT) < 0
                ? configured
                : BRIEF_LOCK_WAIT;
    }

    /**
     * Runs a migration's statements and JDBC code. A statement of a {@code transactional = false}
     * migration that fails on {@code lock_timeout} is tried again alone: the ones before it committed.
     */
    private void runParts(Step step, boolean transactional, List<Script.Part> parts, ScriptSink sink, Progress progress)
            throws SQLException {
        for (Script.Part part : parts) {
            long start = System.nanoTime();
            if (part instanceof Script.Statement s && s.op() instanceof Op.Backfill backfill) {
                progress.at(s.sql());
                sink.backfill(
                        new BatchedBackfill(
                                backfill, step.revision().id(), online, lockRetries, log, listener, progressInterval),
                        s.sql());
                ran(progress, s.sql(), start);
            } else if (part instanceof Script.Statement s
                    && s.op() instanceof Op.DuplicateIndexes copies
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
     * {@code lock_timeout} is tried again alone.
     */
    private void runStatement(Step step, boolean transactional, Script.Statement s, ScriptSink sink, Progress progress)
            throws SQLException {
        List<Leftover> leftovers = transactional ? List.of() : CutStatements.of(s);
        if (progress.expand && leftovers.isEmpty() && !sink.offline()) {
            runBriefly(step, s, sink, progress);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            // before a retry too: a concurrent build cut by the lock timeout leaves its index
            clearInvalidIndexes(step, leftovers, sink, progress);
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
     * Runs a statement of an expand that takes a table's lock (adding a column, a trigger, a constraint):
     * queries that arrive while it waits for the lock queue behind it, so it waits
     * {@link #BRIEF_LOCK_WAIT} at most at a time (the lock timeout if that is shorter), and is tried again
     * until it has waited as long in all as the lock timeout and its retries allow (without end when the
     * server's setting applies). A long transaction on the table then delays the migration, not the
     * application.
     */
    private void runBriefly(Step step, Script.Statement s, ScriptSink sink, Progress progress) throws SQLException {
        Duration configured = lockRetries.lockTimeout();
        Duration brief = briefWait();
        long budget = lockRetries.budgetNanos();
        String restore =
                configured == null ? "RESET lock_timeout" : "SET lock_timeout = '" + configured.toMillis() + "ms'";
        long waited = 0;
        sink.execute("SET lock_timeout = '" + brief.toMillis() + "ms'");
        for (int attempt = 1; ; attempt++) {
            progress.at(s.sql());
            long start = System.nanoTime();
            try {
                sink.execute(s.sql());
                sink.execute(restore);
                return;
            } catch (SQLException e) {
                waited += System.nanoTime() - start;
                if (!LockRetries.isLockTimeout(e) || waited >= budget) {
                    progress.attempts = attempt;
                    try {
                        sink.execute(restore);
                    } catch (SQLException lost) {
                        e.addSuppressed(lost); // the connection is gone: the failure says so already
                    }
                    throw e;
                }
                Duration pause = briefPause(attempt);
                lockWaitEnded(LockWait.Kind.BRIEF_WAIT, step.revision().id(), s.sql(), start);
                log.warn("Migration " + step.revision().id() + " waited " + brief.toMillis() + " ms for a lock"
                        + " at: " + s.sql() + ". Queries on the table would queue behind it, so it lets them"
                        + " pass and tries again in " + LockRetries.format(pause) + " (attempt " + (attempt + 1)
                        + "; it gives up after waiting " + describeBudget(budget) + " in all).");
                sleep(step.revision().id(), pause);
            }
        }
    }

    private static String describeBudget(long nanos) {
        return nanos == Long.MAX_VALUE ? "as long as it takes" : LockRetries.format(Duration.ofNanos(nanos));
    }

    private static void sleep(String revision, Duration pause) throws SQLException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting to retry " + revision, e);
        }
    }

    /**
     * Before a statement that leaves invalid indexes when cut: drops those an earlier cut of it left,
     * so that it builds them again, or stops when they may not be dropped. An index a build in another
     * session is making right now is invalid too, and is left to it.
     */
    private void clearInvalidIndexes(Step step, List<Leftover> leftovers, ScriptSink sink, Progress progress)
            throws SQLException {
        for (Leftover leftover : leftovers) {
            if (!leftover.leavesInvalidIndexes()) {
                continue;
            }
            for (InvalidIndexes.Found index : sink.invalidIndexes(leftover)) {
                if (index.buildingPid() != 0 || !rebuildInvalidIndexes) {
                    progress.leftovers = null; // the statement did not run
                    throw new InTheWay(inTheWay(step, leftover, index));
                }
                log.warn(what(step, leftover, index) + ": dropping it, so that the migration builds it again: "
                        + index.dropStatement());
                progress.at(index.dropStatement());
                progress.leftovers =
                        List.of(new Leftover.IndexNotDropped(new QualifiedName(index.schema(), index.name())));
                sink.drop(index);
            }
        }
    }

    /**
     * With {@code rebuildInvalidIndexes} off, stops before anything runs when a pending
     * {@code transactional = false} migration would meet an invalid index an interrupted concurrent
     * build left. A migration that cannot be recorded is left for the run to report.
     */
    private void stopAtInvalidIndexes(List<Step> steps, ScriptSink sink, Scripts scripts) {
        List<String> inTheWay = new ArrayList<>();
        try {
            for (Step step : steps) {
                if (step.revision().transactional()) {
                    continue;
                }
                List<Script.Part> parts;
                try {
                    parts = scripts.script(migration(step.revision().id()), step.direction())
                            .parts();
                } catch (RuntimeException e) {
                    continue;
                }
                for (Script.Part part : parts) {
                    if (part instanceof Script.Statement s) {
                        for (Leftover leftover : CutStatements.of(s)) {
                            if (leftover.leavesInvalidIndexes()) {
                                for (InvalidIndexes.Found index : sink.invalidIndexes(leftover)) {
                                    inTheWay.add(inTheWay(step, leftover, index));
                                }
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not look for invalid indexes in pg_index before the run: " + e.getMessage()
                            + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"),
                    e);
        }
        if (!inTheWay.isEmpty()) {
            throw new MigrateException(String.join("\n", inTheWay));
        }
    }

    /** {@code Migration r builds the index x concurrently, and an invalid index of that name is there ...}. */
    private static String what(Step step, Leftover leftover, InvalidIndexes.Found index) {
        return leftover instanceof Leftover.InvalidIndex
                ? subject(step, leftover, index) + ", and an invalid index of that name" + on(index)
                        + " is there, left by an interrupted build (a CREATE INDEX CONCURRENTLY that failed or was cut)"
                : subject(step, leftover, index) + ", and the invalid index " + index.qualified() + on(index)
                        + " is there, left by an interrupted REINDEX CONCURRENTLY";
    }

    /** {@code Migration r (message) builds the index x concurrently}, or {@code ... reindexes concurrently}. */
    private static String subject(Step step, Leftover leftover, InvalidIndexes.Found index) {
        String migration = "Migration " + step.revision().id()
                + (step.revision().message().isEmpty()
                        ? ""
                        : " (" + step.revision().message() + ")");
        return leftover instanceof Leftover.InvalidIndex
                ? migration + " builds the index " + index.qualified() + " concurrently"
                : migration + " reindexes concurrently";
    }

    private static String on(InvalidIndexes.Found index) {
        return " on " + Identifiers.quote(new QualifiedName(index.schema(), index.table()));
    }

    private String inTheWay(Step step, Leftover leftover, InvalidIndexes.Found index) {
        if (index.buildingPid() != 0) {
            return subject(step, leftover, index) + ", and server process " + index.buildingPid()
                    + " is building the index " + index.qualified() + on(index) + " right now (it is invalid until"
                    + " that build ends). Nothing of the migration was run. Wait for that build to end, or cancel it"
                    + " (SELECT pg_cancel_backend(" + index.buildingPid() + ")), then run again.";
        }
        String harm = leftover instanceof Leftover.InvalidIndex
                ? "the build would fail on it (relation already exists)"
                : "it would stay beside the new index, updated on every write";
        return what(step, leftover, index) + ": " + harm + ". With rebuildInvalidIndexes=false"
                + " (" + fixes.setting("rebuildInvalidIndexes", "false")
                + fixes.api(", Migrator.builder().rebuildInvalidIndexes(false)") + ") nothing was"
                + " run. Drop it, then run again:\n  " + index.dropStatement() + ";\nor leave rebuildInvalidIndexes on,"
                + " and the run drops it and builds it again.";
    }

    /** An invalid index stops a migration before one of its statements runs. */
    private static final class InTheWay extends MigrateException {
        private static final long serialVersionUID = 1L;

        InTheWay(String message) {
            super(message);
        }
    }

    /**
     * After a {@code lock_timeout}: tells the listener how long the attempt that began at {@code tried}
     * waited, logs the retry and waits before it.
     */
    private void waitToRetry(String revision, @Nullable String statement, int attempt, long tried, String meanwhile)
            throws SQLException {
        lockWaitEnded(LockWait.Kind.LOCK_TIMEOUT, revision, String.valueOf(statement), tried);
        Duration wait = lockRetries.waitBefore(attempt);
        log.warn("Migration " + revision + " waited longer than its lock timeout for a lock ("
                + lockRetries.describe() + ") at: " + statement + ". Retry " + attempt + " of "
                + lockRetries.retries() + " in " + LockRetries.format(wait) + "; " + meanwhile + ".");
        sleep(revision, wait);
    }

    /** Tells the listener that a wait for a lock that began at {@code since} ended without it. */
    private void lockWaitEnded(LockWait.Kind kind, String revision, String statement, long since) {
        listener.onLockWait(new LockWait(
                kind,
                revision,
                Objects.requireNonNull(StepWatch.oneLine(statement)),
                Duration.ofNanos(System.nanoTime() - since)));
    }

    /** Tells the listener that {@code sql}, begun at {@code start}, ran: against a database only. */
    private void ran(Progress progress, String sql, long start) {
        MigrationStep step = progress.heard;
        if (step != null) {
            listener.afterStatement(new TimedStatement(step, sql, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    /**
     * Where a run is, so that a failure can say truthfully what stayed applied: revisions committed
     * for good, revisions applied inside the open transaction, and the statements of a
     * {@code transactional = false} migration that autocommitted.
     */
    private static final class Progress {
        private final List<String> committed = new ArrayList<>();
        private final List<String> pending = new ArrayList<>();
        private final List<String> autocommitted = new ArrayList<>();
        private final StepWatch watch;
        private @Nullable Step step;
        /** The step as the listener heard it start; null offline, where no listener hears statements. */
        private @Nullable MigrationStep heard;

        private @Nullable String statement;
        /**
         * What the statement at hand may leave when cut, for a statement of a {@code transactional =
         * false} migration; {@code null} for anything else.
         */
        private @Nullable List<Leftover> leftovers;

        private boolean described;
        /** Whether the step at hand runs in a transaction. */
        private boolean transactional = true;
        /** Whether the step at hand is the expand phase of an online migration. */
        private boolean expand;
        /** How many times the failing statement or migration was tried. */
        private int attempts = 1;

        Progress(StepWatch watch) {
            this.watch = watch;
        }

        void start(Step next) {
            step = next;
            heard = null;
            statement = null;
            leftovers = null;
            described = false;
            attempts = 1;
            autocommitted.clear();
        }

        void at(String sql) {
            described = true;
            statement = sql;
            leftovers = null;
            watch.at(sql);
        }

        void ran(boolean autocommit) {
            if (autocommit) {
                autocommitted.add(statement);
            }
        }

        void applied(boolean transactional) {
            (transactional ? pending : committed)
                    .add(Objects.requireNonNull(step, "no step started")
                            .revision()
                            .id());
            step = null;
        }

        void committed() {
            committed.addAll(pending);
            pending.clear();
        }
    }

    private DiscoveredMigration migration(String revision) {
        DiscoveredMigration migration = migrations.get(revision);
        if (migration == null) {
            throw new IllegalStateException("No class for revision " + revision);
        }
        return migration;
    }

    private static StepDirection direction(Step step) {
        return step.direction() == Direction.UPGRADE ? StepDirection.UPGRADE : StepDirection.DOWNGRADE;
    }

    /** {@code Running upgrade a -> b, message}, as Alembic prints it. */
    static String describe(Step step) {
        String message = step.revision().message().isEmpty()
                ? ""
                : ", " + step.revision().message();
        return "Running " + step.direction().name().toLowerCase(Locale.ROOT) + " " + arrow(step) + message;
    }

    /** {@code Finished upgrade a -> b}: the end of what {@link #describe(Step)} started. */
    static String finished(Step step) {
        return "Finished " + what(step);
    }

    /** {@code upgrade a -> b}: the direction, then the parents and the revision in that direction. */
    private static String what(Step step) {
        return step.direction().name().toLowerCase(Locale.ROOT) + " " + arrow(step);
    }

    private static String arrow(Step step) {
        String parents = step.revision().revises().isEmpty()
                ? "<base>"
                : String.join(", ", step.revision().revises());
        String id = step.revision().id();
        return step.direction() == Direction.UPGRADE ? parents + " -> " + id : id + " -> " + parents;
    }

    private MigrationFailedException failure(Progress progress, Exception e, @Nullable String role) {
        Step step = progress.step;
        StringBuilder message = new StringBuilder();
        if (step == null) {
            message.append("The run failed.");
        } else {
            message.append("Migration ")
                    .append(step.revision().id())
                    .append(
                            step.revision().message().isEmpty()
                                    ? ""
                                    : " (" + step.revision().message() + ")")
                    .append(" failed during ")
                    .append(step.direction().name().toLowerCase(Locale.ROOT))
                    .append('.');
        }
        if (e instanceof InTheWay) {
            message.append('\n').append(e.getMessage());
        } else if (step != null && !progress.described && e instanceof MigrationCreationException) {
            message.append("\nIt could not be created: ").append(e.getMessage()).append(" None of its SQL ran.");
        } else if (step != null && !progress.described) {
            // its upgrade() or downgrade() method failed while describing its changes
            Throwable thrown = e instanceof MigrateException && e.getCause() != null ? e.getCause() : e;
            message.append("\nIts ")
                    .append(step.direction().name().toLowerCase(Locale.ROOT))
                    .append("() method threw ")
                    .append(
                            thrown instanceof MigrateException
                                    ? ""
                                    : thrown.getClass().getName() + ": ")
                    .append(thrown.getMessage())
                    .append("; none of its SQL ran.");
        } else {
            if (progress.statement != null) {
                message.append("\nStatement: ").append(progress.statement);
            }
            if (e instanceof SQLException sql) {
                message.append("\nError")
                        .append(sql.getSQLState() == null ? "" : " [SQLSTATE " + sql.getSQLState() + "]")
                        .append(": ")
                        .append(serverMessage(sql))
                        .append(Privileges.explain(sql, role));
                if (LockRetries.isLockTimeout(sql)) {
                    message.append(lockTimeoutAdvice(progress.attempts));
                }
            } else {
                message.append("\nError: ")
                        .append(e.getClass().getName())
                        .append(": ")
                        .append(e.getMessage());
            }
        }
        message.append('\n').append(outcome(progress, e));
        return new MigrationFailedException(
                message.toString(),
                e instanceof MigrateException && e.getCause() != null ? e.getCause() : e,
                step == null ? null : step.revision().id(),
                step == null ? null : direction(step));
    }

    private String lockTimeoutAdvice(int attempts) {
        String tried = attempts == 1 ? "It was tried once" : "It was tried " + attempts + " times";
        String why = attempts > 1 || lockRetries.retries() == 0
                ? ""
                : mode == TransactionMode.ALL
                        ? " (with transactionMode=all one transaction holds the whole run, so it is not retried)"
                        : "";
        return "\n" + tried + " (" + lockRetries.describe() + ")" + why
                + ": another session held a lock the statement needs. Find it (the log above names the sessions"
                + " it waited for; pg_stat_activity and pg_blocking_pids), run when the table is quiet, or raise"
                + " " + fixes.setting("lockTimeout") + " or " + fixes.setting("lockRetries") + ".";
    }

    private String outcome(Progress progress, Exception failure) {
        Step step = progress.step;
        List<String> rolledBack = new ArrayList<>(progress.pending);
        StringBuilder text = new StringBuilder();
        if (step != null && progress.expand) {
            text.append("It is the expand phase of an online migration, which runs a statement or a backfill batch"
                            + " at a time, so ")
                    .append(
                            progress.autocommitted.isEmpty()
                                    ? "none of its statements had committed before the one that failed"
                                    : "these statements stayed applied: " + String.join("; ", progress.autocommitted))
                    .append("; its version was not recorded, and the application keeps the table as it was (the"
                            + " constraints of its new columns apply to the application's writes meanwhile). Running"
                            + " upgrade again resumes it: each of its statements finds its work done, and a backfill"
                            + " goes on after its last batch; " + fixes.command("downgrade") + " "
                            + fixes.setting("target", "-1") + " undoes it instead. ");
        } else if (step != null && !progress.transactional) {
            text.append("It runs outside a transaction (transactional = false), so ")
                    .append(
                            progress.autocommitted.isEmpty()
                                    ? "none of its statements had committed before the one that failed"
                                    : "these statements stayed applied: " + String.join("; ", progress.autocommitted))
                    .append("; its version was not recorded. ");
            if (progress.leftovers != null) {
                text.append(whatItLeft(progress.leftovers, failure));
            }
        } else if (step != null) {
            rolledBack.add(step.revision().id());
        }
        if (!rolledBack.isEmpty()) {
            text.append("The transaction was rolled back: ")
                    .append(String.join(", ", rolledBack))
                    .append(rolledBack.size() > 1 ? " were" : " was")
                    .append(" not applied and nothing was recorded for ")
                    .append(rolledBack.size() > 1 ? "them" : "it")
                    .append(". ");
        }
        text.append(
                progress.committed.isEmpty()
                        ? "No other migration of this run was applied."
                        : "Applied and recorded before the failure, and still in place: "
                                + String.join(", ", progress.committed) + ".");
        boolean repair =
                step != null && !progress.transactional && !progress.expand && !progress.autocommitted.isEmpty();
        return text.append(
                        repair
                                ? " Repair the database by hand, fix the migration and run again."
                                : " Fix the migration and run again.")
                .toString();
    }

    /**
     * What the statement that failed may have left. A statement PostgreSQL refused (a syntax error, a
     * name that exists or does not, a missing privilege, a command it does not allow there) failed
     * before it changed anything.
     */
    private static String whatItLeft(List<Leftover> leftovers, Exception failure) {
        String state = failure instanceof SQLException e && e.getSQLState() != null ? e.getSQLState() : "";
        if (state.startsWith("42") || state.startsWith("0A") || state.startsWith("25")) {
            return "That statement was refused before it changed anything. ";
        }
        if (leftovers.isEmpty()) {
            return new Leftover.Nothing().describe();
        }
        StringBuilder text = new StringBuilder();
        leftovers.forEach(l -> text.append(l.describe()));
        return text.toString();
    }

    private static @Nullable String serverMessage(SQLException e) {
        String message = e.getMessage();
        if (e.getNextException() != null && e.getNextException() != e) {
            message = e.getNextException().getMessage();
        }
        return message;
    }
}
