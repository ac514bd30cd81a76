package dev.migrate.bench;

import static dev.migrate.testing.ClassLocations.location;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.discovery.MigrationScanner;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Benchmark of the engine over a generated linear chain of trivial migrations (default 5,000):
 * graph build plus {@code current}, offline rendering, and applying the chain compared with the same
 * SQL sent through plain JDBC in the same transactions (the floor).
 *
 * <p>Run: {@code mvn -B -q -pl migrate-engine -am test-compile exec:java -Dexec.mainClass=dev.migrate.bench.EngineBenchmark
 * -Dexec.classpathScope=test} (add {@code -Dexec.args=2000} for another chain length).
 */
public final class EngineBenchmark {
    public static final String PACKAGE = "bench.chain";
    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    private EngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("migrate-bench");
        System.out.printf("Generating and compiling %,d migration classes...%n", n);
        ClassLoader loader = generateChain(dir, n);

        DataSource applied = TestPostgres.freshDatabase("bench_current");
        Migrator.builder()
                .dataSource(applied)
                .classLoader(loader)
                .packages(PACKAGE)
                .log(QUIET)
                .build()
                .upgrade("head");

        // graph build (discovery of n classes + validation) and current, after warm-up
        Callable<Object> buildAndCurrent = () -> Migrator.builder()
                .dataSource(applied)
                .classLoader(loader)
                .packages(PACKAGE)
                .log(QUIET)
                .build()
                .current();
        Migrator built = Migrator.builder()
                .dataSource(applied)
                .classLoader(loader)
                .packages(PACKAGE)
                .log(QUIET)
                .build();
        Callable<Object> currentOnly = built::current;
        Stats buildCurrent = time(buildAndCurrent, 10, 20);
        Stats discovery = time(() -> new MigrationScanner(loader, List.of(PACKAGE)).scan(), 10, 20);
        List<RevisionInfo> infos = new MigrationScanner(loader, List.of(PACKAGE))
                .scan().stream().map(DiscoveredMigration::info).toList();
        Stats graph = time(() -> RevisionGraph.of(infos), 10, 20);
        Stats current = time(currentOnly, 20, 50);

        Callable<Object> offline = () -> {
            StringWriter out = new StringWriter();
            built.upgradeSql("head", out);
            return out.toString().length();
        };
        Stats render = time(offline, 3, 10);

        // applying: our runner against the floor, alternating, each on a fresh database
        List<Long> ours = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            DataSource a = TestPostgres.freshDatabase("bench_apply");
            long t0 = System.nanoTime();
            Migrator.builder()
                    .dataSource(a)
                    .classLoader(loader)
                    .packages(PACKAGE)
                    .log(QUIET)
                    .build()
                    .upgrade("head");
            ours.add(System.nanoTime() - t0);

            DataSource b = TestPostgres.freshDatabase("bench_floor");
            long t1 = System.nanoTime();
            plainJdbc(b, n);
            floor.add(System.nanoTime() - t1);
        }
        ours.sort(null);
        floor.sort(null);
        double oursMs = ours.get(1) / 1e6;
        double floorMs = floor.get(1) / 1e6;

        System.out.printf(Locale.ROOT, "%nChain of %,d revisions (medians after warm-up)%n", n);
        System.out.printf(
                Locale.ROOT, "  build graph + current : %8.1f ms (min %.1f)%n", buildCurrent.median, buildCurrent.min);
        System.out.printf(
                Locale.ROOT, "    of which discovery  : %8.1f ms (min %.1f)%n", discovery.median, discovery.min);
        System.out.printf(Locale.ROOT, "    of which graph      : %8.1f ms (min %.1f)%n", graph.median, graph.min);
        System.out.printf(Locale.ROOT, "  current (graph built) : %8.2f ms (min %.2f)%n", current.median, current.min);
        System.out.printf(Locale.ROOT, "  offline SQL, all      : %8.1f ms (min %.1f)%n", render.median, render.min);
        System.out.printf(Locale.ROOT, "  apply all (migrate)   : %8.0f ms%n", oursMs);
        System.out.printf(Locale.ROOT, "  apply all (plain JDBC): %8.0f ms  (floor)%n", floorMs);
        System.out.printf(
                Locale.ROOT, "  ratio                 : %8.2f x the floor (target <= 1.30)%n", oursMs / floorMs);
        System.exit(0);
    }

    /** The floor: the same statements and bookkeeping, one transaction per migration, no framework. */
    private static void plainJdbc(DataSource ds, int n) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS migrate_version (version_num varchar(64) NOT NULL PRIMARY KEY)");
            s.execute("CREATE TABLE IF NOT EXISTS migrate_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "revision varchar(64) NOT NULL, direction varchar(10) NOT NULL, message text, checksum varchar(64), "
                    + "applied_by text NOT NULL DEFAULT current_user, applied_at timestamptz NOT NULL DEFAULT clock_timestamp(), "
                    + "duration_ms bigint)");
            for (int i = 0; i < n; i++) {
                c.setAutoCommit(false);
                s.execute(statementOf(i));
                String id = id(i);
                String bookkeeping = (i == 0
                                ? ""
                                : "DELETE FROM public.migrate_version WHERE version_num IN ('" + id(i - 1) + "');\n")
                        + "INSERT INTO public.migrate_version (version_num) VALUES ('" + id + "');\n"
                        + "INSERT INTO public.migrate_history (revision, direction, message, checksum, duration_ms) VALUES ('"
                        + id + "', 'upgrade', 'step " + i
                        + "', '0000000000000000000000000000000000000000000000000000000000000000', 0)";
                s.execute(bookkeeping);
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    private static String id(int i) {
        return String.format("v%05d", i);
    }

    private static String statementOf(int i) {
        return i == 0 ? "CREATE TABLE bench_log (n int)" : "INSERT INTO bench_log (n) VALUES (" + i + ")";
    }

    private static ClassLoader generateChain(Path dir, int n) throws IOException {
        return compileChain(
                dir,
                n,
                i -> List.of(statementOf(i)),
                i -> List.of(i == 0 ? "DROP TABLE bench_log" : "DELETE FROM bench_log WHERE n = " + i));
    }

    /**
     * Writes and compiles a linear chain of {@code n} migrations in package {@value #PACKAGE}, the
     * i-th running {@code upgrade.apply(i)} and {@code downgrade.apply(i)} through {@code op.execute}.
     */
    public static ClassLoader compileChain(
            Path dir, int n, IntFunction<List<String>> upgrade, IntFunction<List<String>> downgrade)
            throws IOException {
        Path src = dir.resolve("src/bench/chain");
        Path out = dir.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(out);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "M" + id(i);
            String revises = i == 0 ? "" : ", revises = \"" + id(i - 1) + "\"";
            Path file = src.resolve(name + ".java");
            Files.writeString(
                    file,
                    "package " + PACKAGE + ";\n"
                            + "@dev.migrate.Revision(id = \"" + id(i) + "\"" + revises + ", message = \"step " + i
                            + "\")\n"
                            + "public class " + name + " implements dev.migrate.Migration {\n"
                            + "  public void upgrade(dev.migrate.Operations op) {" + calls(upgrade.apply(i)) + "}\n"
                            + "  public void downgrade(dev.migrate.Operations op) {" + calls(downgrade.apply(i)) + "}\n"
                            + "}\n");
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> argsList =
                new ArrayList<>(Arrays.asList("-d", out.toString(), "-cp", engineClasses(), "-proc:none", "-nowarn"));
        argsList.addAll(files);
        int rc = javac.run(null, null, System.err, argsList.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("Compiling the generated chain failed");
        }
        try {
            return new URLClassLoader(new URL[] {out.toUri().toURL()}, EngineBenchmark.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String calls(List<String> statements) {
        StringBuilder java = new StringBuilder();
        for (String sql : statements) {
            java.append(" op.execute(\"").append(sql.replace("\"", "\\\"")).append("\");");
        }
        return java.append(' ').toString();
    }

    /** Where the engine's classes are: under exec:java the JVM class path is Maven's own. */
    private static String engineClasses() {
        return location(dev.migrate.Migration.class)
                + java.io.File.pathSeparator
                + location(dev.migrate.Operations.class);
    }

    private record Stats(double median, double min) {}

    private static Stats time(Callable<Object> work, int warmup, int runs) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Stats(ms[runs / 2], ms[0]);
    }
}
