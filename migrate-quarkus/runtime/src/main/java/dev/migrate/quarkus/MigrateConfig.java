package dev.migrate.quarkus;

import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;
import java.util.Map;
import java.util.Optional;

/**
 * The settings the extension declares to Quarkus, so that Quarkus knows them, documents them and warns of none as
 * unknown. Their values are read as every face reads them, through the command layer's table of settings
 * ({@code QuarkusSettings}); {@code QuarkusSettingsParityTest} holds this declaration to that table. Each is text
 * here because the table reads it, with the same forms ({@code 5s}, {@code PT5S}) and messages as the other faces.
 */
@ConfigMapping(prefix = "quarkus.migrate")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface MigrateConfig {
    /** The settings of each datasource: {@code quarkus.migrate.*} for the default one. */
    @ConfigDocMapKey("datasource-name")
    @ConfigDocSection
    @WithParentName
    @WithUnnamedKey(DataSourceUtil.DEFAULT_DATASOURCE_NAME)
    @WithDefaults
    Map<String, DataSourceConfig> datasources();

    /** The settings of one datasource. */
    interface DataSourceConfig {
        /** Whether the datasource is upgraded to the target at startup, before Hibernate ORM starts. */
        @WithDefault("false")
        boolean migrateAtStart();

        /** Whether startup fails while the datasource is behind head (ignored with migrate-at-start). */
        @WithDefault("false")
        boolean validateAtStart();

        /** The revision startup upgrades to: {@code head} when unset. */
        Optional<String> target();

        /** A database URL to migrate instead of the datasource's own (a migration role's connection). */
        Optional<String> url();

        /** The user migrations log in as, on the datasource's database when no URL is set. */
        Optional<String> user();

        /** The password of that user. */
        Optional<String> password();

        /** The schema of the version and history tables. */
        Optional<String> schema();

        /** The version table's name. */
        Optional<String> versionTable();

        /** The history table's name. */
        Optional<String> historyTable();

        /** {@code per_migration} or {@code all}. */
        Optional<String> transactionMode();

        /** PostgreSQL's lock_timeout of the migrations' statements. */
        Optional<String> lockTimeout();

        /** How often a statement that timed out on a lock is tried again. */
        Optional<String> lockRetries();

        /** PostgreSQL's statement_timeout of the migrations' statements. */
        Optional<String> statementTimeout();

        /** How long a run waits for the migration lock that another run holds. */
        Optional<String> lockWaitTimeout();

        /** How often a long step reports its progress. */
        Optional<String> progressInterval();

        /** How often a run waiting on a lock says who holds it. */
        Optional<String> waitReportInterval();

        /** Whether a changed checksum of an applied revision is accepted and recorded anew. */
        Optional<String> acceptChecksums();

        /** Whether an invalid index left by a failed concurrent build is rebuilt. */
        Optional<String> rebuildInvalidIndexes();

        /** The contexts of the runs: a revision limited to contexts runs only in a run given one of them. */
        Optional<String> contexts();

        /** Whether revisions in the database that this build does not define are accepted. */
        Optional<String> acceptFutureRevisions();

        /** Whether startup and the readiness check compare the database with the schema of head. */
        Optional<String> validateDrift();

        /** Startup's validation. */
        Validate validate();

        /** The readiness check. */
        Health health();

        /** Startup's validation. */
        interface Validate {
            /** How long validate-at-start waits for a run that holds the migration lock. */
            Optional<String> waitTimeout();
        }

        /** The readiness check. */
        interface Health {
            /** How old the last drift check may be before the readiness check runs it again. */
            Optional<String> driftInterval();
        }
    }
}
