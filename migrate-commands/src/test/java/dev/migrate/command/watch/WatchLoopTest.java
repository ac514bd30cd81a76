package dev.migrate.command.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateException;
import dev.migrate.command.entity.ProviderClasses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop as a user runs it: a class compiled into the watched classes starts a cycle through the file watcher,
 * the configured number of cycles ends the watch (failing as check fails when the last one finds differences), and
 * {@link WatchSession#stop()} ends one that has no limit.
 */
class WatchLoopTest {
    @TempDir
    Path directory;

    @Test
    void aCompiledClassStartsACycleAndTheWatchEndsAfterItsCycles() throws Exception {
        WatchedProject project = new WatchedProject(directory.resolve("project"));
        project.entity("Customer", "@Id public long id;");
        List<String> watchLines = Collections.synchronizedList(new ArrayList<>());
        List<String> cycleLines = Collections.synchronizedList(new ArrayList<>());
        Watch.Settings twoCycles = project.settings(false);
        twoCycles = new Watch.Settings(
                false, twoCycles.message(), twoCycles.sources(), false, false, 2, Duration.ofMillis(100));
        try (ProviderClasses provider = ProviderClasses.of(project.classes, project.classpath());
                WatchSession session =
                        project.start(new Watch(project.comparison(), twoCycles), watchLines, cycleLines)) {
            project.provider = provider;
            AtomicReference<Throwable> ended = new AtomicReference<>();
            Thread running = new Thread(
                    () -> {
                        try {
                            session.run();
                        } catch (RuntimeException e) {
                            ended.set(e);
                        }
                    },
                    "watch-loop-test");
            running.start();
            await(() -> watchLines.stream().anyMatch(line -> line.startsWith("Cycle 1 took")));

            project.entity("Customer", "@Id public long id; public String name;");
            running.join(TimeUnit.MINUTES.toMillis(2));

            assertThat(running.isAlive())
                    .as("the watch ended after its two cycles")
                    .isFalse();
            assertThat(session.cycles()).isEqualTo(2);
            assertThat(watchLines).anyMatch(line -> line.startsWith("Comparing after ") && line.endsWith("changed."));
            // the first cycle's differences are printed and the watch goes on; the last one's end it as check ends:
            // failing, so that a script or CI that runs a number of cycles sees them in its exit code
            assertThat(cycleLines)
                    .filteredOn(line -> line.startsWith("ERROR The entities differ"))
                    .hasSize(1);
            assertThat(ended.get())
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("The entities differ from the schema at head in 1 way:");
            assertThat(watchLines).anyMatch(line -> line.startsWith("Cycle 2 took") && line.endsWith("ms."));
            // the second cycle described the changed entity: its table alone built again
            assertThat(cycleLines).anyMatch(line -> line.contains("only the table whose DDL changed was built"));
        }
    }

    @Test
    void stopEndsAWatchWithoutALimit() throws Exception {
        WatchedProject project = new WatchedProject(directory.resolve("project"));
        project.entity("Customer", "@Id public long id;");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (WatchSession session =
                project.start(new Watch(project.comparison(), project.settings(false)), lines, lines)) {
            Thread running = new Thread(session::run, "watch-stop-test");
            running.start();
            await(() -> lines.stream().anyMatch(line -> line.startsWith("Cycle 1 took")));
            session.stop();
            running.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(running.isAlive()).as("the watch ended once stopped").isFalse();
            assertThat(session.cycles()).isEqualTo(1);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 2 minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
