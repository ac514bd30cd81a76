package dev.migrate.internal.runtime;

import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.internal.connection.Privileges;
import dev.migrate.internal.connection.ServerMessage;
import dev.migrate.internal.discovery.MigrationCreationException;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.lock.LockRetries;
import dev.migrate.internal.lock.LockTimeoutAdvice;
import dev.migrate.internal.online.OnlineRefusal;
import dev.migrate.internal.runtime.progress.StepNames;
import dev.migrate.internal.runtime.sink.Leftover;
import dev.migrate.text.Fixes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The message of a run that failed: which migration, at which statement, what the server said, and
 * truthfully what stayed applied and what to do next.
 */
final class RunFailure {
    private final LockTimeoutAdvice advice;
    private final Fixes fixes;

    RunFailure(LockTimeoutAdvice advice, Fixes fixes) {
        this.advice = advice;
        this.fixes = fixes;
    }

    /** The failure {@code e} ended the run where {@code progress} is, the statements run as {@code role}. */
    MigrationFailedException of(RunProgress progress, Exception e, @Nullable String role) {
        Step step = progress.step;
        StringBuilder message = new StringBuilder();
        if (step == null) {
            message.append("The run failed.");
        } else if (!progress.together.isEmpty()) {
            message.append("The connection was lost while migrations ")
                    .append(String.join(", ", progress.together))
                    .append(" ran, sent to the server together in one round trip, each in a transaction of its own.");
        } else {
            message.append("Migration ")
                    .append(step.revision().id())
                    .append(
                            step.revision().message().isEmpty()
                                    ? ""
                                    : " (" + step.revision().message() + ")")
                    .append(" failed during ")
                    .append(step.direction().name().toLowerCase(Locale.ROOT))
                    .append('.');
        }
        if (e instanceof InvalidIndexGuard.InTheWay || e instanceof OnlineRefusal) {
            message.append('\n').append(e.getMessage());
        } else if (step != null && !progress.described && e instanceof MigrationCreationException) {
            message.append("\nIt could not be created: ").append(e.getMessage()).append(" None of its SQL ran.");
        } else if (step != null && !progress.described) {
            // its upgrade() or downgrade() method failed while describing its changes
            Throwable thrown = e instanceof MigrateException && e.getCause() != null ? e.getCause() : e;
            message.append("\nIts ")
                    .append(step.direction().name().toLowerCase(Locale.ROOT))
                    .append("() method threw ")
                    .append(
                            thrown instanceof MigrateException
                                    ? ""
                                    : thrown.getClass().getName() + ": ")
                    .append(thrown.getMessage())
                    .append("; none of its SQL ran.");
        } else {
            if (progress.statement != null && progress.together.isEmpty()) {
                message.append("\nStatement: ").append(progress.statement);
            }
            if (e instanceof SQLException sql) {
                message.append("\nError")
                        .append(sql.getSQLState() == null ? "" : " [SQLSTATE " + sql.getSQLState() + "]")
                        .append(": ")
                        .append(ServerMessage.of(sql))
                        .append(Privileges.explain(sql, role));
                if (LockRetries.isLockTimeout(sql)) {
                    message.append(advice.after(progress.attempts));
                }
            } else {
                message.append("\nError: ")
                        .append(e.getClass().getName())
                        .append(": ")
                        .append(e.getMessage());
            }
        }
        message.append('\n').append(outcome(progress, e));
        return new MigrationFailedException(
                message.toString(),
                e instanceof MigrateException && e.getCause() != null ? e.getCause() : e,
                step == null ? null : step.revision().id(),
                step == null ? null : StepNames.direction(step));
    }

    private String outcome(RunProgress progress, Exception failure) {
        Step step = progress.step;
        List<String> rolledBack = new ArrayList<>(progress.pending);
        StringBuilder text = new StringBuilder();
        if (step != null && progress.expand) {
            text.append("It is the expand phase of an online migration, which runs a statement or a backfill batch"
                            + " at a time, so ")
                    .append(
                            progress.autocommitted.isEmpty()
                                    ? "none of its statements had committed before the one that failed"
                                    : "these statements stayed applied: " + String.join("; ", progress.autocommitted))
                    .append("; its version was not recorded, and the application keeps the table as it was (the"
                            + " constraints of its new columns apply to the application's writes meanwhile). Running"
                            + " upgrade again resumes it: each of its statements finds its work done, and a backfill"
                            + " goes on after its last batch; " + fixes.command("downgrade") + " "
                            + fixes.setting("target", "-1") + " undoes it instead. ");
        } else if (step != null && !progress.transactional) {
            text.append("It runs outside a transaction (transactional = false), so ")
                    .append(
                            progress.autocommitted.isEmpty()
                                    ? "none of its statements had committed before the one that failed"
                                    : "these statements stayed applied: " + String.join("; ", progress.autocommitted))
                    .append("; its version was not recorded. ");
            if (progress.leftovers != null) {
                text.append(whatItLeft(progress.leftovers, failure));
            }
        } else if (!progress.together.isEmpty()) {
            text.append("Which of them committed before it was lost is not known: ")
                    .append(fixes.command("current"))
                    .append(" shows it, and running upgrade again goes on from there. ");
        } else if (step != null) {
            rolledBack.add(step.revision().id());
        }
        if (!rolledBack.isEmpty()) {
            text.append("The transaction was rolled back: ")
                    .append(String.join(", ", rolledBack))
                    .append(rolledBack.size() > 1 ? " were" : " was")
                    .append(" not applied and nothing was recorded for ")
                    .append(rolledBack.size() > 1 ? "them" : "it")
                    .append(". ");
        }
        text.append(
                progress.committed.isEmpty()
                        ? "No other migration of this run was applied."
                        : "Applied and recorded before the failure, and still in place: "
                                + String.join(", ", progress.committed) + ".");
        boolean repair =
                step != null && !progress.transactional && !progress.expand && !progress.autocommitted.isEmpty();
        return text.append(
                        repair
                                ? " Repair the database by hand, fix the migration and run again."
                                : " Fix the migration and run again.")
                .toString();
    }

    /**
     * What the statement that failed may have left. A statement PostgreSQL refused (a syntax error, a
     * name that exists or does not, a missing privilege, a command it does not allow there) failed
     * before it changed anything.
     */
    private static String whatItLeft(List<Leftover> leftovers, Exception failure) {
        String state = failure instanceof SQLException e && e.getSQLState() != null ? e.getSQLState() : "";
        if (state.startsWith("42") || state.startsWith("0A") || state.startsWith("25")) {
            return "That statement was refused before it changed anything. ";
        }
        if (leftovers.isEmpty()) {
            return new Leftover.Nothing().describe();
        }
        StringBuilder text = new StringBuilder();
        leftovers.forEach(l -> text.append(l.describe()));
        return text.toString();
    }
}
