package dev.migrate.lint;

import dev.migrate.MigrationFailedException;
import java.util.Objects;

/**
 * A migration failed during a lint, on empty tables too: the lint stops there, with what it saw of
 * the migrations before, so that the report can still be written:
 * {@code catch (LintStoppedException e) { Files.writeString(path, e.report().toJson()); throw e; }}.
 */
public final class LintStoppedException extends MigrationFailedException {
    private static final long serialVersionUID = 1L;

    private final transient LintReport report;

    /**
     * @param message what failed, and where
     * @param failure the migration's failure, whose cause, revision and direction this one keeps
     * @param report what the lint saw up to the failing statement
     */
    public LintStoppedException(String message, MigrationFailedException failure, LintReport report) {
        // a migration's failure always has a cause; the failure itself stands in should it have none
        super(
                message,
                Objects.requireNonNullElse(failure.getCause(), failure),
                failure.revision(),
                failure.direction());
        this.report = report;
    }

    /**
     * What the lint saw up to the failing statement: {@code e.report().findings()}.
     *
     * @return the report of the statements that ran
     */
    public LintReport report() {
        return report;
    }
}
