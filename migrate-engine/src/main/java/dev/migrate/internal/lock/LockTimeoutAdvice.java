package dev.migrate.internal.lock;

import dev.migrate.TransactionMode;
import dev.migrate.text.Fixes;

/**
 * What a failure on {@code lock_timeout} tells the user: how often the statement was tried, and what
 * to look for or change.
 *
 * @param lockRetries the run's retries
 * @param mode the run's transactions: in one transaction for the whole run nothing is retried
 * @param fixes how the message names settings
 */
public record LockTimeoutAdvice(LockRetries lockRetries, TransactionMode mode, Fixes fixes) {
    /** The advice after {@code attempts} tries, as the lines that follow the server's error. */
    public String after(int attempts) {
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
}
