package dev.migrate.catalog.bench;

import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * What {@code validateDrift} adds to {@code Migrator.assertUpToDate()} at startup: the check at head
 * without it, then with it (the database read and compared with the snapshot of the head), on generated
 * schemas of 500 and 2,000 tables ({@link CatalogReadBenchmark}'s tables) on the embedded server. The
 * first check with drift is timed apart: it runs before the JIT has compiled the reader and the
 * comparison, as at an application's start.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl migrate-catalog -am process-test-classes -Pstartup-drift-bench
 * </pre>
 * Table counts can be changed with {@code -Dbench.tables=500,2000}, runs with {@code -Dbench.runs=9}.
 */
public final class StartupDriftBenchmark {
    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    /** The head the version table names; the tables are made beside the chain, which is all the same to the check. */
    @Revision(id = "b1", message = "the head")
    public static final class Head implements Migration {
        @Override
        public void upgrade(Operations op) {}

        @Override
        public void downgrade(Operations op) {}
    }

    private StartupDriftBenchmark() {}

    public static void main(String[] args) throws SQLException, IOException {
        List<Integer> sizes = Arrays.stream(
                        System.getProperty("bench.tables", "500,2000").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        int runs = Integer.getInteger("bench.runs", 9);
        boolean first = true;
        for (int tables : sizes) {
            DataSource db = TestPostgres.freshDatabase("startup_drift_bench");
            migrator(db, null).upgrade("head");
            CatalogReadBenchmark.createSchema(db, tables);
            Path classes = Files.createTempDirectory("startup-drift-bench");
            try (Connection c = db.getConnection()) {
                new SchemaSnapshot(
                                "b1",
                                c.getMetaData().getDatabaseMajorVersion(),
                                "public",
                                List.of(),
                                SchemaDrift.read(c, "public", Exclusions.versionTables()))
                        .writeUnder(classes);
            }
            ClassLoader application = new URLClassLoader(
                    new URL[] {classes.toUri().toURL()}, StartupDriftBenchmark.class.getClassLoader());
            String firstCheck = "";
            if (first) {
                firstCheck = String.format("; first check with drift in this JVM %.0f ms", millis(db, application));
                first = false;
            }
            double[] without = new double[runs];
            double[] with = new double[runs];
            for (int i = 0; i < runs; i++) {
                without[i] = millis(db, null);
                with[i] = millis(db, application);
            }
            Arrays.sort(without);
            Arrays.sort(with);
            System.out.printf(
                    "tables=%d: assertUpToDate median %.1f ms; with validateDrift median %.1f ms (min %.1f) over %d "
                            + "runs%s%n",
                    tables, without[runs / 2], with[runs / 2], with[0], runs, firstCheck);
        }
    }

    /** One {@code assertUpToDate()} of a new migrator, checking drift when {@code application} holds the snapshot. */
    private static double millis(DataSource db, ClassLoader application) {
        Migrator migrator = migrator(db, application);
        long start = System.nanoTime();
        migrator.assertUpToDate();
        return (System.nanoTime() - start) / 1e6;
    }

    private static Migrator migrator(DataSource db, ClassLoader application) {
        Migrator.Builder builder =
                Migrator.builder().dataSource(db).migrations(Head.class).log(QUIET);
        if (application != null) {
            builder.classLoader(application).validateDrift(true);
        }
        return builder.build();
    }
}
