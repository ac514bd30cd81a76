package dev.migrate.internal.runtime.session;

import dev.migrate.ChecksumCache;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.TransactionMode;
import dev.migrate.internal.consent.Consent;
import dev.migrate.internal.lock.LockRetries;
import dev.migrate.sql.Identifiers;
import dev.migrate.text.Fixes;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a run behaves; built by name with {@link #builder()}.
 *
 * @param lockTimeout PostgreSQL {@code lock_timeout} for the migration's statements ({@link Duration#ZERO}:
 *     none), or {@code null} for the server's setting
 * @param statementTimeout PostgreSQL {@code statement_timeout}, or {@code null}
 * @param lockWaitTimeout how long to wait for another run's migration lock
 * @param acceptChecksums store the current checksum of changed applied migrations instead of failing
 * @param acceptFutureRevisions a version row no class defines means a newer build migrated the
 *     database: it is reported as ahead and an upgrade runs nothing, instead of failing
 * @param waitReportInterval how often a waiting run says who it waits for
 * @param progressInterval how often a running step says how long it has run and where it is ({@link
 *     Duration#ZERO}: never)
 * @param listener hears about each step run against a database
 * @param lockRetries what is tried again after a {@code lock_timeout}
 * @param checksumCache checksums computed before from the same code
 * @param searchPath the {@code search_path} the run's sessions set, already quoted (a tenant's schema
 *     first, then {@code public}), or {@code null} to keep the server's
 * @param rebuildInvalidIndexes drop the invalid index an interrupted concurrent build left before the
 *     migration builds it again, rather than stop before anything runs
 * @param fixes how the messages name what to run or set: the face's commands and settings
 * @param contexts the contexts of the run: a revision limited to others is left out of it
 * @param consent the consent token given, the environment read for a coding agent, whether the database is migrate's
 *     own
 */
public record Settings(
        String schema,
        String versionTable,
        String historyTable,
        TransactionMode transactionMode,
        @Nullable Duration lockTimeout,
        @Nullable Duration statementTimeout,
        Duration lockWaitTimeout,
        boolean acceptChecksums,
        boolean acceptFutureRevisions,
        Duration waitReportInterval,
        Duration progressInterval,
        MigrationLog log,
        MigrationListener listener,
        LockRetries lockRetries,
        ChecksumCache checksumCache,
        @Nullable String searchPath,
        boolean rebuildInvalidIndexes,
        Fixes fixes,
        Set<String> contexts,
        Consent consent) {

    public Settings {
        contexts = Set.copyOf(contexts);
    }

    /**
     * The {@code lock_timeout} of migration statements unless configured; {@link
     * dev.migrate.Migrator#DEFAULT_LOCK_TIMEOUT} publishes it.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How many times a step that failed on {@code lock_timeout} is tried again unless configured;
     * {@link dev.migrate.Migrator#DEFAULT_LOCK_RETRIES} publishes it.
     */
    public static final int DEFAULT_LOCK_RETRIES = 3;

    /** How often a running step reports its progress unless told otherwise. */
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(10);

    /**
     * Settings with every value at its default, changed one at a time:
     * {@code Settings.builder().lockTimeout(Duration.ofSeconds(5)).build()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * These settings for one tenant schema of a fleet: the version and history tables in it, its
     * name first on the {@code search_path}, the lines of the run told apart by {@code tenantLog},
     * the steps heard by {@code tenantListener}, and checksums from {@code cache}.
     */
    public Settings forTenant(
            String tenantSchema, MigrationLog tenantLog, MigrationListener tenantListener, ChecksumCache cache) {
        return copy(tenantSchema, tenantLog, tenantListener, cache, Identifiers.quote(tenantSchema) + ", public");
    }

    /** These settings with another log, listener and checksum cache, the tables and {@code search_path} as they are. */
    public Settings forDatabase(MigrationLog tenantLog, MigrationListener tenantListener, ChecksumCache cache) {
        return copy(schema, tenantLog, tenantListener, cache, searchPath);
    }

    private Settings copy(
            String newSchema,
            MigrationLog newLog,
            MigrationListener newListener,
            ChecksumCache newCache,
            @Nullable String newSearchPath) {
        return new Settings(
                newSchema,
                versionTable,
                historyTable,
                transactionMode,
                lockTimeout,
                statementTimeout,
                lockWaitTimeout,
                acceptChecksums,
                acceptFutureRevisions,
                waitReportInterval,
                progressInterval,
                newLog,
                newListener,
                lockRetries,
                newCache,
                newSearchPath,
                rebuildInvalidIndexes,
                fixes,
                contexts,
                consent);
    }

    /**
     * Builds {@link Settings} by name, so that no two values of one type can trade places; each
     * starts at the default {@link dev.migrate.Migrator.Builder} documents.
     */
    public static final class Builder {
        private String schema = "public";
        private String versionTable = "migrate_version";
        private String historyTable = "migrate_history";
        private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;
        private @Nullable Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private @Nullable Duration statementTimeout;
        private Duration lockWaitTimeout = Duration.ofMinutes(10);
        private boolean acceptChecksums;
        private boolean acceptFutureRevisions;
        private Duration waitReportInterval = Duration.ofSeconds(5);
        private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
        private MigrationLog log = MigrationLog.system();
        private MigrationListener listener = MigrationListener.NONE;
        private int lockRetries = DEFAULT_LOCK_RETRIES;
        private Duration lockRetryWait = Duration.ofSeconds(1);
        private ChecksumCache checksumCache = ChecksumCache.NONE;
        private boolean rebuildInvalidIndexes = true;
        private Fixes fixes = Fixes.GOALS;
        private Set<String> contexts = Set.of();
        private Consent consent = Consent.ofProcess();

        private Builder() {}

        public Builder schema(String name) {
            this.schema = name;
            return this;
        }

        public Builder versionTable(String table) {
            this.versionTable = table;
            return this;
        }

        public Builder historyTable(String table) {
            this.historyTable = table;
            return this;
        }

        public Builder transactionMode(TransactionMode mode) {
            this.transactionMode = mode;
            return this;
        }

        public Builder lockTimeout(@Nullable Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        public Builder statementTimeout(@Nullable Duration timeout) {
            this.statementTimeout = timeout;
            return this;
        }

        public Builder lockWaitTimeout(Duration timeout) {
            this.lockWaitTimeout = timeout;
            return this;
        }

        public Builder acceptChecksums(boolean accept) {
            this.acceptChecksums = accept;
            return this;
        }

        public Builder acceptFutureRevisions(boolean accept) {
            this.acceptFutureRevisions = accept;
            return this;
        }

        public Builder waitReportInterval(Duration interval) {
            this.waitReportInterval = interval;
            return this;
        }

        public Builder progressInterval(Duration interval) {
            this.progressInterval = interval;
            return this;
        }

        public Builder log(MigrationLog migrationLog) {
            this.log = migrationLog;
            return this;
        }

        public Builder listener(MigrationListener migrationListener) {
            this.listener = migrationListener;
            return this;
        }

        /** How many times a lock timeout is retried, and the first wait; the waits double. */
        public Builder lockRetries(int retries, Duration firstWait) {
            this.lockRetries = retries;
            this.lockRetryWait = firstWait;
            return this;
        }

        public Builder checksumCache(ChecksumCache cache) {
            this.checksumCache = cache;
            return this;
        }

        public Builder rebuildInvalidIndexes(boolean rebuild) {
            this.rebuildInvalidIndexes = rebuild;
            return this;
        }

        /** The contexts of the run; none: only the revisions that run in every context. */
        public Builder contexts(Set<String> names) {
            this.contexts = Set.copyOf(names);
            return this;
        }

        /** The run's consent, changed by {@code change}: a token, the environment, whether the database is migrate's. */
        public Builder consent(java.util.function.UnaryOperator<Consent> change) {
            this.consent = change.apply(consent);
            return this;
        }

        public Builder fixes(Fixes spelling) {
            this.fixes = spelling;
            return this;
        }

        /** How the messages name what to run or set, as given so far. */
        public Fixes fixes() {
            return fixes;
        }

        /** The settings; the lock retries name the lock timeout they follow in their messages. */
        public Settings build() {
            return new Settings(
                    schema,
                    versionTable,
                    historyTable,
                    transactionMode,
                    lockTimeout,
                    statementTimeout,
                    lockWaitTimeout,
                    acceptChecksums,
                    acceptFutureRevisions,
                    waitReportInterval,
                    progressInterval,
                    log,
                    listener,
                    new LockRetries(lockRetries, lockRetryWait, lockTimeout),
                    checksumCache,
                    null,
                    rebuildInvalidIndexes,
                    fixes,
                    contexts,
                    consent);
        }
    }
}
