package dev.migrate.autogen;

import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Times the comparison of a declared table of 300 rows ({@code db/data/countries.csv}, seven columns of text,
 * numeric, date, boolean and array types) with the same table at head, 10 rows changed, 5 added and 5 removed:
 * the file read and parsed, the table's shape read, the declared values read as the column types read them, the
 * rows at head read, and the inserts, updates and deletes made. The first run in the process (cold: classes
 * loaded, statements planned) and the median and 90th percentile of 50 after 20 more, on the embedded server.
 * Run with {@code mvn -B -q -pl autogen -am process-test-classes -Prows-bench}.
 */
public final class RowsBenchmark {
    private static final int ROWS = 300;

    private RowsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("rows-bench");
        StringBuilder csv = new StringBuilder("code,name,region,population,founded,member,tags\n");
        for (int i = 0; i < ROWS; i++) {
            if (i % 60 == 7) {
                continue; // 5 rows removed
            }
            String name = i % 30 == 3 ? "Renamed " + i : "Country " + i; // 10 rows changed
            csv.append(code(i))
                    .append(',')
                    .append(name)
                    .append(",R")
                    .append(i % 7)
                    .append(',')
                    .append(i * 1000.5)
                    .append(",19")
                    .append(10 + i % 90)
                    .append("-01-0")
                    .append(1 + i % 9)
                    .append(',')
                    .append(i % 2 == 0)
                    .append(",\"{a,b")
                    .append(i)
                    .append("}\"\n");
        }
        for (int i = ROWS; i < ROWS + 5; i++) {
            csv.append(code(i)).append(",New ").append(i).append(",R1,1,2000-01-01,true,{}\n");
        }
        Files.writeString(data.resolve("countries.csv"), csv);
        try (Connection c = TestPostgres.freshDatabase("rows_bench").getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE countries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text UNIQUE"
                    + " NOT NULL, name text NOT NULL, region text, population numeric(14,1), founded date, member"
                    + " boolean, tags text[])");
            s.execute("INSERT INTO countries (code, name, region, population, founded, member, tags)"
                    + " SELECT 'C' || lpad(g::text, 4, '0'), 'Country ' || g, 'R' || (g % 7), g * 1000.5,"
                    + " make_date(1910 + g % 90, 1, 1 + g % 9), g % 2 = 0, ARRAY['a', 'b' || g]"
                    + " FROM generate_series(0, " + (ROWS - 1) + ") g");
            long cold = time(c, data, true);
            for (int i = 0; i < 20; i++) {
                time(c, data, false);
            }
            List<Long> runs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                runs.add(time(c, data, false));
            }
            Collections.sort(runs);
            System.out.printf(
                    Locale.ROOT,
                    "declared table of %d rows against the rows at head (10 changed, 5 added, 5 removed):%n"
                            + "  first in the process %.1f ms; then median %.1f ms, p90 %.1f ms (50 runs)%n",
                    ROWS,
                    cold / 1e6,
                    runs.get(runs.size() / 2) / 1e6,
                    runs.get(runs.size() * 9 / 10) / 1e6);
        }
    }

    private static String code(int i) {
        return String.format(Locale.ROOT, "C%04d", i);
    }

    private static long time(Connection c, Path data, boolean print) {
        long start = System.nanoTime();
        MigrationScript script = new RowsComparison(c, "public", 10_000)
                .compare(
                        MigrationScript.empty(),
                        DeclaredRows.in(data, "db/data", "public").inContexts(Set.of()))
                .everywhere();
        long took = System.nanoTime() - start;
        if (print) {
            script.descriptions().forEach(line -> System.out.println("  " + line));
        }
        if (script.changes().size() != 3) {
            throw new IllegalStateException("Expected an insert, an update and a delete: " + script.descriptions());
        }
        return took;
    }
}
