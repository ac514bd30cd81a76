package dev.migrate.internal.runtime;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.internal.sql.PreconditionSql;
import dev.migrate.op.Op;
import dev.migrate.op.Precondition;
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
    sealed interface Outcome permits Run, MarkRan, Stop {}

    /** Its statements run (every guard held, or one that failed only warns). */
    record Run() implements Outcome {}

    /** It is recorded as applied without running its statements, {@code note} in its history row. */
    record MarkRan(String note) implements Outcome {}

    /** The run stops before it and leaves it pending. */
    record Stop(String note) implements Outcome {}

    private GuardCheck() {}

    /** The guards among a script's parts, in order. */
    static List<Op.Guard> guards(List<Script.Part> parts) {
        return parts.stream()
                .filter(part -> part instanceof Script.Statement s && s.op() instanceof Op.Guard)
                .map(part -> (Op.Guard) ((Script.Statement) part).op())
                .toList();
    }

    /** Whether a part is a guard, which a live run has evaluated before the statements. */
    static boolean isGuard(Script.Part part) {
        return part instanceof Script.Statement s && s.op() instanceof Op.Guard;
    }

    /**
     * Evaluates the guards in order; the first whose precondition fails, and that does not only warn,
     * decides. {@code HALT} throws, and the run's failure rolls the revision back.
     */
    static Outcome evaluate(String revision, List<Op.Guard> guards, ScriptSink sink, MigrationLog log)
            throws SQLException {
        for (Op.Guard guard : guards) {
            if (holds(guard.precondition(), sink)) {
                continue;
            }
            String failed = "precondition failed: " + guard.message();
            switch (guard.onFail()) {
                case WARN -> log.warn("Revision " + revision + " runs although its " + failed + " (onFail WARN).");
                case MARK_RAN -> {
                    log.info("Revision " + revision + " is marked ran without running its changes: its " + failed
                            + " (onFail MARK_RAN).");
                    return new MarkRan("marked ran: " + failed);
                }
                case CONTINUE -> {
                    log.info("The run stops before revision " + revision + ", which stays pending: its " + failed
                            + " (onFail CONTINUE). A chain cannot apply the revisions after one it skips; the next"
                            + " run tries it again.");
                    return new Stop(failed);
                }
                case HALT ->
                    throw new MigrateException("Revision " + revision + " stops the run: its " + failed
                            + " (onFail HALT). Nothing of it was applied; make the database meet the precondition,"
                            + " or change the guard's onFail, and run again.");
            }
        }
        return new Run();
    }

    /**
     * Refuses offline SQL for a revision whose guard a script cannot carry out: a script cannot leave a
     * revision pending, nor record it as applied without its statements. {@code HALT} and {@code WARN}
     * are tested by the script itself.
     */
    static void refuseOffline(String revision, List<Op.Guard> guards) {
        for (Op.Guard guard : guards) {
            Precondition.OnFail onFail = guard.onFail();
            if (onFail == Precondition.OnFail.MARK_RAN || onFail == Precondition.OnFail.CONTINUE) {
                throw new MigrateException("Offline SQL cannot carry out the guard of revision " + revision
                        + " (\"" + guard.message() + "\", onFail " + onFail + "): only a run against the database"
                        + " can decide whether its changes run. Apply it with mvn migrate:upgrade against the"
                        + " database, or, where every database meets the precondition, make the guard HALT.");
            }
        }
    }

    private static boolean holds(Precondition precondition, ScriptSink sink) throws SQLException {
        List<String> rows = sink.query("SELECT " + PreconditionSql.of(precondition));
        @Nullable String value = rows.isEmpty() ? null : rows.get(0);
        return "t".equals(value) || "true".equals(value);
    }
}
