package dev.migrate.command.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateException;
import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.command.tooling.CheckCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop as a user runs it: a class compiled into the watched classes starts a cycle through the file watcher,
 * the configured number of cycles ends the watch (failing as check fails when the last one finds differences), and
 * {@link WatchSession#stop()} ends one that has no limit. A change is a file whose bytes changed: a build that writes
 * every class file of the module again starts a cycle for the entities it changed, and none when it changed none.
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
        WatchCommand.Settings twoCycles = project.settings(false);
        twoCycles = new WatchCommand.Settings(
                false, twoCycles.message(), twoCycles.sources(), false, false, 2, Duration.ofMillis(100));
        try (ProviderClasses provider = ProviderClasses.of(project.classes, project.classpath());
                WatchSession session =
                        project.start(new WatchCommand(project.comparison(), twoCycles), watchLines, cycleLines)) {
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
            await(() -> printed(watchLines, "Cycle 1 took"));

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
                project.start(new WatchCommand(project.comparison(), project.settings(false)), lines, lines)) {
            Thread running = new Thread(session::run, "watch-stop-test");
            running.start();
            await(() -> printed(lines, "Cycle 1 took"));
            session.stop();
            running.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(running.isAlive()).as("the watch ended once stopped").isFalse();
            assertThat(session.cycles()).isEqualTo(1);
        }
    }

    @Test
    void aRecompiledModuleIsComparedAsTheOneEntityWhoseBytesChanged() throws Exception {
        WatchedProject project = threeEntities();
        Path staging = directory.resolve("staging");
        project.entityInto(staging, "Customer", "@Id public long id; public String name;");
        try (Running watch = new Running(project)) {
            // as a build's compiler does: every class file written again, one of them with new bytes
            rewriteEveryFile(project.classes);
            Files.copy(
                    staging.resolve("app/Customer.class"),
                    project.classes.resolve("app/Customer.class"),
                    StandardCopyOption.REPLACE_EXISTING);
            watch.awaitCycle(2);

            // one burst, as a compiler writes it: "(2 more files written again with the same bytes)" follows
            assertThat(watch.watchLines)
                    .anyMatch(line -> line.startsWith("Comparing after target/classes/app/Customer.class changed"))
                    .noneMatch(line -> line.startsWith("Comparing after 3 files"));
            // the cycle described the changed entity: its table alone built again
            assertThat(watch.cycleLines).anyMatch(line -> line.contains("only the table whose DDL changed was built"));
        }
    }

    /**
     * Each change's cycle builds the changed table on a throwaway server: the first cycle that needs one starts it,
     * the cycles after compare on a database of their own on the same server, and the watch's end stops it (its
     * data directory is gone).
     */
    @Test
    void theCyclesShareOneThrowawayServerWhichTheWatchsEndStops() throws Exception {
        WatchedProject project = threeEntities();
        project.embeddedThrowaways = true;
        Path staging = directory.resolve("staging");
        List<String> started;
        try (Running watch = new Running(project)) {
            for (int cycle = 2; cycle <= 4; cycle++) {
                project.entityInto(staging, "Customer", "@Id public long id; public String name" + cycle + ";");
                Files.copy(
                        staging.resolve("app/Customer.class"),
                        project.classes.resolve("app/Customer.class"),
                        StandardCopyOption.REPLACE_EXISTING);
                watch.awaitCycle(cycle);
            }
            assertThat(watch.cycleLines)
                    .filteredOn(line -> line.contains("only the table whose DDL changed was built"))
                    .hasSize(3);
            started = watch.cycleLines.stream()
                    .filter(line -> line.contains("Starting a throwaway embedded PostgreSQL"))
                    .toList();
            assertThat(started).as("one server for the three cycles").hasSize(1);
        }
        Matcher data = Pattern.compile("with its data in (\\S+?),? ").matcher(started.get(0));
        assertThat(data.find()).as(started.get(0)).isTrue();
        assertThat(Path.of(data.group(1)))
                .as("stopped and deleted with the watch")
                .doesNotExist();
    }

    /**
     * A watch on a fresh checkout whose entities match the chain: its first cycle reads the schema at head from the
     * migrations' SQL and starts no server. Behind it, while the user edits, the server the cycles compare on starts
     * and the chain is replayed into the replay cache, so that the first change neither starts a server nor replays:
     * its cycle takes the schema at head from the cache and builds the changed table on that server. Then a plain
     * {@code check} on the same caches, with the change compiled back, finds nothing: what was kept is the chain's.
     */
    @Test
    void behindAFirstCycleWithoutAServerTheServerStartsAndTheChainIsReplayedSoTheFirstChangeDoesNeither()
            throws Exception {
        WatchedProject project = freshCheckoutOfThreeTables();
        Path staging = directory.resolve("staging");
        project.entityInto(staging, "Customer", "@Id public long id; public String name;");
        Path customer = project.classes.resolve("app/Customer.class");
        byte[] original = Files.readAllBytes(customer);
        try (Running watch = new Running(project)) {
            watch.awaitReadied();
            assertThat(watch.cycleLines)
                    .anyMatch(line -> line.startsWith("The schema at head read from the SQL of the"))
                    .anyMatch(line -> line.startsWith("No differences"));
            assertThat(watch.watchLines)
                    .anyMatch(line -> line.startsWith("Ready for the next change in ")
                            && line.endsWith(": the throwaway PostgreSQL it compares on is up, and the schema at"
                                    + " head is in the replay cache."));
            List<String> readied = watch.serverStartedOnceBehindTheFirstCycle();
            // of the replay behind it, nothing is printed but the server's start
            assertThat(readied).noneMatch(line -> line.startsWith("Running upgrade"));

            Files.copy(staging.resolve("app/Customer.class"), customer, StandardCopyOption.REPLACE_EXISTING);
            watch.awaitCycle(2);
            assertThat(watch.cycleLinesAfter(readied))
                    .as("the first change's cycle")
                    .noneMatch(line -> line.contains("Starting a throwaway embedded PostgreSQL"))
                    .noneMatch(line -> line.contains("are replayed"))
                    .anyMatch(line -> line.contains("the migrations were not replayed; of the entity side only the"
                            + " table whose DDL changed was built"))
                    .anyMatch(line -> line.startsWith("ERROR The entities differ from the schema at head in 1 way"));
        }
        // the same caches, the edit compiled back: a plain check finds the entities in sync with the chain's schema as
        // the watch's ready-ahead replayed and compared it, and reads or starts nothing
        Files.write(customer, original);
        List<String> check = new ArrayList<>();
        try (WatchCommand.Cycle cycle = project.cycle(check)) {
            new CheckCommand(project.comparison()).run(cycle.context(), cycle.entities());
        }
        assertThat(check)
                .anyMatch(line -> line.contains("matched the schema at head (1 migration on PostgreSQL")
                        && line.contains("when last compared"))
                .noneMatch(line -> line.contains("Starting a throwaway embedded PostgreSQL"))
                .anyMatch(line -> line.startsWith("No differences"));
    }

    /**
     * A watch started where the caches hold both sides but no build of the entity side, every comparison so far having
     * read it without building it (a check on a fresh checkout, then an autogenerate that found nothing to write): its
     * first cycle is answered by the caches and starts no server. Behind it the server starts and the entity side is
     * built once, so that the first change builds its own table alone rather than every entity's.
     */
    @Test
    void behindAFirstCycleAnsweredByTheCachesTheEntitySideIsBuiltSoTheFirstChangeBuildsItsTableAlone()
            throws Exception {
        WatchedProject project = freshCheckoutOfThreeTables();
        assertThat(project.autogenerate("nothing"))
                .anyMatch(line -> line.contains("read without building it"))
                .anyMatch(line -> line.startsWith("No changes detected"));
        Path staging = directory.resolve("staging");
        project.entityInto(staging, "Customer", "@Id public long id; public String name;");
        try (Running watch = new Running(project)) {
            watch.awaitReadied();
            assertThat(watch.cycleLines)
                    .anyMatch(
                            line -> line.contains("when last compared") && line.contains("nothing was read or built"));
            List<String> readied = watch.serverStartedOnceBehindTheFirstCycle();

            Files.copy(
                    staging.resolve("app/Customer.class"),
                    project.classes.resolve("app/Customer.class"),
                    StandardCopyOption.REPLACE_EXISTING);
            watch.awaitCycle(2);
            assertThat(watch.cycleLinesAfter(readied))
                    .as("the first change's cycle")
                    .noneMatch(line -> line.contains("Starting a throwaway embedded PostgreSQL"))
                    .anyMatch(line -> line.contains("the migrations were not replayed; of the entity side only the"
                            + " table whose DDL changed was built"));
        }
    }

    /**
     * As Maven's compiler plugin recompiles a module when a source changed: every class file it wrote deleted, then,
     * after a pause longer than the debounce (and than the wait for a removed class), all written again, one with new
     * bytes. Nothing is compared while they are gone (before, a cycle found no entities and failed, and the next
     * compared every file as changed); the cycle that follows names the one class whose bytes changed.
     */
    @Test
    void aModuleDeletedAndWrittenAgainIsComparedOnceAsTheOneEntityWhoseBytesChanged() throws Exception {
        WatchedProject project = threeEntities();
        Path staging = directory.resolve("staging");
        project.entityInto(staging, "Customer", "@Id public long id; public String name;");
        Map<Path, byte[]> compiled = new java.util.TreeMap<>();
        try (Stream<Path> tree = Files.walk(project.classes)) {
            for (Path file : tree.filter(Files::isRegularFile).toList()) {
                compiled.put(file, Files.readAllBytes(file));
            }
        }
        compiled.put(
                project.classes.resolve("app/Customer.class"),
                Files.readAllBytes(staging.resolve("app/Customer.class")));
        try (Running watch = new Running(project)) {
            for (Path file : compiled.keySet()) {
                Files.delete(file);
            }
            watch.await(line -> line.startsWith("Every class file deleted (3)"));
            Thread.sleep(2_500);
            assertThat(watch.session.cycles())
                    .as("no cycle while the classes are gone")
                    .isEqualTo(1);
            for (Map.Entry<Path, byte[]> file : compiled.entrySet()) {
                Files.write(file.getKey(), file.getValue());
            }
            watch.awaitCycle(2);

            assertThat(watch.watchLines)
                    .anyMatch(line -> line.startsWith("Comparing after target/classes/app/Customer.class changed (2"
                            + " more files written again with the same bytes)"));
            assertThat(watch.cycleLines)
                    .noneMatch(line -> line.contains("No JPA entities were found"))
                    .anyMatch(line -> line.contains("only the table whose DDL changed was built"));
            Thread.sleep(1_500);
            assertThat(watch.session.cycles()).isEqualTo(2);
        }
    }

    @Test
    void aBurstOfTheSameBytesComparesNothing() throws Exception {
        WatchedProject project = threeEntities();
        project.declare("views.sql", "CREATE VIEW order_ids AS SELECT id FROM orders;\n");
        try (Running watch = new Running(project)) {
            rewriteEveryFile(project.classes);
            watch.await(line -> line.endsWith("nothing to compare again."));

            assertThat(watch.watchLines)
                    .contains("3 files written again with the same bytes: nothing to compare again.")
                    .noneMatch(line -> line.startsWith("Comparing after"));
            assertThat(watch.session.cycles()).isEqualTo(1);

            rewriteEveryFile(project.objects);
            watch.await(line -> line.equals(
                    "src/main/resources/db/objects/views.sql written again with the same bytes: nothing to compare"
                            + " again."));
            assertThat(watch.session.cycles()).isEqualTo(1);
        }
    }

    @Test
    void aDeletedClassARenamedClassAndARenamedFileAreSeen() throws Exception {
        WatchedProject project = threeEntities();
        project.declare("views.sql", "CREATE VIEW order_ids AS SELECT id FROM orders;\n");
        Path staging = directory.resolve("staging");
        project.entityInto(staging, "Item", "@Id public long id;");
        try (Running watch = new Running(project)) {
            project.deleteEntity("Orders");
            watch.awaitCycle(2);
            assertThat(watch.watchLines).contains("Comparing after target/classes/app/Orders.class changed.");

            // a class renamed: the old file gone, the new one written
            Files.delete(project.classes.resolve("app/Product.class"));
            Files.copy(staging.resolve("app/Item.class"), project.classes.resolve("app/Item.class"));
            watch.awaitCycle(3);
            assertThat(watch.watchLines).contains("Comparing after 2 files changed.");

            // a file of the declared objects renamed, its bytes the same
            Files.move(project.objects.resolve("views.sql"), project.objects.resolve("order_views.sql"));
            watch.awaitCycle(4);
            assertThat(watch.watchLines)
                    .filteredOn(line -> line.equals("Comparing after 2 files changed."))
                    .hasSize(2);
        }
    }

    @Test
    void aBurstAfterACycleThatFailedBeforeItComparedComparesAgain() throws Exception {
        WatchedProject project = threeEntities();
        Path staging = directory.resolve("staging");
        project.entityInto(staging, "Customer", "@Id public long id; public String name;");
        Path customer = project.classes.resolve("app/Customer.class");
        try (Running watch = new Running(project)) {
            // the cycle fails before it compares, as when it reads a class file while a compiler writes it
            project.failingCycles.set(1);
            Files.copy(staging.resolve("app/Customer.class"), customer, StandardCopyOption.REPLACE_EXISTING);
            watch.awaitCycle(2);
            assertThat(watch.watchLines).anyMatch(line -> line.startsWith("ERROR The project's classes"));

            // the same bytes again: compared, the last cycle having failed before it compared
            Files.write(customer, Files.readAllBytes(customer));
            watch.awaitCycle(3);
            assertThat(watch.watchLines)
                    .contains("Comparing again after 1 file written again with the same bytes, as the last cycle"
                            + " failed before it compared.");
            // compared: the differences of the first cycle, and of this one
            assertThat(watch.cycleLines)
                    .filteredOn(line -> line.startsWith("ERROR The entities differ"))
                    .hasSize(2);

            // compared, differences found: the same bytes once more compare nothing
            Files.write(customer, Files.readAllBytes(customer));
            watch.await(line -> line.endsWith("nothing to compare again."));
            assertThat(watch.session.cycles()).isEqualTo(3);
        }
    }

    /**
     * An edited entity is described alone with the entities it references, the rest of the model as the last cycle
     * described it or found it in the entity cache; an edit of a table that another entity adds a column to is described with every entity again, and
     * the cycle says why. Either way the cycle finds what the edits changed, and nothing else.
     */
    @Test
    void anEditedEntityIsDescribedAloneUnlessAnotherEntityAddsToItsTable() throws Exception {
        WatchedProject project = new WatchedProject(directory.resolve("project"));
        project.entity("Customer", "@Id public long id; public String name;");
        project.entity("Product", "@Id public long id;");
        project.entity(
                "Tag",
                "@Id public long id; @OneToMany @JoinColumn(name = \"tag_id\") public java.util.List<Product> products;");
        project.entity("Orders", "@Id public long id; @ManyToOne public Customer customer;");
        // the chain's head is this model: the cycles find the edits alone
        project.autogenerate("model");
        project.compileMigrations();
        // a check before the watch: its first cycle finds the model in the entity cache, and keeps it for the edits
        try (WatchCommand.Cycle check = project.cycle(new ArrayList<>())) {
            new CheckCommand(project.comparison()).run(check.context(), check.entities());
        }
        try (Running watch = new Running(project)) {
            assertThat(watch.cycleLines)
                    .contains("No differences: the entities match the schema at head.")
                    .noneMatch(line -> line.startsWith("Asking the project's JPA provider"));
            project.entity("Orders", "@Id public long id; @ManyToOne public Customer customer; public String note;");
            watch.awaitCycle(2);
            assertThat(watch.cycleLines)
                    .contains("Described app.Orders alone, before and after the change, with the entities it"
                            + " references; the rest of the model as the last description has it.")
                    .anyMatch(line -> line.startsWith("ERROR The entities differ from the schema at head in 1 way:")
                            && line.contains("- added column public.orders.note"));

            project.entity("Product", "@Id public long id; public String color;");
            watch.awaitCycle(3);
            assertThat(watch.cycleLines)
                    .contains("Describing every entity again, as app.Product cannot be described alone: the model"
                            + " writes the table product with what other entities add to it.")
                    .anyMatch(line -> line.startsWith("ERROR The entities differ from the schema at head in 2 ways:")
                            && line.contains("- added column public.orders.note")
                            && line.contains("- added column public.product.color"));
        }
    }

    @Test
    void aMigrationIsRecordedAgainWhenAProjectClassItCallsChangesAndOnlyThen() throws Exception {
        WatchedProject project = new WatchedProject(directory.resolve("project"));
        project.entity("Customer", "@Id public long id; public String name;");
        Path migrations = project.sources.resolve("app/migrations");
        Files.createDirectories(migrations);
        Path helper = migrations.resolve("Columns.java");
        Files.writeString(helper, columns("name"));
        Path migration = Files.writeString(migrations.resolve("M1.java"), """
                package app.migrations;
                @dev.migrate.Revision(id = "m1", message = "customers", revises = {})
                public class M1 implements dev.migrate.Migration {
                    public void upgrade(dev.migrate.Operations op) {
                        op.execute("CREATE TABLE customer (id bigint NOT NULL, " + Columns.name()
                                + " varchar(255), PRIMARY KEY (id))");
                    }
                    public void downgrade(dev.migrate.Operations op) {
                        op.execute("DROP TABLE customer");
                    }
                }
                """);
        project.compileAll(List.of(helper, migration));
        try (Running watch = new Running(project)) {
            assertThat(watch.cycleLines).contains("No differences: the entities match the schema at head.");
            // the helper the migration calls now names another column: the chain's head changed with it
            Files.writeString(helper, columns("label"));
            project.compileAll(List.of(helper));
            watch.awaitCycle(2);
            assertThat(watch.cycleLines)
                    .anyMatch(line -> line.startsWith("ERROR The entities differ from the schema at head")
                            && line.contains("public.customer.name"));
            // an edit of the entity alone: the migration's recording serves, and the head is still the helper's
            project.entity("Customer", "@Id public long id; public String label;");
            watch.awaitCycle(3);
            List<String> lines = List.copyOf(watch.cycleLines);
            int differed = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("ERROR The entities differ")) {
                    differed = i;
                }
            }
            assertThat(lines.subList(differed + 1, lines.size()))
                    .contains("No differences: the entities match the schema at head.");
        }
    }

    /** A helper class of the migrations, naming a column. */
    private static String columns(String column) {
        return "package app.migrations;\nclass Columns {\n    static String name() {\n        return \"" + column
                + "\";\n    }\n}\n";
    }

    /** A project of three entities, {@code Customer}, {@code Orders} and {@code Product}, compiled. */
    /**
     * {@link #threeEntities()} with the migration of their three tables compiled, its caches deleted as on a fresh
     * checkout, compared on embedded throwaway servers as a new project's defaults have it.
     */
    private WatchedProject freshCheckoutOfThreeTables() throws IOException {
        WatchedProject project = threeEntities();
        project.autogenerate("three tables");
        project.compileMigrations();
        WatchedProject.deleteTree(project.caches);
        project.embeddedThrowaways = true;
        return project;
    }

    private WatchedProject threeEntities() throws IOException {
        WatchedProject project = new WatchedProject(directory.resolve("project"));
        project.entity("Customer", "@Id public long id;");
        project.entity("Orders", "@Id public long id;");
        project.entity("Product", "@Id public long id;");
        return project;
    }

    /** Writes every file under {@code root} again with the bytes it holds. */
    private static void rewriteEveryFile(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path file : tree.filter(Files::isRegularFile).sorted().toList()) {
                Files.write(file, Files.readAllBytes(file));
            }
        }
    }

    /** A watch without a limit running on a thread of its own, its first cycle done; stopped when closed. */
    private static final class Running implements AutoCloseable {
        final List<String> watchLines = Collections.synchronizedList(new ArrayList<>());
        final List<String> cycleLines = Collections.synchronizedList(new ArrayList<>());
        final ProviderClasses provider;
        final WatchSession session;
        final Thread thread;

        Running(WatchedProject project) throws InterruptedException {
            provider = ProviderClasses.of(project.classes, project.classpath());
            project.provider = provider;
            session = project.start(
                    new WatchCommand(project.comparison(), project.settings(false)), watchLines, cycleLines);
            thread = new Thread(session::run, "watch-digest-test");
            thread.start();
            awaitCycle(1);
        }

        /** The cycles' lines so far, in which one server start is printed: the one behind the first cycle. */
        List<String> serverStartedOnceBehindTheFirstCycle() {
            List<String> readied = List.copyOf(cycleLines);
            assertThat(readied)
                    .filteredOn(line -> line.contains("Starting a throwaway embedded PostgreSQL"))
                    .as("the server started behind the first cycle")
                    .hasSize(1);
            return readied;
        }

        /** The cycles' lines printed after {@code earlier}, the lines there were before. */
        List<String> cycleLinesAfter(List<String> earlier) {
            synchronized (cycleLines) {
                return List.copyOf(cycleLines.subList(earlier.size(), cycleLines.size()));
            }
        }

        /** Waits for what the first cycle readies behind it for the next change (a cycle that started no server). */
        void awaitReadied() throws InterruptedException {
            await(line -> line.startsWith("Ready for the next change") || line.startsWith("Not readied ahead"));
        }

        void awaitCycle(int cycle) throws InterruptedException {
            await(line -> line.startsWith("Cycle " + cycle + " took"));
        }

        void await(java.util.function.Predicate<String> line) throws InterruptedException {
            WatchLoopTest.await(() -> {
                synchronized (watchLines) {
                    return watchLines.stream().anyMatch(line);
                }
            });
        }

        @Override
        public void close() {
            session.stop();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                session.close();
                provider.close();
            }
        }
    }

    /** Whether a line of {@code lines}, which the watch's thread adds to meanwhile, starts with {@code start}. */
    private static boolean printed(List<String> lines, String start) {
        synchronized (lines) {
            return lines.stream().anyMatch(line -> line.startsWith(start));
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
