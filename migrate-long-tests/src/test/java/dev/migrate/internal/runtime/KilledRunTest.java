package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.testing.TestPostgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of many migrations, each sent as one round trip with its version-table update and history row, killed
 * with kill -9 at many points: after every kill the version row, the history and the schema agree (each applied
 * migration's table there, its history row there once, nothing of the next one), no session of the killed run
 * holds anything, and the next run goes on from there. Each kill lands wherever the run is: between round trips,
 * in the middle of one, or while the server commits it.
 */
class KilledRunTest {
    private static final int MIGRATIONS = 120;

    @TempDir
    Path classes;

    @Test
    void aRunKilledAtAnyPointLeavesTheVersionRowTheHistoryAndTheSchemaAgreeing() throws Exception {
        compileChain();
        String database = TestPostgres.createDatabase("killed_run");
        DataSource db = TestPostgres.dataSource(database);
        List<Integer> killedAt = new ArrayList<>();
        // kill as soon as the run has applied a few more, each time further along, until the chain is at head
        for (int round = 0; round < 12 && applied(db) < MIGRATIONS; round++) {
            int before = applied(db);
            int target = Math.min(MIGRATIONS, before + 3 + round * 2);
            Path out = Files.createTempFile("migrate-killed-run", ".log");
            Process child =
                    Fixtures.startJvm(out, List.of(classes), KilledRunMain.class, TestPostgres.jdbcUrl(database));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && applied(db) < target) {
                assertThat(System.nanoTime())
                        .as("the run applies migrations: %s", Files.readString(out))
                        .isLessThan(deadline);
                Thread.sleep(1);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            awaitNoSessionOf(db);
            int now = applied(db);
            killedAt.add(now);
            assertAgreeing(db, now);
            Files.deleteIfExists(out);
        }
        assertThat(killedAt)
                .as("killed in the middle of the chain, again and again")
                .hasSizeGreaterThan(3);

        // the next run finishes the chain from where the last one was killed
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Migrator.builder()
                    .dataSource(db)
                    .classLoader(loader)
                    .packages("killedrun")
                    .log(new Fixtures.RecordingLog())
                    .build()
                    .upgrade("head");
        }
        assertAgreeing(db, MIGRATIONS);
    }

    /** Runs the chain up to head, as a process that is killed. */
    public static final class KilledRunMain {
        public static void main(String[] args) {
            Migrator.builder()
                    .url(args[0], "postgres", null)
                    .packages("killedrun")
                    .log(MigrationLog.console())
                    .build()
                    .upgrade("head");
        }
    }

    /** How many migrations the version row says are applied: 0 before the first. */
    private static int applied(DataSource db) throws Exception {
        if (query(db, "SELECT to_regclass('migrate_version') IS NULL").equals(List.of("t"))) {
            return 0;
        }
        List<String> version = query(db, "SELECT version_num FROM migrate_version");
        assertThat(version).as("one version row at most").hasSizeLessThanOrEqualTo(1);
        return version.isEmpty() ? 0 : Integer.parseInt(version.get(0).substring(1));
    }

    /** The version row at {@code applied}, the tables of the migrations up to it and no other, a history row each. */
    private static void assertAgreeing(DataSource db, int applied) throws Exception {
        assertThat(applied(db)).isEqualTo(applied);
        List<String> tables = query(
                db,
                "SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE 'k\\_%' "
                        + "AND relnamespace = 'public'::regnamespace ORDER BY relname");
        assertThat(tables)
                .as("the tables of the applied migrations, and none of the next")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, applied)
                        .mapToObj(KilledRunTest::table)
                        .sorted()
                        .toList());
        if (applied > 0) {
            assertThat(query(db, "SELECT revision FROM migrate_history WHERE direction = 'upgrade' ORDER BY id"))
                    .as("one history row per applied migration, in order, none for one not applied")
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, applied)
                            .mapToObj(KilledRunTest::revision)
                            .toList());
        }
    }

    /** Waits until the server has ended the killed run's sessions (it notices the closed socket). */
    private static void awaitNoSessionOf(DataSource db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!query(
                        db,
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                + "AND pid <> pg_backend_pid() AND application_name = 'migrate'")
                .equals(List.of("0"))) {
            assertThat(System.nanoTime()).as("the killed run's sessions ended").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * The chain of {@link #MIGRATIONS} one-table migrations, each also waiting 10 ms on the server: a run applies
     * them more slowly than this test's polling sees them, so a kill lands near its target on a loaded machine too
     * (without it a run raced from 4 to 98 migrations between two polls while the build ran beside it).
     */
    private void compileChain() throws Exception {
        Path sources = Files.createDirectories(classes.resolve("src/killedrun"));
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= MIGRATIONS; i++) {
            Path file = sources.resolve("K" + i + ".java");
            Files.writeString(file, """
                    package killedrun;

                    import dev.migrate.Migration;
                    import dev.migrate.Operations;
                    import dev.migrate.Revision;

                    @Revision(id = "%s"%s, message = "table %d")
                    public class K%d implements Migration {
                        @Override
                        public void upgrade(Operations op) {
                            op.execute("CREATE TABLE %s (id int PRIMARY KEY, note text)");
                            op.execute("SELECT pg_sleep(0.01)");
                        }

                        @Override
                        public void downgrade(Operations op) {
                            op.execute("DROP TABLE %s");
                        }
                    }
                    """.formatted(
                    revision(i), i == 1 ? "" : ", revises = \"" + revision(i - 1) + "\"", i, i, table(i), table(i)));
            files.add(file.toString());
        }
        List<String> arguments = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-proc:none"));
        arguments.addAll(files);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)))
                .as("the chain compiles")
                .isZero();
    }

    private static String revision(int i) {
        return String.format(Locale.ROOT, "k%04d", i);
    }

    private static String table(int i) {
        return String.format(Locale.ROOT, "k_%04d", i);
    }
}
