package dev.migrate.internal.runtime.progress;

import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.MigrationStep;
import dev.migrate.StepProgress;
import dev.migrate.internal.text.Elapsed;
import dev.migrate.internal.text.OneLine;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * While a step runs against a database, says every interval that it is still running, for how long
 * and at which statement, in the log and to the listener. Without it a deploy log shows nothing
 * between the start of a long migration and its end, and cannot tell which migration is stuck.
 */
public final class StepWatch implements AutoCloseable {
    private final @Nullable ScheduledExecutorService timer;
    private final Duration interval;
    private final MigrationLog log;
    private final MigrationListener listener;
    private volatile @Nullable Running running;
    private @Nullable ScheduledFuture<?> reports;
    private volatile @Nullable String statement;
    private volatile boolean listenerFailed;

    /** The step being watched; a report of an earlier step that fires late sees another one and says nothing. */
    private record Running(String what, MigrationStep step, long startNanos) {}

    private StepWatch(
            @Nullable ScheduledExecutorService timer, Duration interval, MigrationLog log, MigrationListener listener) {
        this.timer = timer;
        this.interval = interval;
        this.log = log;
        this.listener = listener;
    }

    /** A watch with a daemon timer thread, or one that reports nothing when {@code interval} is zero. */
    public static StepWatch start(Duration interval, MigrationLog log, MigrationListener listener) {
        if (interval.isZero()) {
            return off();
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "migrate-step-progress");
            t.setDaemon(true);
            return t;
        });
        return new StepWatch(timer, interval, log, listener);
    }

    /** A watch that reports nothing: for offline scripts. */
    public static StepWatch off() {
        return new StepWatch(null, Duration.ZERO, MigrationLog.system(), MigrationListener.NONE);
    }

    /** A step starts; {@code what} names it as {@code upgrade a -> b}. */
    public void started(String what, MigrationStep step) {
        finished();
        if (timer == null) {
            return;
        }
        statement = null;
        Running now = new Running(what, step, System.nanoTime());
        running = now;
        reports = timer.scheduleAtFixedRate(
                () -> report(now), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The running step is at {@code sql} (or at a description of what it does, in parentheses). */
    public void at(String sql) {
        statement = sql;
    }

    /** The running step ended, applied or not. */
    public void finished() {
        running = null;
        if (reports != null) {
            reports.cancel(false);
            reports = null;
        }
    }

    @SuppressWarnings("ReferenceEquality") // reports only while this very step is still the one running
    private void report(Running watched) {
        if (running != watched) {
            return;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - watched.startNanos());
        String at = OneLine.of(statement);
        log.info("Still running " + watched.what() + " after " + Elapsed.roughly(elapsed)
                + (at == null ? "." : "; now running: " + at));
        try {
            // before the step's first statement (a listener still busy hearing that it starts)
            listener.duringStep(new StepProgress(watched.step(), elapsed, at == null ? "(starting)" : at));
        } catch (RuntimeException e) {
            if (!listenerFailed) {
                listenerFailed = true;
                log.warn("The migration listener failed while hearing the progress of "
                        + watched.step().revision() + " (" + e + "); the migration goes on.");
            }
        }
    }

    @Override
    public void close() {
        finished();
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
