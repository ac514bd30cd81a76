package dev.migrate.internal.runtime;

import dev.migrate.ChecksumCache;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.TransactionMode;
import java.time.Duration;

/**
 * How a run behaves.
 *
 * @param lockTimeout PostgreSQL {@code lock_timeout} for the migration's statements ({@link Duration#ZERO}:
 *     none), or {@code null} for the server's setting
 * @param statementTimeout PostgreSQL {@code statement_timeout}, or {@code null}
 * @param lockWaitTimeout how long to wait for another run's migration lock
 * @param acceptChecksums store the current checksum of changed applied migrations instead of failing
 * @param waitReportInterval how often a waiting run says who it waits for
 * @param progressInterval how often a running step says how long it has run and where it is ({@link
 *     Duration#ZERO}: never)
 * @param listener hears about each step run against a database
 * @param lockRetries what is tried again after a {@code lock_timeout}
 * @param checksumCache checksums computed before from the same code
 */
public record Settings(
        String schema,
        String versionTable,
        String historyTable,
        TransactionMode transactionMode,
        Duration lockTimeout,
        Duration statementTimeout,
        Duration lockWaitTimeout,
        boolean acceptChecksums,
        Duration waitReportInterval,
        Duration progressInterval,
        MigrationLog log,
        MigrationListener listener,
        LockRetries lockRetries,
        ChecksumCache checksumCache) {

    /** How often a running step reports its progress unless told otherwise. */
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(10);

    /** Settings without a listener and without lock retries. */
    public Settings(
            String schema,
            String versionTable,
            String historyTable,
            TransactionMode transactionMode,
            Duration lockTimeout,
            Duration statementTimeout,
            Duration lockWaitTimeout,
            boolean acceptChecksums,
            Duration waitReportInterval,
            MigrationLog log) {
        this(
                schema,
                versionTable,
                historyTable,
                transactionMode,
                lockTimeout,
                statementTimeout,
                lockWaitTimeout,
                acceptChecksums,
                waitReportInterval,
                DEFAULT_PROGRESS_INTERVAL,
                log,
                MigrationListener.NONE,
                LockRetries.none(),
                ChecksumCache.NONE);
    }
}
