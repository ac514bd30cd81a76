package dev.migrate.bench;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintReport;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the lint costs over replaying the chain: a generated chain of {@code n} migrations (default
 * 500), the first half creating a table of 10 columns with an index and a foreign key each, the
 * second half adding a column and an index to one of those tables (a finding each). It prints the
 * median of 3 runs of a plain upgrade and of the lint, each on a fresh database.
 *
 * <p>Run: {@code mvn -B -q -pl migrate-lint -am test-compile exec:java -Dexec.mainClass=dev.migrate.bench.LintBenchmark
 * -Dexec.classpathScope=test} (add {@code -Dexec.args=1000} for another chain length).
 */
public final class LintBenchmark {
    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    private LintBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int tables = n / 2;
        ClassLoader loader = EngineBenchmark.compileChain(
                Files.createTempDirectory("migrate-lint-bench"),
                n,
                i -> i < tables ? createTable(i) : alterTable(i - tables),
                i -> List.of(i < tables ? "DROP TABLE t" + i : "ALTER TABLE t" + (i - tables) + " DROP COLUMN extra"));
        List<Double> upgrade = new ArrayList<>();
        List<Double> lint = new ArrayList<>();
        int findings = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            migrator(loader)
                    .dataSource(TestPostgres.freshDatabase("bench_upgrade"))
                    .build()
                    .upgrade("head");
            upgrade.add((System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            LintReport report = Lint.builder(migrator(loader).build())
                    .database(TestPostgres.freshDatabase("bench_lint"))
                    .build()
                    .run("base:heads");
            lint.add((System.nanoTime() - t1) / 1e6);
            findings = report.findings().size();
        }
        System.out.printf(
                "%,d migrations (%,d tables): upgrade %,.0f ms, lint %,.0f ms (%.1fx), %,d findings%n",
                n, tables, median(upgrade), median(lint), median(lint) / median(upgrade), findings);
    }

    private static Migrator.Builder migrator(ClassLoader loader) {
        return Migrator.builder()
                .classLoader(loader)
                .packages(EngineBenchmark.PACKAGE)
                .log(QUIET);
    }

    private static List<String> createTable(int i) {
        StringBuilder columns = new StringBuilder("id bigint PRIMARY KEY, parent bigint");
        for (int c = 0; c < 8; c++) {
            columns.append(", c").append(c).append(c % 2 == 0 ? " text" : " integer NOT NULL");
        }
        List<String> sql = new ArrayList<>(
                List.of("CREATE TABLE t" + i + " (" + columns + ")", "CREATE INDEX ix_t" + i + " ON t" + i + " (c0)"));
        if (i > 0) {
            sql.add("ALTER TABLE t" + i + " ADD CONSTRAINT fk_t" + i + " FOREIGN KEY (parent) REFERENCES t" + (i - 1)
                    + " (id)");
        }
        return sql;
    }

    private static List<String> alterTable(int i) {
        return List.of(
                "ALTER TABLE t" + i + " ADD COLUMN extra text",
                "CREATE INDEX ix_t" + i + "_extra ON t" + i + " (extra)");
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
