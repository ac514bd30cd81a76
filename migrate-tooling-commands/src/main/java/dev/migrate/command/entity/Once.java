package dev.migrate.command.entity;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value computed when first asked for and kept for whoever asks next: what the project's class path holds is
 * looked at once for a request, whichever of its sources asks first.
 */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private @Nullable T value;

    Once(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = Objects.requireNonNull(compute.get(), "a computed value");
        }
        return value;
    }
}
