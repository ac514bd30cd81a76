package dev.migrate.internal.runtime;

import dev.migrate.AppliedStep;
import dev.migrate.MigrationLog;
import dev.migrate.MigrationStep;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.progress.StepNames;
import dev.migrate.internal.runtime.progress.StepWatch;
import dev.migrate.internal.runtime.script.Script;
import dev.migrate.internal.runtime.sink.ScriptSink;
import dev.migrate.internal.text.Elapsed;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A run from base sends its migrations to the server several to a round trip, each in a transaction of its own that
 * commits before the next begins: what a migration costs beyond the server's work is the client's turn between one
 * round trip and the next, and a run that builds a schema from nothing has a migration's worth of it for every table.
 * Only a run no listener hears goes so, since a listener hears each migration start before it runs.
 */
final class StepsTogether {
    /** At most how many steps go to the server in one round trip. */
    private static final int STEPS = 16;
    /** About how many characters of SQL, at most, go to the server in one round trip. */
    private static final int CHARS = 64 * 1024;

    private final VersionTables tables;
    private final MigrationLog log;

    StepsTogether(VersionTables tables, MigrationLog log) {
        this.tables = tables;
        this.log = log;
    }

    /**
     * What {@link #send} did: how many steps it applied, and whether one of those it sent failed, which then
     * runs alone.
     */
    record Sent(int applied, boolean failed) {}

    /**
     * Sends the steps from the {@code i}th on that {@linkplain TransactionPlan#goesTogether go together}, up to {@value
     * #STEPS} of them or about {@value #CHARS} characters of SQL, in one round trip, each in a
     * transaction of its own that commits before the next begins; fewer than two are left to go alone. The log
     * tells of each when the round trip is back, its duration the server's; while they run the progress names
     * them together. When one fails, those before it stay applied and are told as applied, and nothing of it or
     * after it stays: it runs again alone, in its turn, and a failure names its statement as it always did.
     */
    Sent send(
            int i,
            TransactionPlan plan,
            ScriptSink sink,
            StepWatch watch,
            RunProgress progress,
            List<AppliedStep> done,
            Set<String> retried)
            throws SQLException {
        List<TransactionPlan.Planned> batch = new ArrayList<>();
        int chars = 0;
        for (int j = i; j < plan.size() && batch.size() < STEPS && chars < CHARS; j++) {
            if (retried.contains(plan.stepAt(j).revision().id())) {
                break;
            }
            TransactionPlan.Planned planned;
            try {
                planned = plan.step(j, sink);
            } catch (RuntimeException e) {
                break; // a migration that cannot be recorded fails in its turn, after those before it
            }
            if (!plan.goesTogether(planned)) {
                break;
            }
            batch.add(planned);
            for (Script.Part part : planned.parts()) {
                chars += ((Script.Statement) part).sql().length();
            }
        }
        if (batch.size() < 2) {
            return new Sent(0, false);
        }
        List<List<String>> transactions = new ArrayList<>(batch.size());
        for (TransactionPlan.Planned planned : batch) {
            List<String> statements = new ArrayList<>(planned.parts().size() + 3);
            for (Script.Part part : planned.parts()) {
                statements.add(((Script.Statement) part).sql());
            }
            statements.addAll(tables.bookkeepingTimedByServer(planned.step(), planned.checksum()));
            transactions.add(statements);
        }
        Step first = batch.get(0).step();
        Step last = batch.get(batch.size() - 1).step();
        String what = StepNames.what(first) + " and the " + (batch.size() - 1) + " migrations after it, to "
                + last.revision().id() + ", sent together";
        progress.start(first);
        progress.together =
                batch.stream().map(TransactionPlan.Planned::revision).toList();
        watch.started(
                what, new MigrationStep(first.revision().id(), first.revision().message(), StepNames.direction(first)));
        progress.at("(" + batch.size() + " migrations in one round trip, each in a transaction of its own)");
        // the history's newest rows, read in the same round trip: the durations the server gave the steps
        String newest = tables.latestUpgradesQuery(batch.size());
        List<String> durations;
        boolean failed = false;
        try {
            List<String> rows =
                    sink.commitEach(transactions, batch.get(batch.size() - 1).last(), newest);
            durations = durations(batch, rows, batch.size());
        } catch (SQLException e) {
            if (StepRunner.connectionLost(e)) {
                throw e;
            }
            progress.together = List.of();
            sink.rollback();
            // those before the one that failed committed
            durations = durations(batch, sink.query(newest), batch.size() - 1);
            failed = true;
        }
        watch.finished();
        progress.together = List.of();
        int applied = failed ? durations.size() : batch.size();
        for (int k = 0; k < applied; k++) {
            Step step = batch.get(k).step();
            log.info(StepNames.describe(step));
            progress.start(step);
            progress.applied(true);
            progress.committed();
            // a history its own migrations wrote to could hide a step's row; that step committed all the same
            Duration took = Duration.ofMillis(k < durations.size() ? Long.parseLong(durations.get(k)) : 0);
            log.info(StepNames.finished(step) + " in " + Elapsed.exactly(took) + ".");
            done.add(new AppliedStep(step.revision().id(), step.revision().message(), StepNames.direction(step), took));
        }
        return new Sent(applied, failed);
    }

    /**
     * The durations of the first steps of {@code batch} that committed, at most {@code most} of them, as the history's
     * newest rows give them ({@code rows}, newest first): the run holds the lock, so the rows its steps added are the
     * newest, in their order. A step whose row is not among them did not commit.
     */
    private static List<String> durations(List<TransactionPlan.Planned> batch, List<String> rows, int most) {
        for (int committed = Math.min(most, rows.size()); committed > 0; committed--) {
            List<String> durations = new ArrayList<>(committed);
            for (int k = 0; k < committed; k++) {
                // the kth of the batch is the committed-kth newest row
                @Nullable String row = rows.get(committed - 1 - k);
                String revision = batch.get(k).revision();
                if (row == null
                        || !row.endsWith(" " + revision)
                        || row.indexOf(' ') != row.length() - revision.length() - 1) {
                    break;
                }
                durations.add(row.substring(0, row.indexOf(' ')));
            }
            if (durations.size() == committed) {
                return durations;
            }
        }
        return List.of();
    }
}
