package dev.migrate.internal.online;

import static dev.migrate.sql.Identifiers.quote;

import dev.migrate.BackfillProgress;
import dev.migrate.LockWait;
import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.internal.lock.LockRetries;
import dev.migrate.internal.text.Elapsed;
import dev.migrate.op.OnlineOp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Writes every row of a table again, in batches in key order, so that the triggers of an online change
 * fill the new column: each batch is its own short transaction, which locks only its rows and records
 * how far it got in {@link OnlineState}; after an interruption the walk resumes after the last batch
 * done. A batch that waits longer than the lock timeout for a row an application holds is rolled back
 * and tried again, as a statement of a migration is.
 *
 * <p>The walk follows the primary key, or else a unique index over {@code NOT NULL} columns, with a row
 * comparison that the index answers, so every batch costs the same however far the walk is.
 */
public final class BatchedBackfill {
    /** How many times in a row a batch steps aside for rows another session holds before the log says so. */
    private static final int STEPS_ASIDE_BEFORE_WARNING = 50;

    private final OnlineOp.Backfill op;
    private final String revision;
    private final OnlineState state;
    private final LockRetries lockRetries;
    private final MigrationLog log;
    /** Hears each batch that committed, and each time a batch stepped aside for rows another session holds. */
    private final MigrationListener listener;

    private final Duration progressInterval;

    public BatchedBackfill(
            OnlineOp.Backfill op,
            String revision,
            OnlineState state,
            LockRetries lockRetries,
            MigrationLog log,
            MigrationListener listener,
            Duration progressInterval) {
        this.op = op;
        this.revision = revision;
        this.state = state;
        this.lockRetries = lockRetries;
        this.log = log;
        this.listener = listener;
        this.progressInterval = progressInterval;
    }

    /** One key column: its quoted name and its type, to read a key back from text. */
    private record KeyColumn(String name, String type) {}

    public void run(Connection c) throws SQLException {
        List<KeyColumn> key = key(c);
        String cursorKey = op.table() + "." + op.column();
        OnlineState.Cursor cursor = state.cursor(c, revision, cursorKey);
        List<String> last = cursor.lastKey();
        long rows = cursor.rows();
        long estimate = estimate(c);
        if (last != null) {
            log.info("Resuming the backfill of " + op.table() + " after " + rows + " rows.");
        }
        long start = System.nanoTime();
        long done = 0;
        long reported = start;
        // in a transaction someone else opened (a lint that watches the statement), the batches run in it
        boolean own = c.getAutoCommit();
        try {
            while (true) {
                Batch batch = batch(c, own, key, last, cursorKey, rows);
                if (batch.lastKey().isEmpty()) {
                    break;
                }
                last = batch.lastKey();
                rows += batch.rows();
                done += batch.rows();
                listener.onBackfill(
                        new BackfillProgress(revision, op.table().toString(), op.column(), batch.rows(), rows));
                long now = System.nanoTime();
                if (now - reported >= progressInterval.toNanos()) {
                    reported = now;
                    log.info("Backfilling " + op.table() + ": " + rows + " rows" + share(rows, estimate) + ", "
                            + perSecond(done, now - start) + ".");
                }
            }
        } finally {
            if (own) {
                c.setAutoCommit(true);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Backfilled " + op.table() + " (" + op.column() + "): " + done + " rows in " + Elapsed.exactly(took)
                + (done == 0 ? "" : ", " + perSecond(done, took.toNanos())) + ".");
    }

    private record Batch(long rows, List<String> lastKey) {}

    /**
     * One batch, in its own transaction when {@code own}, else in the transaction that is open. A batch
     * never waits for a row an application holds: it would hold the rows it locked meanwhile, and an
     * application's transaction that takes one of them after one of its own would deadlock with it. So it
     * takes its rows {@code NOWAIT}, and when one is held it rolls back, steps aside for a moment and tries
     * again with half as many rows (fewer rows, fewer of them held), until it has waited as long in all
     * as the lock timeout and its retries allow.
     */
    private Batch batch(
            Connection c,
            boolean own,
            List<KeyColumn> key,
            @Nullable List<String> after,
            String cursorKey,
            long rowsBefore)
            throws SQLException {
        long waited = 0;
        int size = op.batchSize();
        for (int attempt = 1; ; attempt++) {
            String sql = batchSql(key, after != null, own, size);
            if (own) {
                c.setAutoCommit(false);
            }
            long started = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (after != null) {
                    for (int i = 0; i < after.size(); i++) {
                        s.setString(i + 1, after.get(i));
                    }
                }
                Batch batch = new Batch(0, List.of());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        List<String> last = new ArrayList<>();
                        for (int i = 0; i < key.size(); i++) {
                            last.add(rs.getString(i + 2));
                        }
                        batch = new Batch(rs.getLong(1), last);
                    }
                }
                if (!batch.lastKey().isEmpty()) {
                    state.advance(c, revision, cursorKey, batch.lastKey(), rowsBefore + batch.rows());
                }
                if (own) {
                    c.commit();
                }
                return batch;
            } catch (SQLException e) {
                if (!own) {
                    throw e;
                }
                c.rollback();
                size = Math.max(1, size / 2);
                Duration pause = Duration.ofMillis(Math.min(10L * attempt, 200));
                waited += System.nanoTime() - started + pause.toNanos();
                if (!LockRetries.isLockTimeout(e) || waited >= lockRetries.budgetNanos()) {
                    throw e;
                }
                listener.onLockWait(new LockWait(
                        LockWait.Kind.BACKFILL_ROWS,
                        revision,
                        "the backfill of " + op.table() + " (" + op.column() + ")",
                        Duration.ofNanos(System.nanoTime() - started)));
                if (attempt == STEPS_ASIDE_BEFORE_WARNING) {
                    log.warn("A batch of the backfill of " + op.table() + " found rows another session holds "
                            + attempt + " times in a row; it steps aside each time, its batches before it done, and"
                            + " gives up after waiting "
                            + LockRetries.format(Duration.ofNanos(Math.min(
                                    lockRetries.budgetNanos(),
                                    Duration.ofDays(1).toNanos())))
                            + " in all (" + lockRetries.describe() + ").");
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("Interrupted while waiting to retry the backfill of " + op.table(), e);
                }
            }
        }
    }

    /**
     * The next batch: the keys that follow the cursor in key order as the statement's snapshot has them,
     * then those of their rows that still have them locked and written again (which fires the triggers);
     * returns how many it wrote and the last of those keys, as text, or no row when none follows. The
     * cursor moves by the keys as scanned: a row an application's update moved meanwhile (its key changed,
     * ahead of the cursor or behind it) is locked in its new version, whose key may be far ahead, and
     * taking the cursor from it would skip every row between. Such a row needs nothing: the update that
     * moved it fired the triggers.
     */
    private String batchSql(List<KeyColumn> key, boolean resumed, boolean own, int size) {
        String table = quote(op.table());
        StringJoiner names = new StringJoiner(", ");
        StringJoiner bounds = new StringJoiner(", ");
        StringJoiner descending = new StringJoiner(", ");
        StringJoiner asText = new StringJoiner(", ");
        StringJoiner match = new StringJoiner(" AND ");
        for (KeyColumn k : key) {
            names.add(k.name());
            bounds.add("?::" + k.type());
            descending.add(k.name() + " DESC");
            asText.add("last." + k.name() + "::text");
            match.add("target." + k.name() + " = batch." + k.name());
        }
        String column = quote(op.column());
        return "WITH keys AS (SELECT " + names + " FROM " + table
                + (resumed ? " WHERE (" + names + ") > (" + bounds + ")" : "")
                + " ORDER BY " + names + " LIMIT " + size + "),\n"
                + "batch AS (SELECT " + names + " FROM " + table + " WHERE (" + names + ") IN (SELECT " + names
                + " FROM keys) FOR NO KEY UPDATE" + (own ? " NOWAIT" : "") + "),\n"
                + "touched AS (UPDATE " + table + " AS target SET " + column + " = target." + column
                + " FROM batch WHERE " + match + " RETURNING 1)\n"
                + "SELECT (SELECT count(*) FROM touched), " + asText + " FROM (SELECT " + names
                + " FROM keys ORDER BY "
                + descending + " LIMIT 1) AS last";
    }

    /** The primary key's columns, or those of the first unique index over NOT NULL columns alone. */
    private List<KeyColumn> key(Connection c) throws SQLException {
        String sql = """
                SELECT i.indexrelid, a.attname, format_type(a.atttypid, a.atttypmod)
                FROM pg_index i
                JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position) ON true
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = ?::regclass AND (i.indisprimary OR (i.indisunique AND i.indpred IS NULL
                  AND i.indexprs IS NULL AND i.indisvalid AND i.indimmediate AND NOT EXISTS (
                    SELECT 1 FROM pg_attribute n
                    WHERE n.attrelid = i.indrelid AND n.attnum = ANY (i.indkey) AND NOT n.attnotnull)))
                ORDER BY i.indisprimary DESC, i.indnatts, i.indexrelid, k.position""";
        List<KeyColumn> key = new ArrayList<>();
        long index = -1;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, quote(op.table()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (index == -1) {
                        index = rs.getLong(1);
                    } else if (rs.getLong(1) != index) {
                        break;
                    }
                    key.add(new KeyColumn(quote(rs.getString(2)), rs.getString(3)));
                }
            }
        }
        if (key.isEmpty()) {
            throw new MigrateException("The backfill of " + op.table() + " walks the table in batches in key order,"
                    + " and " + op.table() + " has no primary key and no unique index over NOT NULL columns. Add a"
                    + " primary key to it (ALTER TABLE " + op.table() + " ADD PRIMARY KEY (...)), or make this change"
                    + " with a plain migration.");
        }
        return key;
    }

    private long estimate(Connection c) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT reltuples::bigint FROM pg_class WHERE oid = ?::regclass")) {
            s.setString(1, quote(op.table()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static String share(long rows, long estimate) {
        return estimate <= 0
                ? ""
                : String.format(Locale.ROOT, " of about %d (%d%%)", estimate, Math.min(100, rows * 100 / estimate));
    }

    private static String perSecond(long rows, long nanos) {
        return String.format(Locale.ROOT, "%,d rows/s", nanos <= 0 ? rows : rows * 1_000_000_000L / nanos);
    }
}
