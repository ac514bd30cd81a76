package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.AppliedStep;
import dev.migrate.Migration;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationStep;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.StepDirection;
import dev.migrate.StepProgress;
import dev.migrate.internal.text.Elapsed;
import dev.migrate.internal.text.OneLine;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A long step says when it starts, that it is still running and where, and when it is done. */
@LongSuite
class StepProgressTest {
    private DataSource db;
    private final Fixtures.RecordingLog log = new Fixtures.RecordingLog();

    @Revision(id = "s1", message = "create reports")
    public static class CreateReports implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE reports (id bigint)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE reports");
        }
    }

    @Revision(id = "s2", revises = "s1", message = "backfill reports")
    public static class SlowBackfill implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("INSERT INTO reports\n    SELECT 1 FROM pg_sleep(1.3)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DELETE FROM reports");
        }
    }

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase("progress");
    }

    @Test
    void aLongStepReportsItsStartItsProgressWithTheStatementAndItsEnd() {
        List<String> events = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void beforeStep(MigrationStep step) {
                events.add("before " + step.revision());
            }

            @Override
            public void duringStep(StepProgress progress) {
                events.add("during " + progress.step().revision() + " "
                        + progress.step().direction() + " " + progress.elapsed().toMillis() / 100 * 100 + " ms: "
                        + progress.statement());
            }

            @Override
            public void afterStep(AppliedStep step) {
                events.add("after " + step.revision());
            }
        };
        Migrator.builder()
                .dataSource(db)
                .migrations(CreateReports.class, SlowBackfill.class)
                .progressInterval(Duration.ofMillis(500))
                .listener(listener)
                .log(log)
                .build()
                .upgrade("head");

        assertThat(log.lines.get(0)).isEqualTo("Running upgrade <base> -> s1, create reports");
        assertThat(log.lines.get(1)).matches("Finished upgrade <base> -> s1 in \\d+ ms\\.");
        assertThat(log.lines.subList(2, log.lines.size()))
                .as("a start line, two progress lines naming the statement on one line, the end")
                .hasSize(4)
                .satisfies(lines -> {
                    assertThat(lines.get(0)).isEqualTo("Running upgrade s1 -> s2, backfill reports");
                    assertThat(lines.get(1))
                            .isEqualTo("Still running upgrade s1 -> s2 after 1 s; now running: "
                                    + "INSERT INTO reports SELECT 1 FROM pg_sleep(1.3)");
                    assertThat(lines.get(2)).startsWith("Still running upgrade s1 -> s2 after 1 s;");
                    assertThat(lines.get(3)).matches("Finished upgrade s1 -> s2 in 1\\d\\d\\d ms\\.");
                });
        assertThat(events)
                .containsExactly(
                        "before s1",
                        "after s1",
                        "before s2",
                        "during s2 UPGRADE 500 ms: INSERT INTO reports SELECT 1 FROM pg_sleep(1.3)",
                        "during s2 UPGRADE 1000 ms: INSERT INTO reports SELECT 1 FROM pg_sleep(1.3)",
                        "after s2");
    }

    @Test
    void progressBeforeTheFirstStatementNamesNoStatementYetRatherThanNull() throws Exception {
        List<String> statements = new CopyOnWriteArrayList<>();
        Migrator.builder()
                .dataSource(db)
                .migrations(CreateReports.class)
                .progressInterval(Duration.ofMillis(100))
                .listener(new MigrationListener() {
                    @Override
                    public void beforeStep(MigrationStep step) {
                        try {
                            Thread.sleep(350); // still hearing that the step starts when progress is due
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void duringStep(StepProgress progress) {
                        statements.add(String.valueOf(progress.statement()));
                    }
                })
                .log(log)
                .build()
                .upgrade("head");

        // the ticks during the 350 ms before the first statement; a late tick on a busy machine may see it
        assertThat(statements).isNotEmpty().doesNotContain("null");
        assertThat(statements.get(0)).isEqualTo("(starting)");
        assertThat(log.lines).anyMatch(l -> l.equals("Still running upgrade <base> -> s1 after 0 s."));
    }

    @Test
    void aListenerThatFailsWhileHearingProgressDoesNotStopTheMigration() {
        Migrator.builder()
                .dataSource(db)
                .migrations(CreateReports.class, SlowBackfill.class)
                .progressInterval(Duration.ofMillis(500))
                .listener(new MigrationListener() {
                    @Override
                    public void duringStep(StepProgress progress) {
                        throw new IllegalStateException("metrics are down");
                    }
                })
                .log(log)
                .build()
                .upgrade("head");
        assertThat(log.lines)
                .filteredOn(l -> l.startsWith("WARN "))
                .containsExactly("WARN The migration listener failed while hearing the progress of s2 "
                        + "(java.lang.IllegalStateException: metrics are down); the migration goes on.");
        assertThat(log.lines).anyMatch(l -> l.startsWith("Finished upgrade s1 -> s2 in "));
    }

    @Test
    void aZeroIntervalReportsNoProgress() {
        Migrator.builder()
                .dataSource(db)
                .migrations(CreateReports.class, SlowBackfill.class)
                .progressInterval(Duration.ZERO)
                .log(log)
                .build()
                .upgrade("head");
        assertThat(log.lines).noneMatch(l -> l.startsWith("Still running"));
        assertThat(log.lines).hasSize(4);
    }

    @Test
    void aDowngradeReportsInItsDirection() {
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(CreateReports.class, SlowBackfill.class)
                .log(log)
                .build();
        m.upgrade("head");
        log.lines.clear();
        m.downgrade("base");
        // first the plan, shown before anything is dropped (docs/howto/agents.md)
        assertThat(log.lines.remove(0)).startsWith("WARN This downgrade on ").contains("DROP TABLE reports");
        assertThat(log.lines.get(0)).isEqualTo("Running downgrade s2 -> s1, backfill reports");
        assertThat(log.lines.get(1)).matches("Finished downgrade s2 -> s1 in \\d+ ms\\.");
        assertThat(log.lines.get(2)).isEqualTo("Running downgrade s1 -> <base>, create reports");
        assertThat(m.downgrade("base").applied()).isEmpty();
    }

    @Test
    void aStatementIsShownOnOneLineAndCut() {
        assertThat(OneLine.of("UPDATE t\n   SET a = 1\tWHERE b")).isEqualTo("UPDATE t SET a = 1 WHERE b");
        String longer = "UPDATE customers SET status = 'x' WHERE id IN (" + "1, ".repeat(60) + "2)";
        assertThat(OneLine.of(longer)).hasSize(OneLine.STATEMENT_CHARS + 4).endsWith(" ...");
        assertThat(Elapsed.exactly(Duration.ofMillis(12))).isEqualTo("12 ms");
        assertThat(Elapsed.exactly(Duration.ofMillis(25_340))).isEqualTo("25.3 s");
        assertThat(Elapsed.exactly(Duration.ofSeconds(245))).isEqualTo("4 min 5 s");
        assertThat(Elapsed.roughly(Duration.ofMillis(10_004))).isEqualTo("10 s");
        assertThat(Elapsed.roughly(Duration.ofMinutes(2))).isEqualTo("2 min");
        assertThat(StepDirection.UPGRADE).isNotNull();
    }
}
