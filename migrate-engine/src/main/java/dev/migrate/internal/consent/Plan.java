package dev.migrate.internal.consent;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The statements a run will execute, in order, each with what it can lose: what a consent token is a digest of.
 *
 * @param action the command, as the messages name it: {@code downgrade}, {@code stamp}
 * @param statements the statements in the order they run
 */
public record Plan(String action, List<Statement> statements) {
    public Plan {
        Objects.requireNonNull(action, "action");
        statements = List.copyOf(statements);
    }

    /**
     * One statement of the plan.
     *
     * @param sql the SQL as it runs (JDBC work: a line that names it)
     * @param loss what it can lose; null when nothing
     */
    public record Statement(String sql, @Nullable Loss loss) {}

    /** Whether any statement can lose data or history. */
    public boolean destructive() {
        return statements.stream().anyMatch(s -> s.loss() != null);
    }
}
