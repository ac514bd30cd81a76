package dev.migrate.internal.online;

import dev.migrate.internal.lock.LockRetries;
import java.time.Duration;

/**
 * How long an online phase waits for a table's lock at a time. Queries that arrive while a statement
 * waits for a table's lock queue behind it, so an online phase waits briefly, lets them pass, and tries
 * again, until it has waited as long in all as the lock timeout and its retries allow.
 */
final class BriefLockWait {
    /** The longest an online statement waits for a table's lock at a time, queries queued behind it. */
    static final Duration BRIEF_LOCK_WAIT = Duration.ofMillis(500);

    /** The longest pause between two of those waits. */
    private static final Duration BRIEF_PAUSE = Duration.ofSeconds(1);

    private final LockRetries lockRetries;

    BriefLockWait(LockRetries lockRetries) {
        this.lockRetries = lockRetries;
    }

    /** {@link #BRIEF_LOCK_WAIT}, or the lock timeout when that is shorter. */
    Duration perAttempt() {
        Duration configured = lockRetries.lockTimeout();
        return configured != null && !configured.isZero() && configured.compareTo(BRIEF_LOCK_WAIT) < 0
                ? configured
                : BRIEF_LOCK_WAIT;
    }

    /** The pause after brief wait number {@code attempt}: the retries' own, {@link #BRIEF_PAUSE} at most. */
    Duration pause(int attempt) {
        Duration pause = lockRetries.waitBefore(Math.min(attempt, 3));
        return pause.compareTo(BRIEF_PAUSE) > 0 ? BRIEF_PAUSE : pause;
    }

    /** How long the waits may add up to, in nanoseconds: {@link LockRetries#budgetNanos()}. */
    long budgetNanos() {
        return lockRetries.budgetNanos();
    }

    /** The budget as the log says it. */
    static String describeBudget(long nanos) {
        return nanos == Long.MAX_VALUE ? "as long as it takes" : LockRetries.format(Duration.ofNanos(nanos));
    }
}
