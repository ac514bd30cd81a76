package dev.migrate.internal.runtime.progress;

import dev.migrate.StepDirection;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.Step;
import java.util.Locale;

/** How the log and the listener name a step, as Alembic prints it. */
public final class StepNames {
    private StepNames() {}

    public static StepDirection direction(Step step) {
        return step.direction() == Direction.UPGRADE ? StepDirection.UPGRADE : StepDirection.DOWNGRADE;
    }

    /** {@code Running upgrade a -> b, message}, as Alembic prints it. */
    public static String describe(Step step) {
        String message = step.revision().message().isEmpty()
                ? ""
                : ", " + step.revision().message();
        return "Running " + step.direction().name().toLowerCase(Locale.ROOT) + " " + arrow(step) + message;
    }

    /** {@code Finished upgrade a -> b}: the end of what {@link #describe(Step)} started. */
    public static String finished(Step step) {
        return "Finished " + what(step);
    }

    /** {@code upgrade a -> b}: the direction, then the parents and the revision in that direction. */
    public static String what(Step step) {
        return step.direction().name().toLowerCase(Locale.ROOT) + " " + arrow(step);
    }

    private static String arrow(Step step) {
        String parents = step.revision().revises().isEmpty()
                ? "<base>"
                : String.join(", ", step.revision().revises());
        String id = step.revision().id();
        return step.direction() == Direction.UPGRADE ? parents + " -> " + id : id + " -> " + parents;
    }
}
