package dev.migrate.command.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch holds what it keeps, and nothing of an earlier cycle: after 100 cycles, each with the entity class
 * changed and described again by the provider, the heap after a full collection is within 5% of its size after
 * 10, and no class loader of an earlier cycle (the project's, nor the entities' under the kept provider) is
 * reachable. Cycles are run directly, the file watcher aside, to keep the test short. A cycle that kept 11 kB
 * (5% of the 20 MB measured after 10, over 90 cycles) fails it; the runs so far grew 0.5% in 190 cycles.
 */
class WatchMemoryTest {
    private static final int CYCLES = 100;

    @TempDir
    Path directory;

    @Test
    void twoHundredCyclesKeepTheHeapAndNoEarlierClassLoader() throws IOException, InterruptedException {
        WatchedProject project = new WatchedProject(directory.resolve("project"));
        Files.delete(project.objects); // no declared objects: nothing to apply on a throwaway server
        project.entityCache = false; // the provider describes the entities every cycle
        List<String> lines = new ArrayList<>();
        // with a URL, the entity side is built in a scratch schema rolled back: no database made per cycle
        project.entity("Customer", "@Id public long id; public String name;");
        project.autogenerate("customers");
        project.compileMigrations();
        String database = TestPostgres.createDatabase("watch_memory");
        try (WatchCommand.Cycle upgrade = project.cycle(lines)) {
            upgrade.context()
                    .migrations(true)
                    .dataSource(TestPostgres.dataSource(database))
                    .build()
                    .upgrade("head");
        }
        project.configured = database;
        lines.clear();
        Path one = directory.resolve("one");
        Path two = directory.resolve("two");
        project.entityInto(one, "Customer", "@Id public long id; public String name;");
        project.entityInto(two, "Customer", "@Id public long id; public String name; public String email;");
        Path customer = project.classes.resolve("app/Customer.class");
        Files.createDirectories(customer.getParent());
        List<WeakReference<ClassLoader>> entityLoaders = new ArrayList<>();
        long afterTen = 0;
        try (ProviderClasses provider = ProviderClasses.of(project.classes, project.classpath());
                WatchSession session =
                        project.start(new WatchCommand(project.comparison(), project.settings(false)), lines, lines)) {
            project.provider = provider;
            for (int i = 1; i <= CYCLES; i++) {
                int cycle = i;
                Files.copy(
                        (cycle % 2 == 0 ? two : one).resolve("app/Customer.class"),
                        customer,
                        StandardCopyOption.REPLACE_EXISTING);
                session.cycle(false, Set.of());
                assertThat(lines)
                        .as("cycle " + cycle)
                        .anyMatch(line -> line.contains(
                                cycle % 2 == 0
                                        ? "The entities differ"
                                        : "No differences: the entities match the schema at head."));
                lines.clear();
                entityLoaders.add(
                        new WeakReference<>(provider.lastProjectLoader().orElseThrow()));
                if (cycle == 10) {
                    afterTen = heapAfterFullCollection();
                }
            }
            long afterAll = heapAfterFullCollection();
            System.out.printf(
                    "Heap after a full collection: %,d bytes after 10 cycles, %,d after %d.%n",
                    afterTen, afterAll, CYCLES);
            assertThat(afterAll)
                    .as("heap after %d cycles, against %d bytes after 10", CYCLES, afterTen)
                    .isLessThanOrEqualTo(afterTen + afterTen / 20);
            assertThat(project.cycleLoaders)
                    .hasSize(CYCLES + 2); // and the two that wrote and applied the first migration
            assertThat(reachable(project.cycleLoaders))
                    .as("the cycles' class loaders still reachable")
                    .isZero();
            // the last one may be held by the provider until the next run: weakly, by its design
            assertThat(reachable(entityLoaders.subList(0, CYCLES - 1)))
                    .as("the entities' class loaders of earlier cycles still reachable")
                    .isZero();
        }
    }

    private static long heapAfterFullCollection() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** How many of {@code loaders} are still held once collections had the chance to clear them. */
    private static long reachable(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
        for (int i = 0; i < 20 && loaders.stream().anyMatch(l -> l.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        return loaders.stream().filter(l -> l.get() != null).count();
    }
}
