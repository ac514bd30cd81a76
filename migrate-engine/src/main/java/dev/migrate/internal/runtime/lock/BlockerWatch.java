package dev.migrate.internal.runtime.lock;

import dev.migrate.MigrationLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * While migrations run, asks every few seconds, on a connection of its own, whether another session
 * holds a lock the migration waits for, and names it in the log. Without it, a migration queued
 * behind a long transaction looks exactly like a hung deployment.
 */
public final class BlockerWatch implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private BlockerWatch(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts the watch: every {@code interval}, the sessions that hold up the migrations' connection, named in the log.
     *
     * @param observer an otherwise idle connection, used by the watch thread only until {@link #close()}
     * @param migrationPid the server process of the connection the migrations run on
     */
    // the task catches what it expects, and close() shuts the timer down: nothing waits on the future
    @SuppressWarnings("FutureReturnValueIgnored")
    public static BlockerWatch start(Connection observer, int migrationPid, Duration interval, MigrationLog log) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "migrate-blocker-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        List<String> blockers = ServerSessions.blockersOf(observer, migrationPid);
                        if (!blockers.isEmpty()) {
                            log.warn("The migration is waiting for a lock held by " + String.join("; ", blockers)
                                    + ". It goes on when that session commits or rolls back"
                                    + " (a lockTimeout makes the migration fail instead of waiting).");
                        }
                    } catch (SQLException e) {
                        // only a report: the migration itself goes on and reports its own errors
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return new BlockerWatch(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
