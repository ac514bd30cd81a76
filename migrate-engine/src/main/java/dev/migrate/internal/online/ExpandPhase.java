package dev.migrate.internal.online;

import dev.migrate.LockWait;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.internal.lock.LockRetries;
import dev.migrate.internal.lock.LockWaits;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import dev.migrate.sql.VersionViews;
import dev.migrate.text.Fixes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The expand phase of an online revision, as its upgrade runs it: the state row says it started, each
 * statement that takes a table's lock waits briefly for it, each backfill walks its table in batches,
 * and the state row says when it is done. The statements themselves are the changes' start halves
 * ({@link OnlineOp.Online#start}), which the runner runs outside a transaction.
 */
public final class ExpandPhase {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    private final OnlineState state;
    private final LockRetries lockRetries;
    private final BriefLockWait brief;
    private final LockWaits waits;
    private final MigrationLog log;
    private final MigrationListener listener;
    private final Duration progressInterval;
    private final Fixes fixes;

    ExpandPhase(
            OnlineState state,
            LockRetries lockRetries,
            MigrationLog log,
            MigrationListener listener,
            Duration progressInterval,
            Fixes fixes) {
        this.state = state;
        this.lockRetries = lockRetries;
        this.brief = new BriefLockWait(lockRetries);
        this.waits = new LockWaits(listener);
        this.log = log;
        this.listener = listener;
        this.progressInterval = progressInterval;
        this.fixes = fixes;
    }

    /**
     * Starts the expand of {@code revision}: against a database, refuses what PostgreSQL cannot build
     * online before anything runs, then records the revision as expanding.
     */
    public void start(String revision, List<OnlineChange> changes, OnlineSink sink, StatementProgress progress)
            throws SQLException {
        if (!sink.offline()) {
            refuseTablesCitusSpreads(changes, sink);
            refuseIndexCopiesOnPartitionedTables(changes, sink);
        }
        for (String sql : state.expanding(revision)) {
            progress.at(sql);
            sink.execute(sql);
        }
    }

    /** The backfill a statement of the expand of {@code revision} stands for, walked in batches. */
    public BatchedBackfill backfill(OnlineOp.Backfill op, String revision) {
        return new BatchedBackfill(op, revision, state, lockRetries, log, listener, progressInterval);
    }

    /** The state table's row of {@code revision} once its expand is done: it is in progress. */
    public String expanded(String revision) {
        return state.expanded(revision);
    }

    /**
     * Before an expand starts, on a Citus coordinator: a table Citus spreads (distributed, a reference table,
     * in a distributed schema) is refused, before anything runs. The expand keeps the old and the new shape in
     * step with a trigger on the table, and Citus refuses triggers on the tables it spreads; the new shape's
     * views would be local to the coordinator besides.
     */
    private static void refuseTablesCitusSpreads(List<OnlineChange> changes, OnlineSink sink) throws SQLException {
        if (sink.query("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus'")
                .isEmpty()) {
            return;
        }
        List<String> refused = new ArrayList<>();
        for (OnlineChange change : changes) {
            String table = Identifiers.quote(change.table());
            List<String> type = sink.query("SELECT citus_table_type FROM citus_tables WHERE table_name = to_regclass("
                    + Literals.string(table) + ")");
            if (!type.isEmpty() && !refused.contains(table + " (" + type.get(0) + ")")) {
                refused.add(table + " (" + type.get(0) + ")");
            }
        }
        if (!refused.isEmpty()) {
            throw new OnlineRefusal("Its online change of " + String.join(", ", refused) + ", which Citus spreads"
                    + " over the cluster, cannot run: the expand keeps the old and the new shape in step with a"
                    + " trigger on the table, and Citus refuses triggers on distributed and reference tables."
                    + " Nothing was run. Write the change as a plain migration (autogenerate without"
                    + " -Dmigrate.online=true): on a coordinator Citus applies it to every shard.");
        }
    }

    /**
     * Before an expand starts: a column of a partitioned table whose indexes the expand would build again
     * over the new column ({@code CREATE INDEX CONCURRENTLY}, which PostgreSQL does not do on a partitioned
     * table) is refused, before anything runs, rather than failing after the backfill.
     */
    private void refuseIndexCopiesOnPartitionedTables(List<OnlineChange> changes, OnlineSink sink) throws SQLException {
        List<String> refused = new ArrayList<>();
        for (OnlineChange change : changes) {
            if (!(change instanceof OnlineChange.AlterColumn a)) {
                continue;
            }
            String table = Identifiers.quote(a.table());
            if (!sink.query("SELECT relkind FROM pg_class WHERE oid = to_regclass(" + Literals.string(table) + ")")
                    .equals(List.of("p"))) {
                continue;
            }
            List<String> indexes = new ArrayList<>();
            for (String copy : sink.query(
                    DIALECT.indexCopies(new OnlineOp.DuplicateIndexes(a.table(), a.column(), a.newColumn())))) {
                // CREATE INDEX CONCURRENTLY IF NOT EXISTS _migrate_new_<index> ON ...
                String name = copy.split(" IF NOT EXISTS ", 2)[1].split(" ", 2)[0];
                indexes.add(name.substring("_migrate_new_".length()));
            }
            if (a.unique() != null) {
                indexes.add(a.unique() + " (the unique index .unique() asks for)");
            }
            if (!indexes.isEmpty()) {
                refused.add(table + "." + Identifiers.quote(a.column()) + ", under " + String.join(", ", indexes));
            }
        }
        if (!refused.isEmpty()) {
            throw new OnlineRefusal("Its online change of " + String.join("; ", refused) + " would build those indexes"
                    + " again over the new column CONCURRENTLY, which PostgreSQL does not do on a partitioned table."
                    + " Nothing was run. Change the column with a plain migration at a quiet hour, or drop the"
                    + " indexes before the online revision and make them again after complete.");
        }
    }

    /**
     * Runs a statement of an expand that takes a table's lock (adding a column, a trigger, a constraint):
     * queries that arrive while it waits for the lock queue behind it, so it waits
     * {@link BriefLockWait#BRIEF_LOCK_WAIT} at most at a time (the lock timeout if that is shorter), and is
     * tried again until it has waited as long in all as the lock timeout and its retries allow (without end
     * when the server's setting applies). A long transaction on the table then delays the migration, not the
     * application.
     */
    public void runBriefly(String revision, String sql, OnlineSink sink, StatementProgress progress)
            throws SQLException {
        Duration configured = lockRetries.lockTimeout();
        Duration wait = brief.perAttempt();
        long budget = brief.budgetNanos();
        String restore =
                configured == null ? "RESET lock_timeout" : "SET lock_timeout = '" + configured.toMillis() + "ms'";
        long waited = 0;
        sink.execute("SET lock_timeout = '" + wait.toMillis() + "ms'");
        for (int attempt = 1; ; attempt++) {
            progress.at(sql);
            long start = System.nanoTime();
            try {
                sink.execute(sql);
                sink.execute(restore);
                return;
            } catch (SQLException e) {
                waited += System.nanoTime() - start;
                if (!LockRetries.isLockTimeout(e) || waited >= budget) {
                    progress.failedAfter(attempt);
                    try {
                        sink.execute(restore);
                    } catch (SQLException lost) {
                        e.addSuppressed(lost); // the connection is gone: the failure says so already
                    }
                    throw e;
                }
                Duration pause = brief.pause(attempt);
                waits.ended(LockWait.Kind.BRIEF_WAIT, revision, sql, start);
                log.warn("Migration " + revision + " waited " + wait.toMillis() + " ms for a lock"
                        + " at: " + sql + ". Queries on the table would queue behind it, so it lets them"
                        + " pass and tries again in " + LockRetries.format(pause) + " (attempt " + (attempt + 1)
                        + "; it gives up after waiting " + BriefLockWait.describeBudget(budget) + " in all).");
                LockWaits.sleep(revision, pause);
            }
        }
    }

    /**
     * Says that {@code revision} stays in its expand phase, and what comes next: the application built
     * for it, then {@code complete}.
     */
    public void announce(String revision, List<OnlineChange> changes) {
        log.info("Revision " + revision + " is in its expand phase: the application of the"
                + " revision before it runs on as it did. Roll out the application built for it, with"
                + " the schema of views "
                + versionSchemas(revision, changes)
                + " first in its search path"
                + fixes.api(" (the starter: migrate.online.search-path=true)") + ", then run "
                + fixes.command("complete") + ".");
    }

    /** {@code public_r1}, or {@code public_r1, sales_r1}: the schemas of views of an online revision. */
    private static String versionSchemas(String revision, List<OnlineChange> changes) {
        return changes.stream()
                .map(change -> VersionViews.name(
                        change.table().schema() == null
                                ? "public"
                                : change.table().schema(),
                        revision))
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
