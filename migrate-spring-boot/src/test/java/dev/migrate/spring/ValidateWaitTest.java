package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.AppliedStep;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.NotAtHeadException;
import dev.migrate.spring.fixtures.M1CreateThings;
import dev.migrate.spring.fixtures.M2SeedThings;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code migrate.mode=validate} while a migration Job runs: another migrator (the Job) holds the migration lock and
 * is slow between its two revisions, while the application context starts in validate mode on the same database.
 */
class ValidateWaitTest {
    private DataSource dataSource;
    private ApplicationContextRunner runner;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("validate_wait"));
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(M2SeedThings.class, () -> new M2SeedThings("from-spring"))
                .withPropertyValues("migrate.packages=dev.migrate.spring.fixtures", "migrate.mode=validate");
    }

    /**
     * The Job: upgrades to head, pausing {@code pause} after the first revision with the lock held; {@code
     * midway} opens once the first revision is applied.
     */
    private CompletableFuture<Void> job(Duration pause, CountDownLatch midway) {
        Migrator job = Migrator.builder()
                .dataSource(dataSource)
                .migrations(new M1CreateThings(), new M2SeedThings("from-the-job"))
                .listener(new MigrationListener() {
                    @Override
                    public void afterStep(AppliedStep step) {
                        if (step.revision().equals("s1")) {
                            midway.countDown();
                            try {
                                Thread.sleep(pause.toMillis());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                })
                .build();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> job.upgrade("head"));
        try {
            assertThat(midway.await(30, TimeUnit.SECONDS))
                    .as("the job applied its first revision")
                    .isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(MigratorTools.of(job).migrationLockHolders())
                .as("the job holds the migration lock")
                .hasSize(1);
        return running;
    }

    @Test
    void validateWaitsForTheRunningMigrationAndStartsOnceTheDatabaseIsAtHead() throws Exception {
        CompletableFuture<Void> running = job(Duration.ofSeconds(3), new CountDownLatch(1));
        long start = System.nanoTime();
        runner.withPropertyValues("migrate.validate.wait-timeout=60s").run(context -> {
            assertThat(context).hasNotFailed();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(1));
        running.get(30, TimeUnit.SECONDS);
        assertThat(query("SELECT version_num FROM migrate_version")).containsExactly("s2");
        assertThat(query("SELECT name FROM things")).containsExactly("from-the-job");
    }

    @Test
    void validateGivesUpAfterTheWaitTimeoutNamingTheSettingAndTheRunThatHoldsTheLock() throws Exception {
        CompletableFuture<Void> running = job(Duration.ofSeconds(8), new CountDownLatch(1));
        long start = System.nanoTime();
        runner.withPropertyValues("migrate.validate.wait-timeout=2s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(NotAtHeadException.class)
                    .hasMessageStartingWith(
                            "The database is not at head: it is at s1 while the migrations' heads are " + "s2.")
                    .hasMessageContaining("A migrate run (server process ")
                    .hasMessageContaining("still holds the migration lock after 2 s of waiting: raise "
                            + "migrate.validate.wait-timeout (2 s now) for a longer migration");
            // Spring Boot's failure analysis keeps the wait, and says what validate is
            assertThat(new MigrateFailureAnalyzer(new StandardEnvironment())
                            .analyze(context.getStartupFailure())
                            .getDescription())
                    .startsWith("The database is not at head: it is at s1 while the migrations' heads are s2. A "
                            + "migrate run (server process ")
                    .contains("raise migrate.validate.wait-timeout (2 s now)")
                    .endsWith(" migrate.mode=validate checks the database at startup and changes nothing.");
        });
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(8));
        running.get(30, TimeUnit.SECONDS);
        assertThat(query("SELECT version_num FROM migrate_version")).containsExactly("s2");
    }

    @Test
    void aDatabaseBehindHeadThatNoRunIsMigratingFailsAtOnceDespiteTheWait() {
        long start = System.nanoTime();
        runner.withPropertyValues("migrate.validate.wait-timeout=5m").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(NotAtHeadException.class)
                    .hasMessageStartingWith("The database is not at head: it is at base (no revision applied)")
                    .message()
                    .doesNotContain("wait-timeout");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
