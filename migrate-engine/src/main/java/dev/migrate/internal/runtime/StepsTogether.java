package dev.migrate.internal.runtime;

import dev.migrate.AppliedStep;
import dev.migrate.MigrationLog;
import dev.migrate.MigrationStep;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.progress.StepNames;
import dev.migrate.internal.runtime.progress.StepWatch;
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
        List<List<String>> transactions = new ArrayList<>();
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
            List<String> whole = planned.whole(tables);
            batch.add(planned);
            transactions.add(whole);
            for (String statement : whole) {
                chars += statement.length();
            }
        }
        if (batch.size() < 2) {
            return new Sent(0, false);
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
        // the history's newest rows, read at the end of the same round trip: the durations the server gave the steps
        String newest = tables.latestUpgradesQuery(batch.size());
        @Nullable List<String> rows;
        try {
            rows = sink.commitEach(transactions, batch.get(batch.size() - 1).last(), newest);
        } catch (SQLException e) {
            if (StepRunner.connectionLost(e)) {
                throw e; // with progress.together: which of them committed is not known
            }
            rows = null;
        }
        watch.finished();
        progress.together = List.of();
        boolean failed = rows == null;
        List<String> durations;
        if (rows == null) {
            // those before the one that failed committed, which the history's newest rows say
            sink.rollback();
            durations = durations(batch, sink.query(newest), batch.size() - 1);
        } else {
            durations = durations(batch, rows, batch.size());
        }
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
                int space = row == null ? -1 : row.indexOf(' ');
                if (row == null
                        || space < 0
                        || !row.substring(space + 1).equals(batch.get(k).revision())) {
                    break;
                }
                durations.add(row.substring(0, space));
            }
            if (durations.size() == committed) {
                return durations;
            }
        }
        return List.of();
    }
}
