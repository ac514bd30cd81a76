package dev.migrate.command.watch;

import dev.migrate.command.entity.ProviderClasses;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The dev loop kept warm: the realistic project of the whole-process benchmark (N entities of 10 columns, an
 * index, a unique constraint and a foreign key each; a chain of migrations of 100 tables as autogenerate writes
 * them) under a running {@code watch}, on the embedded default (throwaway servers: databases of the tests'
 * embedded PostgreSQL), one entity ({@code E<3N/4>}) changed and recompiled R times. Timed: from its class file
 * written into {@code target/classes} to the differences printed (check mode), and to the migration written
 * ({@code watch.write}); then the heap after a full collection after 10 and after C cycles run directly.
 * {@code -Dbench.embedded=true} compares on embedded throwaway servers kept across the cycles, as a Maven user's
 * watch does, instead of databases of the tests' server.
 *
 * <p>{@code -Dbench.compile=module} writes every class file of the module again for each edit, as {@code mvn compile}
 * does (the same bytes, the edited entity's new ones last), the clock started when the last one is written;
 * {@code slices} writes them in four slices {@value #SLICE_PAUSE_MILLIS} ms apart, longer than the debounce, as a
 * compiler that pauses between writes does (the edited entity in the last); several, comma-separated
 * ({@code one,module,slices}), are timed one after another. {@code javac} edits the entity's source and compiles every
 * source of the module with {@code javac} in a process of its own, as {@code mvn compile} in another terminal does,
 * the clock started when it ends (0 when the differences were printed before). {@code -Dbench.write=false} leaves out the timing to the
 * migration written.
 *
 * <p>Run (docs/PERFORMANCE.md, "The dev loop kept warm"):
 * {@code mvn -B -q -pl migrate-tooling-commands -am process-test-classes -Pwatch-bench -Dbench.tables=2000 -Dbench.runs=20
 * -Dbench.heapCycles=200}.
 */
public final class WatchBenchmark {
    private static final int TABLES_PER_MIGRATION = 100;
    private static final long SLICE_PAUSE_MILLIS = 300;

    /** How an edit reaches the classes. */
    private enum Burst {
        ONE("one class file written"),
        MODULE("every class file of the module written again"),
        SLICES("every class file of the module written again, in four slices"),
        JAVAC("the module compiled by javac in a process of its own"),
        MVN("the module compiled by mvn compile in a process of its own");

        final String description;

        Burst(String description) {
            this.description = description;
        }
    }

    public static void main(String[] args) throws Exception {
        int tables = Integer.getInteger("bench.tables", 2000);
        int runs = Integer.getInteger("bench.runs", 20);
        int heapCycles = Integer.getInteger("bench.heapCycles", 200);
        Path root = Path.of(System.getProperty("bench.directory", "target/watch-bench"))
                .toAbsolutePath();
        WatchedProject.deleteTree(root);
        WatchedProject project = new WatchedProject(root.resolve("project"), "bench.model", "db.migrations");
        Files.delete(project.objects); // the realistic project declares no objects
        long generating = System.nanoTime();
        generate(project, tables);
        System.out.printf(
                Locale.ROOT,
                "%,d entities and %d migrations generated and compiled in %,d ms.%n",
                tables,
                tables / TABLES_PER_MIGRATION,
                (System.nanoTime() - generating) / 1_000_000);
        int edited = tables * 3 / 4;
        Path staging = root.resolve("staging");
        // what generating and compiling the project took is not the watch's: the peak resident set starts again
        resetPeakResident();
        long cpuBefore = processorNanos();
        String compile = System.getProperty("bench.compile", "one");
        boolean write = Boolean.parseBoolean(System.getProperty("bench.write", "true"));
        // -Dbench.embedded=true: embedded throwaway servers, kept across the cycles, as a Maven user's watch has them
        project.embeddedThrowaways = Boolean.getBoolean("bench.embedded");
        try (ProviderClasses provider = ProviderClasses.of(project.classes, project.classpath())) {
            project.provider = provider;
            for (String name :
                    java.util.regex.Pattern.compile(",").splitAsStream(compile).toList()) {
                Burst module = Burst.valueOf(name.trim().toUpperCase(Locale.ROOT));
                String burst = module.description;
                List<Long> toDiff = loop(project, staging, edited, runs, false, module);
                System.out.printf(
                        Locale.ROOT,
                        "%,d entities, %d edits of E%d, %s: to differences printed: median %,d ms, worst %,d ms.%n",
                        tables,
                        runs,
                        edited,
                        burst,
                        median(toDiff),
                        Collections.max(toDiff));
                System.out.println("to differences, each run (ms): " + toDiff);
                if (write
                        && module != Burst.SLICES
                        && module != Burst.JAVAC
                        && module != Burst.MVN) { // a cycle of an earlier slice writes the last edit's
                    List<Long> toWrite = loop(project, staging, edited, runs, true, module);
                    System.out.printf(
                            Locale.ROOT,
                            "%,d entities, %d edits of E%d, %s: to migration written: median %,d ms, worst %,d ms.%n",
                            tables,
                            runs,
                            edited,
                            burst,
                            median(toWrite),
                            Collections.max(toWrite));
                    System.out.println("to migration, each run (ms): " + toWrite);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%,d entities, the loops above: processor time %.1f s (user + system, every thread), peak resident"
                            + " set %,d MB.%n",
                    tables,
                    (processorNanos() - cpuBefore) / 1e9,
                    peakResidentKilobytes() / 1024);
            heap(project, staging, edited, heapCycles);
        }
    }

    /** This process's processor time so far (user and system, all its threads). */
    private static long processorNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Starts this process's peak resident set again from its resident set now (Linux: {@code /proc/self/clear_refs}). */
    private static void resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            System.out.println("The peak resident set is not reset (" + e + "): it holds the project's generation.");
        }
    }

    /** The peak resident set of this process ({@code VmHWM}), in kB; 0 where not known. */
    private static long peakResidentKilobytes() throws IOException {
        try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
            return status.filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        }
    }

    /**
     * R edits under a running watch, each timed from the class file written to the line that ends what was asked:
     * the differences ({@code The entities differ ...}) or the migration ({@code Wrote ...}). One untimed edit
     * first, so the caches hold what a developer's previous edit left. With {@code module} or {@code slices}, every
     * class file of the module is written again, the edited one last, as a build's compiler does, and the clock starts
     * after the last.
     */
    private static List<Long> loop(
            WatchedProject project, Path staging, int edited, int runs, boolean write, Burst module) throws Exception {
        BlockingQueue<Timed> lines = new LinkedBlockingQueue<>();
        List<Long> millis = new ArrayList<>();
        boolean trace = Boolean.getBoolean("bench.trace");
        try (WatchSession session = project.start(
                new WatchCommand(project.comparison(), project.settings(write)),
                new TimedList(lines),
                new TimedList(lines))) {
            Thread running = new Thread(session::run, "watch-bench");
            long started = System.nanoTime();
            running.start();
            Timed first = awaitLine(lines, "Cycle 1 took", "", false, 0);
            System.out.printf(
                    Locale.ROOT,
                    "first cycle (every entity described, compared with the chain): %,d ms%n",
                    (first.nanos() - started) / 1_000_000);
            for (int i = 0; i <= runs; i++) {
                String tag = (write ? "w" : "c") + i;
                Path target = project.classes.resolve("bench/model/E" + edited + ".class");
                long written;
                if (module == Burst.JAVAC || module == Burst.MVN) {
                    drain(lines);
                    compileModule(project, edited, tag, module == Burst.MVN);
                    written = System.nanoTime();
                } else {
                    Path compiled = edit(project, staging, edited, tag);
                    lines.clear();
                    if (module != Burst.ONE) {
                        rewriteModule(project.classes, target, module == Burst.SLICES ? 4 : 1);
                    }
                    written = System.nanoTime();
                    Files.copy(compiled, target, StandardCopyOption.REPLACE_EXISTING);
                }
                // the differences of this edit: a cycle started by an earlier slice prints those of the last one
                Timed done = write
                        ? awaitLine(lines, "Wrote ", "", trace, written)
                        : awaitLine(lines, "ERROR The entities differ", ".dev_loop_" + tag + "\n", trace, written);
                awaitLine(lines, "took", "", trace, written);
                if (i > 0) {
                    millis.add(Math.max(0, (done.nanos() - written) / 1_000_000));
                }
                if (write) {
                    try (Stream<Path> sources = Files.list(project.sources.resolve("db/migrations"))) {
                        for (Path source : sources.filter(f -> f.toString().contains("SchemaChanges"))
                                .toList()) {
                            Files.delete(source);
                        }
                    }
                }
            }
            session.stop();
            running.join(60_000);
        }
        return millis;
    }

    /** The heap after a full collection after 10 and after {@code cycles} cycles, each with the entity changed. */
    private static void heap(WatchedProject project, Path staging, int edited, int cycles) throws Exception {
        Path one = edit(project, staging, edited, "heap_a");
        Path two = edit(project, staging, edited, "heap_b");
        List<String> lines = new ArrayList<>();
        long afterTen = 0;
        long start = System.nanoTime();
        try (WatchSession session =
                project.start(new WatchCommand(project.comparison(), project.settings(false)), lines, lines)) {
            for (int cycle = 1; cycle <= cycles; cycle++) {
                Files.copy(
                        cycle % 2 == 0 ? two : one,
                        project.classes.resolve("bench/model/E" + edited + ".class"),
                        StandardCopyOption.REPLACE_EXISTING);
                session.cycle(false, Set.of());
                lines.clear();
                if (cycle == 10) {
                    afterTen = heapAfterFullCollection();
                }
            }
        }
        long afterAll = heapAfterFullCollection();
        System.out.printf(
                Locale.ROOT,
                "Heap after a full collection: %,d MB after 10 cycles, %,d MB after %d" + " (%d cycles in %,d s).%n",
                afterTen >> 20,
                afterAll >> 20,
                cycles,
                cycles,
                (System.nanoTime() - start) / 1_000_000_000);
    }

    /** Waits until the watch has printed nothing for 3 s, the lines it printed dropped: no cycle runs. */
    private static void drain(BlockingQueue<Timed> lines) throws InterruptedException {
        while (lines.poll(3, TimeUnit.SECONDS) != null) {
            // a cycle of the last compile's later bursts
        }
    }

    /**
     * Entity {@code E<edited>}'s source with one more column named after {@code tag}, then every source of the module
     * compiled into its classes by {@code javac} in a process of its own.
     */
    private static void compileModule(WatchedProject project, int edited, String tag, boolean maven)
            throws IOException, InterruptedException {
        Path sources = project.root.resolve("src/main/java");
        String entity = entity(edited);
        Files.writeString(
                sources.resolve("bench/model/E" + edited + ".java"),
                entity.substring(0, entity.lastIndexOf('}')) + "    @Column(name = \"dev_loop_" + tag
                        + "\", length = 30)\n    private String devLoop;\n}\n");
        if (maven) {
            mavenCompile(project.root);
            return;
        }
        Path list = project.root.resolve("sources.txt");
        try (Stream<Path> tree = Files.walk(sources)) {
            Files.write(
                    list,
                    tree.filter(f -> f.toString().endsWith(".java"))
                            .map(Path::toString)
                            .sorted()
                            .toList());
        }
        Process javac = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                        "-proc:none",
                        "-nowarn",
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        project.classes.toString(),
                        "@" + list)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (javac.waitFor() != 0) {
            throw new IllegalStateException("javac failed on the module's sources");
        }
    }

    /**
     * {@code mvn -B -q -o compile} in {@code root}, as a user runs it in another terminal: a project of the entities'
     * and migrations' sources with the compiler plugin the whole-process benchmark's projects use, from the local
     * repository ({@code -Dbench.mavenRepository}, else {@code ~/.m2/repository}), which must hold migrate-engine
     * of the version {@code -Dbench.migrateVersion} names (the profile passes this build's).
     */
    private static void mavenCompile(Path root) throws IOException, InterruptedException {
        Path pom = root.resolve("pom.xml");
        if (!Files.exists(pom)) {
            Files.writeString(pom, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>dev.migrate.bench</groupId>
                      <artifactId>watch-bench</artifactId>
                      <version>1.0</version>
                      <properties>
                        <maven.compiler.release>17</maven.compiler.release>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                      </properties>
                      <dependencies>
                        <dependency>
                          <groupId>dev.migrate</groupId>
                          <artifactId>migrate-engine</artifactId>
                          <version>%s</version>
                        </dependency>
                        <dependency>
                          <groupId>jakarta.persistence</groupId>
                          <artifactId>jakarta.persistence-api</artifactId>
                          <version>3.2.0</version>
                        </dependency>
                      </dependencies>
                      <build>
                        <pluginManagement>
                          <plugins>
                            <plugin>
                              <groupId>org.apache.maven.plugins</groupId>
                              <artifactId>maven-compiler-plugin</artifactId>
                              <version>3.16.0</version>
                            </plugin>
                            <plugin>
                              <groupId>org.apache.maven.plugins</groupId>
                              <artifactId>maven-resources-plugin</artifactId>
                              <version>3.3.1</version>
                            </plugin>
                          </plugins>
                        </pluginManagement>
                      </build>
                    </project>
                    """.formatted(System.getProperty("bench.migrateVersion", "0.1.0-SNAPSHOT")));
        }
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-o"));
        String repository = System.getProperty("bench.mavenRepository");
        if (repository != null) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.add("compile");
        Process mvn = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("mvn-compile.log").toFile())
                .start();
        if (mvn.waitFor() != 0) {
            throw new IllegalStateException("mvn compile failed: see " + root.resolve("mvn-compile.log"));
        }
    }

    /** Entity {@code E<edited>} with one more column named after {@code tag}, compiled apart; its class file. */
    private static Path edit(WatchedProject project, Path staging, int edited, String tag) throws IOException {
        Path source = staging.resolve("src/bench/model/E" + edited + ".java");
        Files.createDirectories(source.getParent());
        String entity = entity(edited);
        Files.writeString(
                source,
                entity.substring(0, entity.lastIndexOf('}')) + "    @Column(name = \"dev_loop_" + tag
                        + "\", length = 30)\n    private String devLoop;\n}\n");
        Path classes = Files.createDirectories(staging.resolve("classes-" + tag));
        int status = javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-proc:none",
                        "-nowarn",
                        "-classpath",
                        project.classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                        "-d",
                        classes.toString(),
                        source.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + source);
        }
        return classes.resolve("bench/model/E" + edited + ".class");
    }

    /**
     * Writes every class file under {@code classes} but {@code edited} again with its own bytes, as a compiler that
     * compiles the whole module does: all of them read first, then written one after another, in {@code slices}
     * slices {@value #SLICE_PAUSE_MILLIS} ms apart.
     */
    private static void rewriteModule(Path classes, Path edited, int slices) throws IOException, InterruptedException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> tree = Files.walk(classes)) {
            for (Path file : tree.filter(f -> f.toString().endsWith(".class") && !f.equals(edited))
                    .toList()) {
                files.put(file, Files.readAllBytes(file));
            }
        }
        int written = 0;
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            if (written > 0 && written % ((files.size() + slices - 1) / slices) == 0) {
                Thread.sleep(SLICE_PAUSE_MILLIS);
            }
            Files.write(file.getKey(), file.getValue());
            written++;
        }
    }

    /** Waits for the line that starts with {@code start} and holds {@code containing}; with {@code trace}, prints each line and its time. */
    private static Timed awaitLine(
            BlockingQueue<Timed> lines, String start, String containing, boolean trace, long since)
            throws InterruptedException {
        while (true) {
            Timed line = lines.poll(5, TimeUnit.MINUTES);
            if (line == null) {
                throw new IllegalStateException("No line starting with '" + start + "' in 5 minutes.");
            }
            if (trace) {
                System.out.printf(
                        Locale.ROOT,
                        "  %,6d ms  %s%n",
                        (line.nanos() - since) / 1_000_000,
                        line.text().length() > 160 ? line.text().substring(0, 160) : line.text());
            }
            if ((line.text().startsWith(start) && line.text().contains(containing))
                    || (start.equals("took") && line.text().contains(" took "))) {
                return line;
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long heapAfterFullCollection() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private record Timed(long nanos, String text) {}

    /** The lines of the watch's face (its own and each cycle's), each timed as it is printed. */
    private static final class TimedList extends java.util.AbstractList<String> {
        private final BlockingQueue<Timed> lines;

        TimedList(BlockingQueue<Timed> lines) {
            this.lines = lines;
        }

        @Override
        public boolean add(String line) {
            lines.add(new Timed(System.nanoTime(), line));
            return true;
        }

        @Override
        public String get(int index) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int size() {
            return 0;
        }
    }

    private static void generate(WatchedProject project, int tables) throws IOException {
        Path model = Files.createDirectories(project.root.resolve("src/main/java/bench/model"));
        Path migrations = Files.createDirectories(project.root.resolve("src/main/java/db/migrations"));
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            sources.add(Files.writeString(model.resolve("E" + i + ".java"), entity(i)));
        }
        for (int from : IntStream.iterate(0, f -> f < tables, f -> f + TABLES_PER_MIGRATION)
                .toArray()) {
            String name = String.format(Locale.ROOT, "M%06d", from);
            sources.add(Files.writeString(
                    migrations.resolve(name + ".java"),
                    tablesMigration(from, Math.min(tables, from + TABLES_PER_MIGRATION))));
        }
        project.compileAll(sources);
    }

    /** Entity {@code i} of the whole-process benchmark: table {@code t<i>}, a key to {@code t<i-1>}. */
    private static String entity(int i) {
        String parent = i == 0
                ? "    @Column(name = \"parent_id\")\n    private Long parentId;\n"
                : "    @ManyToOne(fetch = FetchType.LAZY)\n    @JoinColumn(name = \"parent_id\", foreignKey = @ForeignKey(name = \"t"
                        + i + "_parent_fk\"))\n    private E" + (i - 1) + " parent;\n";
        return """
                package bench.model;

                import jakarta.persistence.*;
                import java.math.BigDecimal;
                import java.time.OffsetDateTime;

                @Entity
                @Table(name = "t%1$d", indexes = @Index(name = "t%1$d_created_idx", columnList = "created_at"),
                        uniqueConstraints = @UniqueConstraint(name = "t%1$d_code_key", columnNames = "code"))
                public class E%1$d {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    @Column(length = 40, nullable = false)
                    private String code;
                    @Column(length = 200)
                    private String name;
                    @Column(precision = 12, scale = 2)
                    private BigDecimal amount;
                    private int quantity;
                    private boolean active;
                    @Column(name = "created_at", nullable = false)
                    private OffsetDateTime createdAt;
                    private Double ratio;
                %2$s}
                """.formatted(i, parent);
    }

    /** The migration of tables {@code from} to {@code to - 1}, as autogenerate writes it when the entities come. */
    private static String tablesMigration(int from, int to) {
        StringBuilder upgrade = new StringBuilder();
        StringBuilder downgrade = new StringBuilder();
        for (int i = from; i < to; i++) {
            upgrade.append("""
                            op.createTable("t%1$d",
                                    column("id", "bigint").identity().primaryKey(),
                                    column("active", "boolean").notNull(),
                                    column("amount", "numeric(12,2)"),
                                    column("code", "varchar(40)").notNull().unique(),
                                    column("created_at", "timestamptz").notNull(),
                                    column("name", "varchar(200)"),
                                    column("quantity", "integer").notNull(),
                                    column("ratio", "double precision"),
                                    column("parent_id", "bigint"));
                            op.createIndex("t%1$d_created_idx", "t%1$d", "created_at");
                    """.formatted(i));
            if (i > 0) {
                upgrade.append(
                        "        op.addForeignKey(\"t%d\", foreignKey(\"t%d_parent_fk\", \"parent_id\").references(\"t%d\", \"id\"));\n"
                                .formatted(i, i, i - 1));
            }
            downgrade.insert(0, "        op.dropTable(\"t" + i + "\");\n");
        }
        String name = String.format(Locale.ROOT, "M%06d", from);
        String revises = from == 0
                ? ""
                : ", revises = \"" + String.format(Locale.ROOT, "m%06d", from - TABLES_PER_MIGRATION) + "\"";
        return """
                package db.migrations;

                import static dev.migrate.Ddl.*;

                import dev.migrate.Migration;
                import dev.migrate.Operations;
                import dev.migrate.Revision;

                @Revision(id = "%s"%s, message = "tables %d to %d")
                public class %s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                %s    }

                    @Override
                    public void downgrade(Operations op) {
                %s    }
                }
                """.formatted(name.toLowerCase(Locale.ROOT), revises, from, to - 1, name, upgrade, downgrade);
    }
}
