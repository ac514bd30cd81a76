package dev.migrate;

import java.time.Duration;

/**
 * A step that ran and was recorded in the version table.
 *
 * <pre>{@code migrator.upgrade("head").applied().forEach(s -> log.info(s.revision() + " took " + s.duration())); }</pre>
 *
 * @param revision the revision id
 * @param message the revision's message, empty when it has none
 * @param direction whether its upgrade or its downgrade ran
 * @param duration how long its statements and its version-table update took, the commit included
 */
public record AppliedStep(String revision, String message, StepDirection direction, Duration duration) {}
