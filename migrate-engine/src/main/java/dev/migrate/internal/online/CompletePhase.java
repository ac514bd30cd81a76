package dev.migrate.internal.online;

import dev.migrate.LockWait;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.StepDirection;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.connection.ServerMessage;
import dev.migrate.internal.lock.LockRetries;
import dev.migrate.internal.lock.LockTimeoutAdvice;
import dev.migrate.internal.lock.LockWaits;
import dev.migrate.internal.text.Elapsed;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The contract phase of an online revision, as {@code complete} runs it, and as an upgrade that goes past
 * the revision runs it at once. The statements are the changes' complete halves ({@link
 * dev.migrate.op.OnlineOp.Online#complete}).
 */
public final class CompletePhase {
    private final BriefLockWait brief;
    private final LockWaits waits;
    private final LockTimeoutAdvice advice;
    private final MigrationLog log;

    CompletePhase(LockRetries lockRetries, LockTimeoutAdvice advice, MigrationLog log, MigrationListener listener) {
        this.brief = new BriefLockWait(lockRetries);
        this.waits = new LockWaits(listener);
        this.advice = advice;
        this.log = log;
    }

    /**
     * Runs the contract phase of an online revision, its statements and {@code bookkeeping} in one
     * transaction: the whole contract happens, or none of it and the revision stays in its expand phase.
     * Against a database it waits {@link BriefLockWait#BRIEF_LOCK_WAIT} at most for each table's lock, the
     * application's writes queued behind it meanwhile; a wait that ends rolls it back, lets them pass, and
     * tries again, until it has waited as long in all as the lock timeout and its retries allow. So the
     * application waits half a second at worst, and a transaction of the application that takes two of the
     * tables in the other order cannot deadlock with it: the contract gives up its locks before the server's
     * deadlock check would end the application's transaction.
     */
    public void run(RevisionInfo revision, List<String> statements, OnlineSink sink, List<String> bookkeeping) {
        String message = revision.message().isEmpty() ? "" : " (" + revision.message() + ")";
        log.info("Running complete " + revision.id() + message);
        long start = System.nanoTime();
        Duration wait = brief.perAttempt();
        long budget = brief.budgetNanos();
        long waited = 0;
        String at = null;
        for (int attempt = 1; ; attempt++) {
            long attempted = System.nanoTime();
            try {
                sink.begin();
                if (!sink.offline()) {
                    sink.execute("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'");
                }
                for (String sql : statements) {
                    at = sql;
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
                        Duration pause = brief.pause(attempt);
                        waits.ended(LockWait.Kind.BRIEF_WAIT, revision.id(), String.valueOf(at), attempted);
                        log.warn("Completing " + revision.id() + " waited " + wait.toMillis() + " ms for a lock at: "
                                + at + ". Queries on the table would queue behind it, so it rolled back, lets them"
                                + " pass and tries again in " + LockRetries.format(pause) + " (attempt "
                                + (attempt + 1) + "; it gives up after waiting " + BriefLockWait.describeBudget(budget)
                                + " in all).");
                        LockWaits.sleep(revision.id(), pause);
                        continue;
                    } catch (SQLException interrupted) {
                        e = interrupted;
                    }
                }
                throw new MigrationFailedException(
                        "Completing revision " + revision.id() + message + " failed.\nStatement: " + at + "\nError"
                                + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]") + ": "
                                + ServerMessage.of(e)
                                + (LockRetries.isLockTimeout(e) ? advice.after(attempt) : "")
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
}
