package dev.migrate;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A wait for a lock that a run went through, as {@link MigrationListener#onLockWait} hears it: for the
 * migration lock once the run has it, for a table's or a row's lock each time a wait ended without it
 * and the statement or batch is tried again.
 *
 * <pre>{@code if (new LockWait(LockWait.Kind.LOCK_TIMEOUT, "20261122_101500", "ALTER TABLE customers ADD COLUMN status text", Duration.ofSeconds(10)).waited().toSeconds() > 5) alert("customers");}</pre>
 *
 * @param kind which lock, and what the run does after the wait
 * @param revision the migration that waited; null for the migration lock, which the run takes before any
 * @param subject for the migration lock, the version table it guards ({@code public.migrate_version});
 *     otherwise the statement that waited, on one line and cut to its first 120 characters
 * @param waited how long the wait lasted
 */
public record LockWait(Kind kind, @Nullable String revision, String subject, Duration waited) {

    /** Which lock a run waited for: {@code if (lockWait.kind() == LockWait.Kind.MIGRATION_LOCK) log.info("waited");} */
    public enum Kind {
        /**
         * The migration lock (an advisory lock per version table) that another run held; heard once the
         * run has it, with a wait of zero when it was free:
         * {@code if (lockWait.kind() == LockWait.Kind.MIGRATION_LOCK) log.info("lock after " + lockWait.waited());}
         */
        MIGRATION_LOCK,
        /**
         * A table's lock that a statement waited for longer than the {@code lock_timeout}; the migration (or
         * the statement, outside a transaction) is tried again, as {@link Migrator.Builder#lockRetries(int)}
         * allows: {@code if (lockWait.kind() == LockWait.Kind.LOCK_TIMEOUT) alert(lockWait.subject());}
         */
        LOCK_TIMEOUT,
        /**
         * A table's lock that a statement of an online expand or contract waited for briefly (half a second
         * at most), queries queued behind it; it let them pass and tries again:
         * {@code if (lockWait.kind() == LockWait.Kind.BRIEF_WAIT) log.info(lockWait.subject());}
         */
        BRIEF_WAIT,
        /**
         * Rows that a batch of a backfill found another session holding; it stepped aside and tries again
         * with fewer rows: {@code if (lockWait.kind() == LockWait.Kind.BACKFILL_ROWS) log.info(lockWait.subject());}
         */
        BACKFILL_ROWS
    }
}
