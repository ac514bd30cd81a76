package dev.migrate.bench;

import static dev.migrate.testing.ClassLocations.location;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Twenty modules against one chain of the same length: the upgrade of a fresh database from base to the heads,
 * the time of building the migrator and of {@code current} on the upgraded one. Each chain creates one table and
 * inserts a row per revision; each module but the first depends on the one before it, so the graph orders twenty
 * chains where the plain build has one.
 *
 * <p>Run: {@code mvn -B -q -pl migrate-engine -am test-compile exec:java
 * -Dexec.mainClass=dev.migrate.bench.ModulesBenchmark -Dexec.classpathScope=test} ({@code -Dexec.args="2000 20 5"}:
 * revisions in all, modules, runs).
 */
public final class ModulesBenchmark {
    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    private ModulesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int modules = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("migrate-modules-bench");
        ClassLoader one = compile(dir.resolve("one"), revisions, 1, false);
        ClassLoader many = compile(dir.resolve("many"), revisions, modules, true);
        System.out.printf(
                "%,d revisions: one chain vs %d modules of %,d, %d runs each, median (min) in ms%n",
                revisions, modules, revisions / modules, runs);
        report("one chain", one, runs);
        report(modules + " modules", many, runs);
    }

    private static void report(String name, ClassLoader loader, int runs) throws Exception {
        double[] upgrade = new double[runs];
        double[] build = new double[runs];
        double[] current = new double[runs];
        for (int run = -1; run < runs; run++) { // run -1 warms the JVM up
            DataSource database = TestPostgres.freshDatabase("bench_modules");
            long start = System.nanoTime();
            migrator(database, loader).upgrade("heads");
            long upgraded = System.nanoTime();
            Migrator built = migrator(database, loader);
            long builtAt = System.nanoTime();
            int rows = built.current().size();
            long end = System.nanoTime();
            if (run >= 0) {
                upgrade[run] = (upgraded - start) / 1e6;
                build[run] = (builtAt - upgraded) / 1e6;
                current[run] = (end - builtAt) / 1e6;
            }
            if (rows == 0) {
                throw new IllegalStateException("nothing applied for " + name);
            }
        }
        System.out.printf(
                "%-12s upgrade %8.0f (%8.0f)   build %6.0f (%6.0f)   current %5.1f (%5.1f)%n",
                name, median(upgrade), min(upgrade), median(build), min(build), median(current), min(current));
    }

    private static Migrator migrator(DataSource database, ClassLoader loader) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(loader)
                .packages("bench.modules")
                .log(QUIET)
                .build();
    }

    /** {@code revisions} revisions in {@code modules} packages under {@code bench.modules}, compiled. */
    private static ClassLoader compile(Path dir, int revisions, int modules, boolean declared) throws IOException {
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> files = new ArrayList<>();
        int each = revisions / modules;
        for (int m = 0; m < modules; m++) {
            String module = String.format("m%02d", m);
            Path src = Files.createDirectories(dir.resolve("src/bench/modules/" + module));
            String pkg = "bench.modules." + module;
            if (declared) {
                Path info = src.resolve("package-info.java");
                Files.writeString(
                        info,
                        "@dev.migrate.annotations.MigrationModule(name = \"" + module + "\""
                                + (m == 0 ? "" : ", dependsOn = \"" + String.format("m%02d", m - 1) + "\"")
                                + ")\npackage " + pkg + ";\n");
                files.add(info.toString());
            }
            String table = "bench_" + module;
            for (int i = 0; i < (modules == 1 ? revisions : each); i++) {
                String id = String.format("r%05d", i);
                String name = "M" + id;
                String revises = i == 0 ? "" : ", revises = \"" + String.format("r%05d", i - 1) + "\"";
                String upgrade =
                        i == 0 ? "CREATE TABLE " + table + " (n int)" : "INSERT INTO " + table + " VALUES (" + i + ")";
                String downgrade = i == 0 ? "DROP TABLE " + table : "DELETE FROM " + table + " WHERE n = " + i;
                Path file = src.resolve(name + ".java");
                Files.writeString(
                        file,
                        "package " + pkg + ";\n@dev.migrate.Revision(id = \"" + id + "\"" + revises + ")\n"
                                + "public class " + name + " implements dev.migrate.Migration {\n"
                                + "  public void upgrade(dev.migrate.Operations op) { op.execute(\"" + upgrade
                                + "\"); }\n"
                                + "  public void downgrade(dev.migrate.Operations op) { op.execute(\"" + downgrade
                                + "\"); }\n}\n");
                files.add(file.toString());
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(Arrays.asList(
                "-d",
                out.toString(),
                "-cp",
                location(dev.migrate.Migration.class)
                        + java.io.File.pathSeparator
                        + location(dev.migrate.Operations.class)
                        + java.io.File.pathSeparator
                        + location(dev.migrate.annotations.MigrationModule.class),
                "-proc:none",
                "-nowarn"));
        arguments.addAll(files);
        if (javac.run(null, null, System.err, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("Compiling the generated modules failed");
        }
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, ModulesBenchmark.class.getClassLoader());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }
}
