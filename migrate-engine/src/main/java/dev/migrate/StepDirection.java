package dev.migrate;

/**
 * Which method of a migration a step runs.
 *
 * <pre>{@code if (step.direction() == StepDirection.DOWNGRADE) alert(step.revision()); }</pre>
 */
public enum StepDirection {
    /**
     * The migration's {@code upgrade} method: the schema moves forward to its revision:
     * {@code if (step.direction() == StepDirection.UPGRADE) log.info("applied " + step.revision());}
     */
    UPGRADE,
    /**
     * The migration's {@code downgrade} method: the schema moves back to its parents:
     * {@code if (step.direction() == StepDirection.DOWNGRADE) alert(step.revision());}
     */
    DOWNGRADE
}
