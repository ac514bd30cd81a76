package dev.migrate.internal.runtime;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.script.Script;
import dev.migrate.internal.runtime.sink.ScriptSink;
import dev.migrate.internal.sql.PreconditionSql;
import dev.migrate.op.Precondition;
import dev.migrate.op.SqlOp;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a revision's guards ({@code op.guard}) on the database it runs on, before its statements and
 * in its transaction, and says what becomes of the revision: Liquibase's {@code onFail} outcomes. The
 * migration's {@code upgrade()} is recorded ahead, on another thread, so it cannot ask the database
 * itself: its guards are ops, and the answer is found here.
 */
final class GuardCheck {
    /** What becomes of the revision. */
    sealed interface Outcome permits Run, MarkRan, Pending {}

    /** Its statements run (every guard held, or one that failed only warns). */
    record Run() implements Outcome {}

    /** It is recorded as applied without running its statements, {@code note} in its history row. */
    record MarkRan(String note) implements Outcome {}

    /**
     * It stays pending in its place ({@code why}: {@code precondition failed: ...}): its changes do not run, the
     * revisions after it do, and every later upgrade tries it again.
     */
    record Pending(String why) implements Outcome {}

    private GuardCheck() {}

    /** The guards among a script's parts, in order. */
    static List<SqlOp.Guard> guards(List<Script.Part> parts) {
        return parts.stream()
                .filter(part -> part instanceof Script.Statement s && s.op() instanceof SqlOp.Guard)
                .map(part -> (SqlOp.Guard) ((Script.Statement) part).op())
                .toList();
    }

    /** Whether a part is a guard, which a live run has evaluated before the statements. */
    static boolean isGuard(Script.Part part) {
        return part instanceof Script.Statement s && s.op() instanceof SqlOp.Guard;
    }

    /**
     * Evaluates the guards in order; the first whose precondition fails (or cannot be evaluated), and that does
     * not only warn, decides. {@code HALT} throws, and the run's failure rolls the revision back.
     *
     * @param inTransaction whether the revision's transaction is open: a guard whose evaluation error does not
     *     halt is evaluated under a savepoint there, so the error does not end the transaction
     */
    static Outcome evaluate(
            String revision, List<SqlOp.Guard> guards, ScriptSink sink, MigrationLog log, boolean inTransaction)
            throws SQLException {
        for (SqlOp.Guard guard : guards) {
            @Nullable Outcome outcome = evaluate(revision, guard, sink, log, inTransaction);
            if (outcome != null) {
                return outcome;
            }
        }
        return new Run();
    }

    /** What one guard decides, or {@code null} when the revision may go on to its next guard. */
    private static @Nullable Outcome evaluate(
            String revision, SqlOp.Guard guard, ScriptSink sink, MigrationLog log, boolean inTransaction)
            throws SQLException {
        boolean holds;
        if (guard.errorOutcome() == Precondition.OnFail.HALT) {
            try {
                holds = holds(guard.precondition(), sink);
            } catch (SQLException e) {
                if (connectionLost(e)) {
                    throw e;
                }
                throw new MigrateException(
                        "Revision " + revision + " stops the run: its precondition \"" + guard.errorText()
                                + "\" could not be evaluated (onError HALT): "
                                + PreconditionSql.explained(e.getMessage())
                                + ". Nothing of it"
                                + " was applied; fix the precondition, or give the guard an onError outcome, and"
                                + " run again.",
                        e);
            }
        } else {
            @Nullable SQLException error = null;
            if (inTransaction) {
                sink.execute("SAVEPOINT migrate_guard");
            }
            boolean result = false;
            try {
                result = holds(guard.precondition(), sink);
            } catch (SQLException e) {
                if (connectionLost(e)) {
                    throw e;
                }
                error = e;
            }
            if (inTransaction) {
                sink.execute(error == null ? "RELEASE SAVEPOINT migrate_guard" : "ROLLBACK TO SAVEPOINT migrate_guard");
            }
            if (error != null) {
                return outcome(
                        revision,
                        guard.errorOutcome(),
                        "precondition could not be evaluated: " + guard.errorText() + " ("
                                + PreconditionSql.explained(error.getMessage()) + ")",
                        "onError",
                        log);
            }
            holds = result;
        }
        return holds
                ? null
                : outcome(revision, guard.onFail(), "precondition failed: " + guard.message(), "onFail", log);
    }

    /** What {@code outcome} makes of the revision whose guard {@code failed}, as its {@code option} says. */
    private static @Nullable Outcome outcome(
            String revision, Precondition.OnFail outcome, String failed, String option, MigrationLog log) {
        return switch (outcome) {
            case WARN -> {
                log.warn("Revision " + revision + " runs although its " + failed + " (" + option + " WARN).");
                yield null;
            }
            case MARK_RAN -> {
                log.info("Revision " + revision + " is marked ran without running its changes: its " + failed + " ("
                        + option + " MARK_RAN).");
                yield new MarkRan("marked ran: " + failed);
            }
            case CONTINUE -> {
                log.info("Revision " + revision + " stays pending, its changes not run: its " + failed + " (" + option
                        + " CONTINUE). The revisions after it run; every upgrade tries it again.");
                yield new Pending(failed);
            }
            case HALT ->
                throw new MigrateException("Revision " + revision + " stops the run: its " + failed + " (" + option
                        + " HALT). Nothing of it was applied; make the database meet the precondition, or change the"
                        + " guard's " + option + ", and run again.");
        };
    }

    /** The connection broke or the server ended the session: no outcome of the guard can be recorded. */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /**
     * The history note of the downgrade of a revision recorded as applied without running its changes (its guard
     * marked it ran, or it moved in so) or left pending (its guard said CONTINUE), whose downgrade does not run either: it would drop what the revision never
     * made. {@code null} for any other step, and offline, where the script tests it itself
     * ({@link VersionTables#refuseMarkedRanDowngrade}).
     */
    static @Nullable String downgradeOfMarkedRan(Step step, ScriptSink sink, VersionTables tables, MigrationLog log)
            throws SQLException {
        if (step.direction() != Direction.DOWNGRADE || sink.offline()) {
            return null;
        }
        String revision = step.revision().id();
        List<String> latest = sink.query(tables.latestApplyingQuery(revision));
        String direction = latest.isEmpty() ? "" : latest.get(0);
        if (direction.equals(VersionTables.MARKED)) {
            log.info("Revision " + revision + " was marked ran without running its changes: its downgrade is not run"
                    + " either, only recorded.");
            return "downgrade not run: the revision was marked ran";
        }
        if (direction.equals(VersionTables.PENDING)) {
            log.info("Revision " + revision + " was pending, its changes never run (its guard said CONTINUE): its"
                    + " downgrade is not run either, only recorded.");
            return "downgrade not run: the revision was pending, its changes never ran";
        }
        return null;
    }

    /**
     * Whether a guard can leave its revision recorded without its changes having run: marked ran, or pending in
     * its place (CONTINUE). The downgrade of such a revision may have nothing to undo.
     */
    static boolean mayRunNothing(SqlOp.Guard guard) {
        return guard.canMarkRan()
                || guard.onFail() == Precondition.OnFail.CONTINUE
                || guard.errorOutcome() == Precondition.OnFail.CONTINUE;
    }

    /**
     * Refuses offline SQL for a revision whose guard a script cannot carry out: a script cannot leave a
     * revision pending, nor record it as applied without its statements. {@code HALT} and {@code WARN}
     * are tested by the script itself.
     */
    static void refuseOffline(String revision, List<SqlOp.Guard> guards) {
        for (SqlOp.Guard guard : guards) {
            Precondition.OnFail onFail = guard.onFail();
            if (onFail == Precondition.OnFail.MARK_RAN || onFail == Precondition.OnFail.CONTINUE) {
                throw new MigrateException("Offline SQL cannot carry out the guard of revision " + revision
                        + " (\"" + guard.message() + "\", onFail " + onFail + "): only a run against the database"
                        + " can decide whether its changes run. Apply it with mvn migrate:upgrade against the"
                        + " database, or, where every database meets the precondition, make the guard HALT.");
            }
            Precondition.OnFail onError = guard.errorOutcome();
            if (onError == Precondition.OnFail.MARK_RAN || onError == Precondition.OnFail.CONTINUE) {
                throw new MigrateException("Offline SQL cannot carry out the guard of revision " + revision
                        + " (\"" + guard.message() + "\", onError " + onError + "): only a run against the"
                        + " database can decide whether its changes run when the precondition cannot be evaluated."
                        + " Apply it with mvn migrate:upgrade against the database, or make the guard's onError"
                        + " HALT or WARN.");
            }
        }
    }

    private static boolean holds(Precondition precondition, ScriptSink sink) throws SQLException {
        List<String> rows = sink.query("SELECT " + PreconditionSql.of(precondition));
        @Nullable String value = rows.isEmpty() ? null : rows.get(0);
        return "t".equals(value) || "true".equals(value);
    }
}
