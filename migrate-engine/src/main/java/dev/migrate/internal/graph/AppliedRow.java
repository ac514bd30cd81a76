package dev.migrate.internal.graph;

import dev.migrate.internal.text.Elapsed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The latest history row that applied a revision: its upgrade, or the stamp that marked it applied.
 *
 * @param revision the revision id
 * @param stamped whether a stamp, not an upgrade, recorded it (no migration code ran)
 * @param markedRan whether it was marked ran without its changes running: its guard said MARK_RAN, or the tool it
 *     moved in from marked it so ({@code MARK_RAN})
 * @param at when, as the server's clock said
 * @param by the database user that ran it
 * @param duration how long the upgrade took; null for a stamp or a row without one
 * @param pending why the revision is pending in its place ({@code pending: precondition failed: ...; retried at
 *     every upgrade}): its guard said CONTINUE, the revisions after it ran, and it did not; null when it was applied
 */
public record AppliedRow(
        String revision,
        boolean stamped,
        boolean markedRan,
        Instant at,
        String by,
        @Nullable Duration duration,
        @Nullable String pending) {

    /** An applied revision's row. */
    public AppliedRow(String revision, boolean stamped, Instant at, String by, @Nullable Duration duration) {
        this(revision, stamped, false, at, by, duration, null);
    }

    /**
     * {@code applied 2026-11-20T09:31:02Z by app in 13 ms}, {@code stamped ... by app}, {@code marked ran ... by app}
     * (its changes did not run), or, for a revision left
     * pending, {@code pending: precondition failed: ...; retried at every upgrade}.
     */
    public String describe() {
        if (pending != null) {
            return pending;
        }
        return (stamped ? "stamped " : markedRan ? "marked ran " : "applied ") + at.truncatedTo(ChronoUnit.SECONDS)
                + " by " + by + (duration == null ? "" : " in " + Elapsed.exactly(duration));
    }
}
