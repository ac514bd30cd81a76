package dev.migrate;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of a chain's history table, as operators' views (the starter's Actuator endpoint, the command line's
 * {@code history}) list the last ones: {@code MigratorTools.of(migrator).recentHistory(10)}.
 *
 * @param id the row's id, in the order the steps ran
 * @param revision the revision of the step
 * @param direction {@code upgrade}, {@code downgrade}, {@code stamp} or {@code complete}
 * @param message the revision's message, or null
 * @param appliedBy the role that ran it
 * @param appliedAt when it was recorded
 * @param durationMs how long it ran, or null for a stamp
 */
public record HistoryRow(
        long id,
        String revision,
        String direction,
        @Nullable String message,
        String appliedBy,
        Instant appliedAt,
        @Nullable Long durationMs) {}
