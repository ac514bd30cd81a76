package dev.migrate.junit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A value the extension keeps in a JUnit store, released once when the store's scope ends.
 *
 * <p>JUnit 5.13 and later close stored {@link AutoCloseable} values; 5.12 and earlier (the version
 * Spring Boot 3.5 manages) close only {@link ExtensionContext.Store.CloseableResource} ones, and
 * would leave connections, test databases and the server behind. This is both, and releases its
 * value on the first close only, however many times and as whichever type it is closed.
 *
 * @param <T> the kept value
 */
// deprecation: CloseableResource is deprecated since 5.13, and the only kind 5.12 closes;
// try: close() passes on what the release throws, InterruptedException included, and only JUnit
// calls it, never a try statement
@SuppressWarnings({"deprecation", "try"})
final class StoredResource<T> implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    /** How the value is released. */
    @FunctionalInterface
    interface Release<T> {
        void release(T value) throws Exception;
    }

    private final T value;
    private final Release<T> release;
    private final AtomicBoolean closed = new AtomicBoolean();

    StoredResource(T value, Release<T> release) {
        this.value = value;
        this.release = release;
    }

    /** A value that is closed itself. */
    static <T extends AutoCloseable> StoredResource<T> of(T value) {
        return new StoredResource<>(value, AutoCloseable::close);
    }

    T value() {
        return value;
    }

    @Override
    public void close() throws Exception {
        if (closed.compareAndSet(false, true)) {
            release.release(value);
        }
    }
}
