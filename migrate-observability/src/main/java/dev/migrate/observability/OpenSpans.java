package dev.migrate.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The spans a thread has open, innermost first: a run, a tenant, a step. Each is the thread's current
 * span while it is open, so that what the migration does meanwhile (a JDBC call an agent traces, the
 * application's own spans in a data migration) nests under it; a scope closes on the thread that opened
 * it, innermost first, as OpenTelemetry requires. A listener hears a run's and a tenant's events on one
 * thread, so the thread is what ties them together.
 */
final class OpenSpans {
    /** What an open span stands for, outermost first. */
    enum Level {
        RUN,
        TENANT,
        STEP
    }

    /** One open span, with what the spans inside it inherit. */
    static final class Open {
        private final Level level;
        private final Span span;
        private final Scope scope;
        private final @Nullable String tenant;
        private @Nullable String lock;

        private Open(Level level, Span span, Scope scope, @Nullable String tenant, @Nullable String lock) {
            this.level = level;
            this.span = span;
            this.scope = scope;
            this.tenant = tenant;
            this.lock = lock;
        }

        Level level() {
            return level;
        }

        Span span() {
            return span;
        }

        /** The tenant it runs for; null outside a fleet's tenant. */
        @Nullable
        String tenant() {
            return tenant;
        }

        /** The version table whose migration lock it holds; null until the lock is had. */
        @Nullable
        String lock() {
            return lock;
        }

        void lock(String versionTable) {
            this.lock = versionTable;
        }
    }

    /** Each thread's open spans; a thread whose spans are all closed has no entry. */
    private final Map<Thread, Deque<Open>> open = new ConcurrentHashMap<>();

    /** Makes {@code span} the thread's current span until {@link #close} closes it, and returns it open. */
    @SuppressWarnings("MustBeClosedChecker") // close() closes the scope, on this thread, innermost first
    Open push(Level level, Span span, @Nullable String tenant, @Nullable String lock) {
        Deque<Open> spans = open.computeIfAbsent(Thread.currentThread(), t -> new ArrayDeque<>());
        Open opened = new Open(level, span, span.makeCurrent(), tenant, lock);
        spans.push(opened);
        return opened;
    }

    /** The innermost open span of the thread, or null. */
    @Nullable
    Open innermost() {
        Deque<Open> spans = open.get(Thread.currentThread());
        return spans == null ? null : spans.peek();
    }

    /** The innermost open span of the thread if it is of {@code level}, or null. */
    @Nullable
    Open innermost(Level level) {
        Open top = innermost();
        return top != null && top.level() == level ? top : null;
    }

    /** The innermost open span of {@code level} or outside it (a step's tenant, else its run), or null. */
    @Nullable
    Open enclosing(Level level) {
        Deque<Open> spans = open.get(Thread.currentThread());
        if (spans != null) {
            for (Open o : spans) {
                if (o.level().compareTo(level) <= 0) {
                    return o;
                }
            }
        }
        return null;
    }

    /**
     * Closes the scopes down to {@code target}'s, whose span the caller ends; the spans inside it, which
     * no event ended (a failure no listener heard), end here. Does nothing when {@code target} is not open
     * on this thread.
     */
    void close(Open target) {
        Deque<Open> spans = open.get(Thread.currentThread());
        if (spans == null || !spans.contains(target)) {
            return;
        }
        while (!spans.isEmpty()) {
            Open top = spans.pop();
            top.scope.close();
            if (top == target) {
                break;
            }
            top.span.end();
        }
        if (spans.isEmpty()) {
            open.remove(Thread.currentThread());
        }
    }
}
