package dev.migrate;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of a chain's history table, as operators' views (the starter's Actuator endpoint, the command line's
 * {@code history}) list the last ones ({@code MigratorTools.of(migrator).recentHistory(10)}): the upgrade of one
 * revision, {@code new HistoryRow(7, "20261122_101500", "upgrade", "create things", "shop", java.time.Instant.now(), 41L)}.
 *
 * @param id the row's id, in the order the steps ran
 * @param revision the revision of the step
 * @param direction {@code upgrade}, {@code downgrade}, {@code marked} (applied without running), {@code imported}
 *     (moved in from the old tool), {@code stamp} or {@code complete}
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
