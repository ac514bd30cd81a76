package dev.migrate.internal.text;

import java.time.Duration;
import java.util.Locale;

/** Durations as the run's lines and the history report show them, the same everywhere. */
public final class Elapsed {
    private Elapsed() {}

    /** How long a step took: {@code 12 ms}, {@code 25.3 s}, {@code 4 min 5 s}. */
    public static String exactly(Duration d) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return roughly(d);
    }

    /** How long a step has been running, in whole seconds: {@code 10 s}, {@code 2 min 30 s}. */
    public static String roughly(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
}
