package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.ChecksumCache;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import dev.migrate.internal.lock.LockRetries;
import dev.migrate.internal.runtime.session.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings are built by name: each value lands where it is named, the rest keep their defaults. */
class SettingsTest {
    @Test
    void theDefaultsAreTheOnesTheMigratorDocuments() {
        Settings settings = Settings.builder().build();

        assertThat(settings.schema()).isEqualTo("public");
        assertThat(settings.versionTable()).isEqualTo("migrate_version");
        assertThat(settings.historyTable()).isEqualTo("migrate_history");
        assertThat(settings.transactionMode()).isEqualTo(TransactionMode.PER_MIGRATION);
        assertThat(settings.lockTimeout()).isEqualTo(Migrator.DEFAULT_LOCK_TIMEOUT);
        assertThat(settings.statementTimeout()).isNull();
        assertThat(settings.lockWaitTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.acceptChecksums()).isFalse();
        assertThat(settings.waitReportInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.progressInterval()).isEqualTo(Settings.DEFAULT_PROGRESS_INTERVAL);
        assertThat(settings.listener()).isSameAs(MigrationListener.NONE);
        assertThat(settings.lockRetries())
                .isEqualTo(new LockRetries(
                        Migrator.DEFAULT_LOCK_RETRIES, Duration.ofSeconds(1), Migrator.DEFAULT_LOCK_TIMEOUT));
        assertThat(settings.checksumCache()).isSameAs(ChecksumCache.NONE);
        assertThat(settings.rebuildInvalidIndexes()).isTrue();
    }

    @Test
    void aTenantsSettingsKeepWhetherInvalidIndexesAreRebuilt() {
        Settings settings = Settings.builder().rebuildInvalidIndexes(false).build();
        assertThat(settings.rebuildInvalidIndexes()).isFalse();
        assertThat(settings.forTenant("t1", MigrationLog.console(), MigrationListener.NONE, ChecksumCache.NONE)
                        .rebuildInvalidIndexes())
                .isFalse();
        assertThat(settings.forDatabase(MigrationLog.console(), MigrationListener.NONE, ChecksumCache.NONE)
                        .rebuildInvalidIndexes())
                .isFalse();
    }

    @Test
    void durationsOfOneTypeCannotTradePlaces() {
        MigrationLog log = MigrationLog.console();
        Settings settings = Settings.builder()
                .schema("ops")
                .versionTable("v")
                .historyTable("h")
                .transactionMode(TransactionMode.ALL)
                .lockTimeout(Duration.ofSeconds(1))
                .statementTimeout(Duration.ofSeconds(2))
                .lockWaitTimeout(Duration.ofSeconds(3))
                .acceptChecksums(true)
                .waitReportInterval(Duration.ofSeconds(4))
                .progressInterval(Duration.ofSeconds(5))
                .log(log)
                .lockRetries(7, Duration.ofMillis(6))
                .build();

        assertThat(settings)
                .extracting(
                        Settings::schema,
                        Settings::versionTable,
                        Settings::historyTable,
                        Settings::transactionMode,
                        Settings::lockTimeout,
                        Settings::statementTimeout,
                        Settings::lockWaitTimeout,
                        Settings::acceptChecksums,
                        Settings::waitReportInterval,
                        Settings::progressInterval,
                        Settings::log)
                .containsExactly(
                        "ops",
                        "v",
                        "h",
                        TransactionMode.ALL,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3),
                        true,
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5),
                        log);
        // the retries name the lock timeout they follow
        assertThat(settings.lockRetries()).isEqualTo(new LockRetries(7, Duration.ofMillis(6), Duration.ofSeconds(1)));
    }
}
