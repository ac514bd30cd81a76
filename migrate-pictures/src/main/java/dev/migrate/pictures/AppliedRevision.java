package dev.migrate.pictures;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * When a revision's upgrade last ran on the database, as the history table recorded it.
 *
 * @param duration {@code null} when the history row has none (a stamp)
 */
public record AppliedRevision(
        String revision, OffsetDateTime appliedAt, @Nullable Duration duration) {}
