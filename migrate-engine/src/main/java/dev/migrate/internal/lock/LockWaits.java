package dev.migrate.internal.lock;

import dev.migrate.LockWait;
import dev.migrate.MigrationListener;
import dev.migrate.internal.text.OneLine;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/** The waits of a run for a lock it did not get: the listener hears each one end, then the run pauses. */
public final class LockWaits {
    private final MigrationListener listener;

    public LockWaits(MigrationListener listener) {
        this.listener = listener;
    }

    /** Tells the listener that a wait for a lock that began at {@code since} ended without it. */
    public void ended(LockWait.Kind kind, String revision, String statement, long since) {
        listener.onLockWait(new LockWait(
                kind,
                revision,
                Objects.requireNonNull(OneLine.of(statement)),
                Duration.ofNanos(System.nanoTime() - since)));
    }

    /** Waits {@code pause} before trying {@code revision} again; an interrupt ends the run as a failed statement. */
    public static void sleep(String revision, Duration pause) throws SQLException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting to retry " + revision, e);
        }
    }
}
