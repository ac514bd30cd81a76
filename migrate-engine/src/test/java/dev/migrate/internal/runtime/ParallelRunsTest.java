package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Several runs at once apply each migration exactly once: the advisory lock serializes them. */
@LongSuite
class ParallelRunsTest {

    @Test
    void threadsApplyEachMigrationOnce() throws Exception {
        String database = TestPostgres.createDatabase("parallel_threads");
        DataSource db = TestPostgres.dataSource(database);
        int runs = 6;
        CyclicBarrier start = new CyclicBarrier(runs);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                results.add(pool.submit(() -> {
                    Migrator m = Migrator.builder()
                            .dataSource(db)
                            .migrations(Fixtures.CHAIN)
                            .log(quiet())
                            .build();
                    start.await();
                    m.upgrade("head");
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get(60, TimeUnit.SECONDS); // rethrows any run's failure
            }
        } finally {
            pool.shutdownNow();
        }
        assertAppliedOnce(db);
    }

    @Test
    void separateProcessesApplyEachMigrationOnce() throws Exception {
        String database = TestPostgres.createDatabase("parallel_jvms");
        String url = TestPostgres.jdbcUrl(database);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = Files.createTempFile("migrate-run-" + i, ".log");
            outputs.add(out);
            processes.add(new ProcessBuilder(java, "-cp", classpath, UpgradeMain.class.getName(), url)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start());
        }
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(120, TimeUnit.SECONDS))
                    .as("process %d finished", i)
                    .isTrue();
            assertThat(p.exitValue())
                    .as("exit code of process %d:%n%s", i, Files.readString(outputs.get(i)))
                    .isZero();
        }
        assertAppliedOnce(TestPostgres.dataSource(database));
        long ran = 0;
        for (Path out : outputs) {
            ran += Files.readAllLines(out).stream()
                    .filter(l -> l.startsWith("Running upgrade"))
                    .count();
            Files.deleteIfExists(out);
        }
        assertThat(ran).as("upgrade lines over all processes").isEqualTo(3);
    }

    private static void assertAppliedOnce(DataSource db) throws Exception {
        assertThat(query(
                        db,
                        "SELECT revision || ':' || count(*) FROM migrate_history WHERE direction = 'upgrade' "
                                + "GROUP BY revision ORDER BY revision"))
                .containsExactly("r1:1", "r2:1", "r3:1");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");
    }

    private static MigrationLog quiet() {
        return new Fixtures.RecordingLog();
    }

    /** Entry point of the child processes: upgrade the fixture chain on the given URL. */
    public static final class UpgradeMain {
        public static void main(String[] args) {
            // standard output, which the parent process counts lines of
            Migrator.builder()
                    .url(args[0], null, null)
                    .migrations(Fixtures.CHAIN)
                    .log(MigrationLog.console())
                    .build()
                    .upgrade("head");
        }
    }
}
