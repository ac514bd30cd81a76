package dev.migrate.autogen.bench;

import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.scratch.ScratchSchema;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Times autogenerate's comparison on generated entity models of 500 and 2,000 tables, on the
 * embedded PostgreSQL server. Each entity maps a table with an identity key, 10 columns, an index,
 * a unique constraint and a foreign key to the previous table (DESIGN section 3). The entities are
 * written as Java source, compiled in-process with {@code javax.tools} and loaded by a
 * {@link URLClassLoader} whose parent is this class's loader.
 *
 * <p>What is timed, each after warm-up, as median and minimum:
 * <ul>
 * <li>the provider: {@link EntityDdl#generate} with a fresh entity loader each run (Hibernate's own
 *     classes warm); its first run in the JVM (cold); and runs in an isolated loader holding a fresh
 *     copy of every jar (Hibernate's classes loaded and interpreted anew, as the plugin's first run
 *     in a Maven JVM is). The provider is reported beside the comparison, not in it;</li>
 * <li>the steps of the comparison ({@link Comparisons#compare}), repeated here one by one with the same calls:
 *     the live catalog read, the first scratch materialization and read, rendering the ops, the
 *     second (normalizing) materialization and read, and the diff; and one scratch pass taken apart
 *     (create schema and run the DDL, read, drop);</li>
 * <li>the whole comparison ({@link Comparisons#compare}), in the steady state: the generated upgrade is
 *     applied to the live database once, so the comparison finds nothing (asserted); and the same
 *     with a warm {@link EntitySchemaCache}, as repeated runs with unchanged entities see it (the
 *     entity side read from a file, no scratch schema).</li>
 * </ul>
 * Statements and catalog queries per side are counted in a separate run through a counting
 * connection, never while timing.
 *
 * <p>Run from the repository root (other builds on the machine skew the figures; the load average
 * is printed):
 * <pre>
 * mvn -B -q -pl autogen -am process-test-classes -Pautogen-bench
 * </pre>
 * Options: {@code -Dbench.tables=500,2000}, {@code -Dbench.runs=5}, {@code -Dbench.warmup=2}, {@code
 * -Dbench.readied=true} (only a watch cycle's changed table on a connection opened for it and on one readied ahead),
 * {@code -Dbench.isolatedRuns=2} (0 skips the isolated-loader provider runs), {@code -Dbench.batch=200}.
 *
 * <p>Measured on an otherwise idle 2-core machine (load average about 1.4), embedded PostgreSQL 18,
 * Hibernate 7.4.6, 3 runs after 1 warm-up; median / min in ms. Hibernate writes 3 statements per
 * table (5,999 for 2,000 tables).
 * <pre>
 *                                               500 tables        2,000 tables
 * live catalog read (7 queries)                 74.8 / 74.6       274.2 / 261.0
 * entity side: scratch build + read           1740.3 / 1546.4    6601.9 / 6467.6
 * diff                                          42.7 / 28.7        18.6 / 18.4
 * comparison, whole                           1685.1 / 1677.7    9921.9 / 7855.2
 * comparison, warm entity cache                  (not run)       449.2 / 390.4 *
 *   entity side from the warm cache                (not run)        49.7 / 42.4 *
 *   autocommit pass apart: DDL one by one     1710.2 / 1380.1    7350.7 / 7193.8
 *   autocommit pass apart: catalog read        119.0 / 110.3      318.7 / 316.7
 *   autocommit pass apart: DROP SCHEMA         565.5 / 491.8     2603.6 / 2556.4
 * provider, warm Hibernate (beside)            726.5 / 677.8     2173.9 / 2043.4
 * provider, fresh Hibernate classes (beside)  2163.1             3333.9
 * </pre>
 * (*) A later run (load average 1.7 to 2.9) beside which the uncached comparison took 11770.3 /
 * 10926.1: the cached model of 2,000 tables is a file of 1.7 MB, read with its key in about 50 ms.
 * Catalog queries: live side 7; entity side 9 (7 reads, the session's pid and lock capacity, the
 * sweep). Without the entity cache the 1 s target for 2,000 tables is missed: the server spends
 * about 1 ms on each of the 6,000 DDL statements; the client's own work (reads and diff) is about
 * 0.6 s. With unchanged entities the cache meets it.
 */
public final class AutogenerateBenchmark {
    private static final String SCHEMA = "public";

    /** Held so the level sticks: Hibernate logs its boot through java.util.logging at INFO. */
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

    private AutogenerateBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("bench.readied")) {
            readiedConnections(Integer.getInteger("bench.runs", 15));
            return;
        }
        List<Integer> sizes = Arrays.stream(
                        System.getProperty("bench.tables", "500,2000").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        int runs = Integer.getInteger("bench.runs", 5);
        int warmup = Integer.getInteger("bench.warmup", 2);
        int isolatedRuns = Integer.getInteger("bench.isolatedRuns", 2);
        HIBERNATE_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.out.printf(
                "autogenerate benchmark: %d cores, load average %s, runs %d after %d warm-up%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), runs, warmup);
        for (int tables : sizes) {
            new AutogenerateBenchmark.Size(tables, runs, warmup, isolatedRuns).run();
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    /**
     * A watch cycle's build of its changed table on a fresh database ({@link ScratchSchema#read} of one table and its
     * unique key), timed with its connection opened for it, and on a connection readied by {@link Autogenerate#warm}
     * as the kept server readies the next cycle's ({@code -Dbench.readied=true}); three rounds, each sorted.
     */
    private static void readiedConnections(int runs) throws SQLException {
        List<String> changed = List.of(
                "create table t1500 (id bigint not null, name varchar(255), c1 integer, c2 text, primary key (id))",
                "alter table if exists t1500 add constraint uk_t1500 unique (name)");
        for (int round = 0; round < 3; round++) {
            List<Long> opened = new ArrayList<>();
            List<Long> readied = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                DataSource fresh = TestPostgres.freshDatabase("readied_a");
                long start = System.nanoTime();
                try (Connection c = fresh.getConnection()) {
                    ScratchSchema.read(c, changed, "public", Exclusions.none());
                }
                opened.add((System.nanoTime() - start) / 1_000_000);
                try (Connection c = TestPostgres.freshDatabase("readied_b").getConnection()) {
                    Autogenerate.warm(c);
                    start = System.nanoTime();
                    ScratchSchema.read(c, changed, "public", Exclusions.none());
                    readied.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            System.out.printf(
                    "one changed table built and read on a fresh database, ms: connection opened for it %s;"
                            + " connection readied ahead %s%n",
                    opened.stream().sorted().toList(), readied.stream().sorted().toList());
        }
    }

    /** One model size: compile, generate, set up the live side, then time. */
    private static final class Size {
        private final int tables;
        private final int runs;
        private final int warmup;
        private final int isolatedRuns;
        private final List<String[]> rows = new ArrayList<>();

        Size(int tables, int runs, int warmup, int isolatedRuns) {
            this.tables = tables;
            this.runs = runs;
            this.warmup = warmup;
            this.isolatedRuns = isolatedRuns;
        }

        void run() throws Exception {
            Path root = Files.createTempDirectory("autogen-bench-" + tables + "-");
            try {
                measure(root);
            } finally {
                deleteTree(root);
            }
        }

        private void measure(Path root) throws Exception {
            long start = System.nanoTime();
            Path classes = EntitySources.compile(root, tables);
            long compileMillis = millis(System.nanoTime() - start);
            EntityDdl entityDdl = new EntityDdl(List.of(classes), List.of(EntitySources.PACKAGE), null, Map.of());
            URL classesUrl = classes.toUri().toURL();
            ClassLoader benchLoader = AutogenerateBenchmark.class.getClassLoader();

            DataSource db = TestPostgres.freshDatabase("autogen_bench");
            try (Connection c = db.getConnection()) {
                int major = Integer.parseInt(EntitySchemaCache.serverVersionNum(c)) / 10000;

                // the provider, beside the comparison
                start = System.nanoTime();
                List<String> ddl = generate(entityDdl, new URLClassLoader(new URL[] {classesUrl}, benchLoader), major);
                long firstMillis = millis(System.nanoTime() - start);
                Stats provider = time(
                        warmup,
                        runs,
                        () -> generate(entityDdl, new URLClassLoader(new URL[] {classesUrl}, benchLoader), major));
                Stats isolated = isolatedRuns == 0
                        ? null
                        : time(
                                0,
                                isolatedRuns,
                                () -> generate(entityDdl, isolatedLoader(benchLoader, classesUrl), major));

                // the live side: apply what the first comparison writes, once
                Comparisons comparison = Comparisons.of(SCHEMA);
                start = System.nanoTime();
                MigrationScript initial = comparison.compare(c, ddl);
                long initialMillis = millis(System.nanoTime() - start);
                List<String> upgrade = OpSql.renderAll(initial.upgrade());
                start = System.nanoTime();
                apply(c, upgrade);
                long applyMillis = millis(System.nanoTime() - start);
                System.out.printf(
                        "%n== %d tables: %d entity classes compiled in %d ms; provider wrote %d statements "
                                + "(first run in this JVM %d ms); first comparison on the empty database %d ms found %d changes "
                                + "(%d statements, applied in %d ms)%n",
                        tables,
                        tables,
                        compileMillis,
                        ddl.size(),
                        firstMillis,
                        initialMillis,
                        initial.changes().size(),
                        upgrade.size(),
                        applyMillis);

                MigrationScript steady = comparison.compare(c, ddl);
                if (!steady.isEmpty()) {
                    steady.descriptions().stream().limit(20).forEach(System.out::println);
                    throw new IllegalStateException("The steady-state comparison found "
                            + steady.changes().size() + " changes");
                }
                System.out.printf(
                        "steady state: the comparison finds %d changes%n",
                        steady.changes().size());

                Counts counts = count(c, ddl);
                timePhases(c, ddl, counts);
                vacuumCatalog(c);
                Stats whole = time(warmup, runs, () -> {
                    MigrationScript r = comparison.compare(c, ddl);
                    if (!r.isEmpty()) {
                        throw new IllegalStateException("steady state broken: " + r.descriptions());
                    }
                    return r;
                });
                row("comparison (whole)", whole, counts.whole.toString());

                // the steady state of repeated runs with unchanged entities: the entity side comes from the cache
                EntitySchemaCache cache = new EntitySchemaCache(root.resolve("entity-cache"));
                Comparisons cached = comparison.withCache(cache);
                cached.compare(c, ddl);
                Stats warm = time(warmup, runs, () -> {
                    MigrationScript r = cached.compare(c, ddl);
                    if (!r.isEmpty()) {
                        throw new IllegalStateException("steady state broken with the cache: " + r.descriptions());
                    }
                    return r;
                });
                if (cache.misses() != 1 || cache.hits() != warmup + runs) {
                    throw new IllegalStateException("expected 1 miss and " + (warmup + runs) + " hits, got "
                            + cache.misses() + " and " + cache.hits());
                }
                row("comparison (whole), warm entity cache", warm, "no scratch schema");
                Exclusions exclusions = Exclusions.versionTables();
                Stats load = time(warmup, runs, () -> cache.read(c, ddl, SCHEMA, exclusions));
                long bytes;
                try (Stream<Path> files = Files.list(cache.directory())) {
                    bytes = files.mapToLong(p -> p.toFile().length()).sum();
                }
                row(
                        "  entity side from the warm cache (key + file read)",
                        load,
                        "1 statement; file of %d KB".formatted(bytes / 1024));
                row("provider: EntityDdl.generate, fresh entity loader", provider, "not in the comparison");
                if (isolated != null) {
                    row("provider: isolated loader, fresh Hibernate classes", isolated, "not in the comparison");
                }
                print();
            }
        }

        /** The steps of the comparison one by one, with the same calls, then one scratch pass taken apart. */
        private void timePhases(Connection c, List<String> ddl, Counts counts) throws Exception {
            Exclusions exclusions = Exclusions.versionTables();
            SchemaDiff.Options options = new SchemaDiff.Options(SCHEMA, Map.of(), RenameDecider.never());
            CatalogReader reader = new CatalogReader();
            vacuumCatalog(c);
            Stats live = time(warmup, runs, () -> readLive(c, reader, exclusions));
            int liveQueries = reader.queriesSent() / (warmup + runs);
            DatabaseSchema current = readLive(c, new CatalogReader(), exclusions);

            vacuumCatalog(c);
            Stats entity = time(warmup, runs, () -> ScratchSchema.read(c, ddl, SCHEMA, exclusions));
            DatabaseSchema desired = ScratchSchema.read(c, ddl, SCHEMA, exclusions);
            Stats diff = time(warmup, runs, () -> SchemaDiff.compare(current, desired, options));

            row("live catalog read", live, liveQueries + " catalog queries (CatalogReader.queriesSent)");
            row(
                    "entity side: scratch build + read (" + ddl.size() + " stmts)",
                    entity,
                    counts.entity().toString());
            row("diff live vs entity side", diff, "no database");
            anatomy(c, ddl, exclusions);
        }

        /** One autocommit scratch pass, as ScratchSchema runs models too large for one transaction, timed step by step. */
        private void anatomy(Connection c, List<String> ddl, Exclusions exclusions) throws Exception {
            long[] create = new long[runs];
            long[] read = new long[runs];
            long[] drop = new long[runs];
            vacuumCatalog(c);
            for (int i = -warmup; i < runs; i++) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off");
                    long t0 = System.nanoTime();
                    s.execute("CREATE SCHEMA migrate_bench_scratch");
                    s.execute("SET search_path = migrate_bench_scratch, public");
                    for (String sql : ddl) {
                        s.execute(sql);
                    }
                    long t1 = System.nanoTime();
                    new CatalogReader().read(c, List.of("migrate_bench_scratch"), exclusions);
                    long t2 = System.nanoTime();
                    s.execute("DROP SCHEMA migrate_bench_scratch CASCADE");
                    long t3 = System.nanoTime();
                    s.execute("RESET search_path");
                    s.execute("RESET synchronous_commit");
                    if (i >= 0) {
                        create[i] = t1 - t0;
                        read[i] = t2 - t1;
                        drop[i] = t3 - t2;
                    }
                }
            }
            row(
                    "  one pass apart: create schema + " + ddl.size() + " stmts, one by one",
                    new Stats(create),
                    "autocommit");
            row(
                    "  one pass apart: catalog read of the scratch schema",
                    new Stats(read),
                    CatalogReader.QUERIES_PER_READ + " queries");
            row("  one pass apart: DROP SCHEMA ... CASCADE", new Stats(drop), "1 statement");
        }

        /** Counts statements per side through a counting connection: the live read, each entity pass, the whole. */
        private Counts count(Connection c, List<String> ddl) {
            Exclusions exclusions = Exclusions.versionTables();
            CountingConnection entity = new CountingConnection();
            ScratchSchema.read(entity.wrap(c), ddl, SCHEMA, exclusions);
            CountingConnection whole = new CountingConnection();
            Comparisons.of(SCHEMA).compare(whole.wrap(c), ddl);
            return new Counts(entity, whole);
        }

        private void row(String what, Stats stats, String note) {
            rows.add(new String[] {
                what,
                "%.1f".formatted(stats.median()),
                "%.1f".formatted(stats.min()),
                Integer.toString(stats.nanos.length),
                note
            });
        }

        private void print() {
            int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
            String format = "%-" + width + "s | %9s | %9s | %4s | %s%n";
            System.out.printf(format, tables + " tables", "median ms", "min ms", "runs", "statements sent");
            System.out.println("-".repeat(width + 50));
            rows.forEach(r -> System.out.printf(format, (Object[]) r));
            System.out.printf("load average: %s%n", loadAverage());
        }
    }

    private record Counts(CountingConnection entity, CountingConnection whole) {}

    /** Sorted run times. */
    @SuppressWarnings("ArrayRecordComponent") // a sorted copy of its own, never compared or hashed
    private record Stats(long[] nanos) {
        Stats {
            nanos = nanos.clone();
            Arrays.sort(nanos);
        }

        double median() {
            int n = nanos.length;
            return (n % 2 == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + nanos[n / 2]) / 2) / 1e6;
        }

        double min() {
            return nanos[0] / 1e6;
        }
    }

    /**
     * Every run creates and drops thousands of catalog rows; without this, later measurements would
     * pay for the dead rows earlier ones left (autovacuum lags on a loaded machine).
     */
    private static void vacuumCatalog(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_type, pg_catalog.pg_depend,"
                    + " pg_catalog.pg_constraint, pg_catalog.pg_index, pg_catalog.pg_attrdef, pg_catalog.pg_sequence,"
                    + " pg_catalog.pg_namespace, pg_catalog.pg_shdepend");
        }
    }

    private static Stats time(int warmup, int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.call();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.call();
            nanos[i] = System.nanoTime() - start;
        }
        return new Stats(nanos);
    }

    private static List<String> generate(EntityDdl entityDdl, URLClassLoader loader, int major) throws IOException {
        try (loader) {
            return entityDdl.generate(loader, major);
        }
    }

    /** The same search path the comparison reads the live side with. */
    private static DatabaseSchema readLive(Connection c, CatalogReader reader, Exclusions exclusions)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = " + SCHEMA + ", public");
            try {
                return reader.read(c, List.of(SCHEMA), exclusions);
            } finally {
                s.execute("RESET search_path");
            }
        }
    }

    /**
     * A loader with a fresh copy of the whole class path (Hibernate, the JPA API, this module) and
     * the entities, whose parent is the platform loader: nothing of the provider is shared with
     * earlier runs.
     */
    private static URLClassLoader isolatedLoader(ClassLoader benchLoader, URL classes) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(classes);
        if (benchLoader instanceof URLClassLoader u) {
            urls.addAll(List.of(u.getURLs()));
        } else {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static void apply(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            for (String sql : statements) {
                s.execute(sql);
            }
            s.execute("RESET synchronous_commit");
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
