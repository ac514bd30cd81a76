package dev.migrate.autogen.cache;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * When the comparison's caches write their files: on the caller's thread, so that a goal's files are in place when
 * it ends (the default), or behind it, on a thread of their own, while a process that compares again and again
 * ({@code watch}) holds {@link #behind()} open: its next comparison finds what was written in memory, and the files
 * follow. Closing the last scope waits for every queued write.
 *
 * <pre>{@code
 * try (CacheWrites.Behind writes = CacheWrites.behind()) {
 *     // comparisons whose cache files are written behind them
 * }
 * }</pre>
 */
public final class CacheWrites {
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final AtomicReference<@Nullable Future<?>> LAST = new AtomicReference<>();
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "migrate-cache-writes");
        thread.setDaemon(true);
        return thread;
    });

    private CacheWrites() {}

    /** A scope in which the caches' files are written behind the caller; closing it waits for them. */
    public static Behind behind() {
        OPEN.incrementAndGet();
        return new Behind();
    }

    /** Whether a cache's file is to be written behind its caller now. */
    public static boolean writingBehind() {
        return OPEN.get() > 0;
    }

    /** Runs {@code write} behind the caller, after every write queued before it. */
    public static void queue(Runnable write) {
        LAST.set(WRITER.submit(write));
    }

    /** Waits for every write queued so far. */
    public static void await() {
        Future<?> last = LAST.get();
        if (last == null) {
            return;
        }
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // a write that failed is no error: the next run builds the value again
        }
    }

    /** The scope of {@link #behind()}. */
    public static final class Behind implements AutoCloseable {
        private boolean closed;

        private Behind() {}

        /** Ends the scope, and waits for every write queued so far. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                OPEN.decrementAndGet();
                await();
            }
        }
    }
}
