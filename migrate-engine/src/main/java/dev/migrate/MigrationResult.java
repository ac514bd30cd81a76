package dev.migrate;

import java.time.Duration;
import java.util.List;

/**
 * What an {@code upgrade} or {@code downgrade} applied, in the order it ran; empty when the
 * database was already at the target.
 *
 * <pre>{@code MigrationResult result = migrator.upgrade("head"); if (!result.nothingApplied()) notify(result.applied()); }</pre>
 *
 * @param applied the steps that ran and were recorded
 */
public record MigrationResult(List<AppliedStep> applied) {
    /**
     * The steps, copied: {@code new MigrationResult(List.of())} is a run that applied nothing.
     *
     * @param applied the steps that ran and were recorded, in order
     */
    public MigrationResult {
        applied = List.copyOf(applied);
    }

    /** Whether the database was already at the target. Example: {@code if (result.nothingApplied()) return;} */
    public boolean nothingApplied() {
        return applied.isEmpty();
    }

    /** The sum of the steps' durations. Example: {@code log.info("took " + result.totalDuration());} */
    public Duration totalDuration() {
        return applied.stream().map(AppliedStep::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
