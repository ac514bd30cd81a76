package dev.migrate.maven.bench;

import dev.migrate.testing.ItDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The commands as users run them, each a whole {@code mvn} process, timed from start to exit:
 * {@code migrate:check} at N tables in migrations of 100 tables, with a URL and on the embedded default,
 * warm (nothing changed since the last run), after an entity change (embedded), the dev loop (one entity
 * edited, then autogenerate) and cold (a fresh
 * checkout, as a CI job starts: no {@code target/migrate}), and over a chain of M one-table migrations {@code migrate:upgrade}, {@code migrate:current}
 * and a no-op {@code migrate:upgrade}, beside {@code mvn validate} (Maven's own start) and psql
 * running the same SQL script with one transaction per step (the floor). Beside them, when a python3
 * with Alembic 1.8 and psycopg2 is found ({@code -Dbench.python=...}, else {@code python3} or
 * {@code /usr/bin/python3}; Debian: {@code apt-get install python3-alembic python3-psycopg2}), Alembic's
 * whole process upgrading the same chain and comparing the same tables (scripts in
 * {@code src/test/resources/bench}).
 *
 * <p>The server ({@link BenchServer}) is an embedded PostgreSQL 18 with PostgreSQL's default settings (zonky's own
 * {@code synchronous_commit = off} and {@code max_connections = 300} are put back to the defaults)
 * and password authentication over TCP. Projects are generated under
 * {@code migrate-maven-plugin/target/whole-process-bench} and use the plugin the invoker installed in
 * {@code target/it-repo}. Run (docs/PERFORMANCE.md):
 * {@code mvn -B -q -pl migrate-maven-plugin -am verify -Pwhole-process-bench -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.test=NONE -Dbench.tables=2000,500 -Dbench.revisions=1000 -Dbench.runs=5}
 * ({@code -Dbench.tables=} or {@code -Dbench.revisions=0} leaves a part out). {@code -Dbench.chain=sql} writes the
 * check project's chain as hand-written SQL ({@code op.execute("CREATE TABLE ...")}, named keys, a separate {@code
 * CREATE INDEX}: {@link #sqlTablesMigration}) instead of as autogenerate writes it, {@code -Dbench.chain=java,sql}
 * both, one project each; {@code -Dbench.check=cold} times only the cold {@code check} of each (and Alembic's
 * compare, run once per size). {@code -Dbench.objects=500} adds,
 * at each size, the warm {@code check} with that many views, functions and triggers beside the tables
 * ({@link #checkWithObjects}). {@code -Dbench.smallestHeap=8} bisects, at each size, the smallest {@code -Xmx} that
 * the cold, the warm and the changed {@code check} complete in ({@link #smallestHeaps}). {@code
 * -Dbench.sqlFiles=2000} times the {@code check} of SQL schema files against the entities' at that many tables,
 * alternated ({@link #sqlFiles}). {@code -Dbench.watch=2000,8000} runs {@code mvn migrate:watch} on the check projects
 * of those sizes (each among {@code -Dbench.tables}), with {@code mvn compile} in a process of its own for each edit
 * ({@link #watch}). {@code -Dbench.fleet=100,1000}
 * adds the fleet of that many tenant schemas ({@link #fleet}), {@code -Dbench.fleetDatabases=100} the fleet of that many
 * tenant databases; {@code -Dbench.server=jdbc:postgresql://...} (a superuser's URL)
 * runs it all against a server of one's own instead of the embedded one ({@link BenchServer}).
 */
public final class WholeProcessBenchmark {
    private static final String PASSWORD = BenchServer.PASSWORD;
    /** The embedded server's port; {@code -Dbench.port} for a second run beside a first. */
    private static final int PORT = Integer.getInteger("bench.port", 25490);
    /**
     * The check project's schema comes in migrations of this many tables (one method of Java code has
     * a size limit): 2,000 tables are a chain of 20 migrations.
     */
    private static final int TABLES_PER_MIGRATION = 100;

    private final Path root;
    private final Path repository;
    private final Path settings;
    private final String version;
    private final int runs;
    /** The Python that has Alembic 1.8 and psycopg2, for the side-by-side figures; empty leaves them out. */
    private final Optional<String> python;

    private final Path module;
    /** The warm {@code check} of the tables alone, by where it ran, for the figure with objects beside them. */
    private final Map<String, Timing> warmTablesOnly = new HashMap<>();
    /** What the last process {@link #run} started took; {@code null} before it ends or when not measured. */
    private final java.util.concurrent.atomic.AtomicReference<Timing.Figures> last =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Every figure by size, printed as curves at the end. */
    private final Curves curves = new Curves();
    /** Alembic's compare by number of tables: the same whatever the chain, so run once per size. */
    private final Map<Integer, Timing> alembicByTables = new HashMap<>();
    /** Where the benchmark's projects keep the entity snapshot when a figure asks for one. */
    private static final String ENTITY_SNAPSHOT = "src/main/migrate/entities.sql";

    /** The cold {@code check} on the embedded default by number of tables, beside the watch's first cycle. */
    private final Map<Integer, Timing> coldCheckByTables = new HashMap<>();
    /** Whether only the cold {@code check} is timed ({@code -Dbench.check=cold}). */
    private final boolean coldOnly = "cold".equals(System.getProperty("bench.check", ""));
    /** {@code -Dbench.smallestHeap=8}: the smallest {@code -Xmx} each {@code check} completes in, to that many MB. */
    private final int smallestHeapStep = Integer.getInteger("bench.smallestHeap", 0);

    /** How the check project's chain is written. */
    private enum Chain {
        /** As {@code migrate:autogenerate} writes it ({@link #tablesMigration}). */
        JAVA(""),
        /** Hand-written SQL, as a team coming from Flyway has it ({@link #sqlTablesMigration}). */
        SQL("-sql");

        private final String suffix;

        Chain(String suffix) {
            this.suffix = suffix;
        }

        static Chain named(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    private WholeProcessBenchmark(Path module, Path root, Path repository, Path settings, String version, int runs) {
        this.module = module;
        this.root = root;
        this.repository = repository;
        this.settings = settings;
        this.version = version;
        this.runs = runs;
        this.python = alembicPython();
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(System.getProperty("bench.module", "migrate-maven-plugin"))
                .toAbsolutePath();
        List<Integer> tables = numbers(System.getProperty("bench.tables", "2000"));
        List<Integer> revisions = numbers(System.getProperty("bench.revisions", "1000"));
        int runs = Integer.parseInt(System.getProperty("bench.runs", "5"));
        // -Dbench.root: another directory, for a second run beside a first (with -Dbench.port)
        Path root = Path.of(System.getProperty(
                        "bench.root",
                        module.resolve("target/whole-process-bench").toString()))
                .toAbsolutePath();
        Path repository = module.resolve("target/it-repo");
        if (!Files.isDirectory(repository.resolve("dev/migrate/migrate-maven-plugin"))) {
            throw new IllegalStateException("The plugin is not installed in " + repository
                    + ": run the benchmark through the whole-process-bench profile, which installs it first.");
        }
        deleteTree(root);
        // the projects as a new project comes: Maven looks for a .mvn directory from the project up, and would find
        // the one of the source tree the root sits in (its jvm.config tunes Maven for building migrate itself)
        Files.createDirectories(root.resolve(".mvn"));
        Path settings = root.resolve("settings.xml");
        Files.writeString(
                settings,
                Files.readString(module.resolve("../src-it/settings.xml"))
                        .replace(
                                "@userRepositoryUrl@",
                                Path.of(System.getProperty("user.home"), ".m2/repository")
                                        .toUri()
                                        .toString()));
        WholeProcessBenchmark bench = new WholeProcessBenchmark(
                module, root, repository, settings, System.getProperty("bench.version", "0.1.0-SNAPSHOT"), runs);

        try (BenchServer server = BenchServer.start(root.resolve("server"), PORT)) {
            List<String> report = new ArrayList<>();
            report.add(String.format(
                    Locale.ROOT,
                    "whole processes, median of %d (min), ms; PostgreSQL %s, default settings",
                    runs,
                    server.version()));
            for (int m : revisions) {
                if (m > 0) {
                    report.addAll(bench.done(bench.chain(server, m)));
                }
            }
            for (int n : numbers(System.getProperty("bench.sqlFiles", ""))) {
                report.addAll(bench.done(bench.sqlFiles(server, n)));
            }
            int objects = Integer.parseInt(System.getProperty("bench.objects", "0"));
            // -Dbench.watch=2000,8000: the watch on the check projects of those sizes (each among -Dbench.tables)
            List<Integer> watched = numbers(System.getProperty("bench.watch", ""));
            List<Chain> chains = Stream.of(
                            System.getProperty("bench.chain", "java").split(","))
                    .map(Chain::named)
                    .toList();
            for (Chain chain : chains) {
                for (int n : tables) {
                    if (n <= 0) {
                        continue;
                    }
                    report.addAll(bench.done(bench.check(server, n, chain)));
                    if (objects > 0) {
                        report.addAll(bench.done(bench.checkWithObjects(server, n, Math.min(objects, n), chain)));
                    }
                    if (chain == Chain.JAVA && watched.contains(n)) {
                        report.addAll(bench.done(bench.watch(n)));
                    }
                }
            }
            for (int n : numbers(System.getProperty("bench.fleet", ""))) {
                report.addAll(bench.done(bench.fleet(server, new Fleet(Fleet.Kind.SCHEMAS, n))));
            }
            for (int n : numbers(System.getProperty("bench.fleetDatabases", ""))) {
                report.addAll(bench.done(bench.fleet(server, new Fleet(Fleet.Kind.DATABASES, n))));
            }
            System.out.println();
            report.forEach(System.out::println);
            bench.printCurves();
        }
    }

    /**
     * The figures of one size as they come: printed, and added to {@code results.txt} beside the projects, so that a
     * long run stopped early keeps the sizes it finished.
     */
    private List<String> done(List<String> lines) throws IOException {
        lines.forEach(System.out::println);
        Files.write(
                root.resolve("results.txt"),
                lines,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return lines;
    }

    /**
     * Prints the figures by size as tables and charts (with {@code -Dbench.runs} medians), and writes them to
     * {@code curves.md} beside the projects, with a picture of each unit's curves ({@link CurvesPlot}).
     */
    private void printCurves() throws IOException {
        if (curves.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Curves: whole processes by size, medians of " + runs + "; x: growth from the size before"
                + " (over: more than " + Curves.PROPORTION + " times the growth of the size)");
        lines.add("");
        lines.addAll(curves.tables());
        lines.add("");
        lines.addAll(curves.heapTable());
        lines.add("");
        lines.add("```");
        lines.addAll(curves.chart());
        lines.add("```");
        lines.forEach(System.out::println);
        Files.write(root.resolve("curves.md"), lines);
        for (Path picture : CurvesPlot.write(curves.plotLines(), root)) {
            System.out.println("Drawn: " + picture);
        }
    }

    /**
     * A no-diff {@code migrate:check} (warm) of the project {@link #check} made, once its chain and its
     * objects directory also hold {@code m} views, {@code m} functions and {@code m} triggers (a view over
     * each of the first tables, a trigger function and its trigger on each), beside its figure without them.
     */
    private List<String> checkWithObjects(BenchServer server, int n, int m, Chain chain) throws Exception {
        Path project = root.resolve("check-" + n + chain.suffix);
        Path migrations = project.resolve("src/main/java/db/migrations");
        StringBuilder declared = new StringBuilder();
        for (int first = 0; first < m; first += TABLES_PER_MIGRATION) {
            int to = Math.min(m, first + TABLES_PER_MIGRATION);
            StringBuilder upgrade = new StringBuilder();
            StringBuilder downgrade = new StringBuilder();
            for (int i = first; i < to; i++) {
                List<String> statements = objectStatements(i);
                statements.forEach(sql -> declared.append(sql).append(";\n"));
                for (String sql : statements) {
                    upgrade.append("        op.execute(\"")
                            .append(sql.replace("\n", "\\n"))
                            .append("\");\n");
                }
                downgrade.insert(
                        0,
                        "        op.execute(\"DROP VIEW v" + i + "; DROP TRIGGER touch" + i + " ON t" + i
                                + "; DROP FUNCTION touch" + i + "()\");\n");
            }
            String revises = first == 0
                    ? String.format(Locale.ROOT, "m%06d", (n - 1) / TABLES_PER_MIGRATION * TABLES_PER_MIGRATION)
                    : String.format(Locale.ROOT, "o%06d", first - TABLES_PER_MIGRATION);
            String name = String.format(Locale.ROOT, "O%06d", first);
            Files.writeString(
                    migrations.resolve(name + ".java"),
                    migrationClass(
                            name,
                            name.toLowerCase(Locale.ROOT),
                            revises,
                            "objects " + first + " to " + (to - 1),
                            upgrade,
                            downgrade));
        }
        Path objects = Files.createDirectories(project.resolve("src/main/resources/db/objects"));
        Files.writeString(objects.resolve("objects.sql"), declared.toString());
        Map<String, String> url = url(server, ("check-" + n + chain.suffix).replace('-', '_'));
        System.out.printf("check at %,d tables with %,d views, functions and triggers: applying them...%n", n, m);
        mvn(project, url, "compile", "migrate:upgrade");
        List<String> lines = new ArrayList<>();
        for (Map<String, String> env : List.of(url, Map.<String, String>of())) {
            String where = env.isEmpty() ? "embedded" : "URL     ";
            try {
                Timing warm = warmCheck(server, project, env);
                Timing tablesOnly = warmTablesOnly.get(where);
                lines.add(String.format(
                        Locale.ROOT,
                        "mvn migrate:check, %,d tables + %,d views, functions, triggers, %s, warm %s%s",
                        n,
                        m,
                        where,
                        warm,
                        tablesOnly == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "; %.2fx the tables alone",
                                        (double) warm.median() / tablesOnly.median())));
            } catch (CommandFailed e) {
                lines.add(String.format(
                        Locale.ROOT, "mvn migrate:check, %,d tables + objects, %s: %s", n, where, e.getMessage()));
            }
        }
        return lines;
    }

    /** A {@code migrate:check} with the caches filled by the one before, on a quiet server. */
    private Timing warmCheck(BenchServer server, Path project, Map<String, String> env) throws Exception {
        server.quiet();
        mvn(project, env, "migrate:check"); // fills the caches
        return time(() -> mvn(project, env, "migrate:check"));
    }

    /** A view over table {@code i}, a trigger function and its trigger on it. */
    private static List<String> objectStatements(int i) {
        return List.of(
                "CREATE VIEW v%1$d AS SELECT id, code, amount FROM t%1$d WHERE active".formatted(i),
                ("CREATE FUNCTION touch%1$d() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.quantity := "
                                + "NEW.quantity + 1; RETURN NEW; END $$")
                        .formatted(i),
                "CREATE TRIGGER touch%1$d BEFORE UPDATE ON t%1$d FOR EACH ROW EXECUTE FUNCTION touch%1$d()"
                        .formatted(i));
    }

    /**
     * The project of {@code migrate:check} at {@code n} tables in {@code project}: {@code n} entities, the chain
     * written as {@code chain} says, applied to a database of its own, whose URL it returns.
     */
    private Map<String, String> checkProject(BenchServer server, Path project, int n, Chain chain) throws Exception {
        String name = project.getFileName().toString();
        String database = name.replace('-', '_');
        server.recreate(database);
        writeProject(project, name, true);
        Path model = Files.createDirectories(project.resolve("src/main/java/bench/model"));
        for (int i = 0; i < n; i++) {
            Files.writeString(model.resolve("E" + i + ".java"), entity(i));
        }
        Path migrations = Files.createDirectories(project.resolve("src/main/java/db/migrations"));
        for (int first = 0; first < n; first += TABLES_PER_MIGRATION) {
            Files.writeString(
                    migrations.resolve(String.format(Locale.ROOT, "M%06d.java", first)),
                    chain == Chain.SQL
                            ? sqlTablesMigration(first, Math.min(n, first + TABLES_PER_MIGRATION))
                            : tablesMigration(first, Math.min(n, first + TABLES_PER_MIGRATION)));
        }
        Map<String, String> url = url(server, database);
        System.out.printf(
                "%s at %,d tables%s: applying the migrations...%n", name, n, chain == Chain.SQL ? " (SQL chain)" : "");
        mvn(project, url, "compile", "migrate:upgrade");
        return url;
    }

    /**
     * {@code migrate:check} at {@code n} tables on the embedded default with SQL schema files as the desired schema
     * ({@code -Dmigrate.source=sql}, the files {@code migrate:baseline} writes from the migrated database) beside the
     * same chain's {@code check} of the JPA entities ({@code -Dbench.sqlFiles=2000}): the two alternate run by run,
     * so that the load of a shared machine falls on both alike; warm (nothing changed), then cold (no {@code
     * target/migrate}, as a fresh checkout).
     */
    private List<String> sqlFiles(BenchServer server, int n) throws Exception {
        Path project = root.resolve("sql-files-" + n);
        Map<String, String> url = checkProject(server, project, n, Chain.JAVA);
        mvn(project, url, "migrate:baseline", "-Dmigrate.source=sql");
        server.quiet();
        Map<String, String> embedded = Map.of();
        List<List<String>> sources =
                List.of(List.of("migrate:check"), List.of("migrate:check", "-Dmigrate.source=sql"));
        List<String> lines = new ArrayList<>();
        for (boolean cold : List.of(false, true)) {
            List<List<Long>> millis = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<Timing.Figures>> processes = List.of(new ArrayList<>(), new ArrayList<>());
            if (!cold) {
                for (List<String> goals : sources) {
                    mvn(project, embedded, goals.toArray(String[]::new)); // fills the caches
                }
            }
            for (int i = 0; i < runs; i++) {
                for (int s = 0; s < sources.size(); s++) {
                    if (cold) {
                        deleteTree(project.resolve("target/migrate"));
                    }
                    last.set(null);
                    long start = System.nanoTime();
                    mvn(project, embedded, sources.get(s).toArray(String[]::new));
                    millis.get(s).add((System.nanoTime() - start) / 1_000_000);
                    measured(processes.get(s));
                }
            }
            Timing entities = timing(millis.get(0), processes.get(0));
            Timing files = timing(millis.get(1), processes.get(1));
            String kind = cold ? "cold (fresh checkout)" : "warm caches          ";
            lines.add(String.format(
                    Locale.ROOT, "mvn migrate:check, %,d tables, embedded, %s, JPA entities %s", n, kind, entities));
            lines.add(String.format(
                    Locale.ROOT,
                    "  the same with SQL schema files (-Dmigrate.source=sql) %s; %.2fx the entities' wall, %.2fx"
                            + " their CPU",
                    files,
                    (double) files.median() / entities.median(),
                    files.cpuSeconds() / entities.cpuSeconds()));
        }
        return lines;
    }

    /**
     * {@code migrate:check} at {@code n} tables, the chain written as {@code chain} says: with a URL and on the
     * embedded default, warm and cold.
     */
    private List<String> check(BenchServer server, int n, Chain chain) throws Exception {
        String name = "check-" + n + chain.suffix;
        Path project = root.resolve(name);
        String database = name.replace('-', '_');
        Map<String, String> url = checkProject(server, project, n, chain);

        List<String> lines = new ArrayList<>();
        String tables = String.format(Locale.ROOT, "%,d tables%s", n, chain == Chain.SQL ? " (SQL chain)" : "");
        Timing alembic = alembicByTables.get(n);
        if (python.isPresent() && alembic == null) {
            try {
                alembic = alembicCompare(server, project, database, n);
                alembicByTables.put(n, alembic);
                curves.add("alembic compare_metadata", ENTITIES, n, alembic);
                lines.add(String.format(
                        Locale.ROOT,
                        "alembic compare_metadata, %,d tables (Alembic %s) %s",
                        n,
                        alembicVersion(),
                        alembic));
            } catch (CommandFailed e) { // Alembic 1.8.1 crashed at 8,000 tables: the figures of migrate go on
                lines.add(String.format(Locale.ROOT, "alembic compare_metadata, %,d tables: %s", n, e.getMessage()));
            }
        } else if (python.isEmpty()) {
            lines.add(NO_ALEMBIC);
        }
        for (Map<String, String> env : where(url)) {
            String where = env.isEmpty() ? "embedded" : "URL     ";
            try {
                if (!coldOnly) {
                    warmFigures(server, project, env, n, tables, lines, chain);
                }
                // a fresh checkout, as a CI job starts: no target/migrate at all
                long readBefore = chainSqlReadings(project);
                Timing cold = time(() -> {
                    deleteTree(project.resolve("target/migrate"));
                    mvn(project, env, "migrate:check");
                });
                curves.add(figure("mvn migrate:check cold", where, chain), ENTITIES, n, cold);
                if (env.isEmpty() && chain == Chain.JAVA) {
                    coldCheckByTables.put(n, cold);
                }
                lines.add(String.format(
                        Locale.ROOT,
                        "mvn migrate:check, %s, %s, cold (fresh checkout) %s%s%s",
                        tables,
                        where,
                        cold,
                        beside(alembic, cold),
                        env.isEmpty()
                                ? String.format(
                                        Locale.ROOT,
                                        "; read from the chain's SQL without a server in %d of %d runs",
                                        chainSqlReadings(project) - readBefore,
                                        runs)
                                : ""));
                lines.add(coldWithSnapshot(project, env, n, tables, where, chain, alembic));
                coldWithHeaps(project, env, n, tables, where, lines);
                if (smallestHeapStep > 0) {
                    smallestHeaps(project, env, n, where, chain, lines);
                }
            } catch (CommandFailed e) {
                lines.add(String.format(Locale.ROOT, "mvn migrate:check, %s, %s: %s", tables, where, e.getMessage()));
            }
        }
        return lines;
    }

    /**
     * The cold {@code check} of a project that keeps the entity snapshot ({@code entitySnapshot}): written once by
     * {@code autogenerate}, as a developer's last one leaves it committed, then a fresh checkout's {@code check} every
     * run (no {@code target/migrate}), which reads the provider's DDL from it; the file is removed after, so that the
     * figures after these are a project's without it.
     */
    private String coldWithSnapshot(
            Path project,
            Map<String, String> env,
            int n,
            String tables,
            String where,
            Chain chain,
            @Nullable Timing alembic)
            throws Exception {
        String setting = "-Dmigrate.entitySnapshot=" + ENTITY_SNAPSHOT;
        try {
            mvn(project, env, setting, "-Dmigrate.message=nothing", "migrate:autogenerate");
            Timing cold = time(() -> {
                deleteTree(project.resolve("target/migrate"));
                mvn(project, env, setting, "migrate:check");
            });
            curves.add(figure("mvn migrate:check cold, entity snapshot", where, chain), ENTITIES, n, cold);
            return String.format(
                    Locale.ROOT,
                    "mvn migrate:check, %s, %s, cold (fresh checkout), the entity snapshot committed %s%s",
                    tables,
                    where,
                    cold,
                    beside(alembic, cold));
        } finally {
            Files.deleteIfExists(project.resolve(ENTITY_SNAPSHOT));
        }
    }

    /** How many times a {@code check}'s time Alembic's compare took, when it ran: {@code "; Alembic's compare ..."}. */
    private static String beside(@Nullable Timing alembic, Timing check) {
        return alembic == null
                ? ""
                : String.format(
                        Locale.ROOT,
                        "; Alembic's compare takes %.1fx its time",
                        (double) alembic.median() / check.median());
    }

    /**
     * {@code mvn migrate:watch} as a Maven user runs it, on the check project of {@code n} entities on the embedded
     * default, started from a fresh checkout (no {@code target/migrate}): its first cycle (every entity described and
     * compared with the chain), timed from the process's start as the cold {@code check} is, the median of {@code runs}
     * starts, each from a fresh checkout; then, in the first of them, {@code runs} edits
     * of one entity (a column added), each compiled by {@code mvn compile} in a process of its own as in a second
     * terminal, timed from the end of that process to the line of the watch that names the new column (0 when it came
     * before), one edit first, outside the median (printed apart: what is readied behind the first cycle may not be
     * ready yet); the watch stopped with Ctrl+C, and what its whole process took.
     */
    private List<String> watch(int n) throws Exception {
        Path project = root.resolve("check-" + n);
        Path entity = editedEntity(project, n);
        String original = Files.readString(entity);
        deleteTree(project.resolve("target/migrate"));
        List<Long> millis = new ArrayList<>();
        Optional<Timing.Figures> process;
        long first;
        long firstChange = 0;
        Duration wait = Duration.ofMinutes(10);
        try (WatchProcess watch = startWatch(project)) {
            first = firstCycleMillis(watch, wait);
            try {
                for (int i = 0; i <= runs; i++) {
                    String column = "watch_" + i + "_" + System.nanoTime() % 100_000;
                    Files.writeString(entity, withColumn(original, column, "watched"));
                    watch.drain(Duration.ofSeconds(2));
                    mvn(project, Map.of(), "-o", "-q", "compile");
                    long compiled = System.nanoTime();
                    WatchProcess.Line differences = watch.await("the column " + column, l -> l.contains(column), wait);
                    long after = Math.max(0, differences.nanos() - compiled) / 1_000_000;
                    if (i > 0) {
                        millis.add(after);
                    } else {
                        firstChange = after;
                    }
                }
            } finally {
                Files.writeString(entity, original);
                mvn(project, Map.of(), "-o", "-q", "compile");
                watch.drain(Duration.ofSeconds(2));
            }
            // what the watch holds between cycles, after every edit: the memory that grows with the model
            watch.collectGarbage();
            process = watch.stop();
        }
        // the first cycle again from a fresh checkout, runs times in all, so that its median stands beside the cold
        // check's median rather than one sample of a machine whose speed moves from one minute to the next
        List<Long> firsts = new ArrayList<>(List.of(first));
        for (int i = 1; i < runs; i++) {
            deleteTree(project.resolve("target/migrate"));
            try (WatchProcess again = startWatch(project)) {
                firsts.add(firstCycleMillis(again, wait));
                again.stop();
            }
        }
        Timing firstProcess = timing(List.of(first), process.map(List::of).orElse(List.of()));
        // the curve's memory is the first process's, its edits included
        Timing firstCycle = new Timing(
                firsts, process.map(p -> Collections.nCopies(firsts.size(), p)).orElse(List.of()));
        Timing afterCompile = new Timing(millis);
        double live = firstProcess.liveHeapMb();
        if (live >= 0) {
            curves.addHeap(
                    "live in mvn migrate:watch after its cycles (jcmd GC.run)", ENTITIES, n, (int) Math.round(live));
        }
        curves.add("mvn migrate:watch, first cycle, embedded", ENTITIES, n, firstCycle);
        curves.add("mvn migrate:watch, end of mvn compile to the differences", ENTITIES, n, afterCompile);
        Timing cold = coldCheckByTables.get(n);
        return List.of(
                String.format(
                        Locale.ROOT,
                        "mvn migrate:watch, %,d tables, embedded, from a fresh checkout: first cycle printed %,d ms"
                                + " after the start (median of %d starts, each %s)%s; the first watch process, its"
                                + " edits included, %s; live after its cycles (a full collection) %s",
                        n,
                        firstCycle.median(),
                        firsts.size(),
                        firsts,
                        cold == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " (%.2fx the cold check's %,d ms)",
                                        (double) firstCycle.median() / cold.median(),
                                        cold.median()),
                        firstProcess,
                        Timing.megabytes(live)),
                String.format(
                        Locale.ROOT,
                        "mvn migrate:watch, %,d tables, end of mvn compile to the differences: median %,d ms, each %s;"
                                + " the untimed first change, compiled 2 s after the first cycle: %,d ms",
                        n,
                        afterCompile.median(),
                        millis,
                        firstChange));
    }

    /** {@code mvn migrate:watch} started in {@code project} as a user starts it, its output appended to bench.log. */
    private WatchProcess startWatch(Path project) throws IOException {
        return WatchProcess.start(
                measured(project, Map.of(), mvnCommand("-o", "migrate:watch")), project.resolve("bench.log"));
    }

    /** From the watch's start to the line that ends its first cycle, ms. */
    private static long firstCycleMillis(WatchProcess watch, Duration wait) throws InterruptedException {
        return (watch.await("the end of the first cycle", l -> l.contains("Cycle 1 took"), wait)
                                .nanos()
                        - watch.started())
                / 1_000_000;
    }

    /**
     * The cold {@code check} again with each maximum heap of {@code -Dbench.heaps=512m,256m} ({@code -Xmx} in
     * {@code MAVEN_OPTS}), one run each: whether it passes within it, and at what cost.
     */
    private void coldWithHeaps(
            Path project, Map<String, String> env, int n, String tables, String where, List<String> lines)
            throws Exception {
        for (String heap : java.util.regex.Pattern.compile(",")
                .splitAsStream(System.getProperty("bench.heaps", ""))
                .map(String::trim)
                .filter(h -> !h.isEmpty())
                .toList()) {
            Map<String, String> limited = new HashMap<>(env);
            limited.put("MAVEN_OPTS", "-Xmx" + heap);
            long start = System.nanoTime();
            try {
                deleteTree(project.resolve("target/migrate"));
                mvn(project, limited, "migrate:check");
                Timing cold = timing(List.of((System.nanoTime() - start) / 1_000_000), new ArrayList<>());
                Timing.Figures figures = last.get();
                if (figures != null) {
                    cold = timing(cold.millis(), List.of(figures));
                }
                curves.add("mvn migrate:check cold, " + where.trim() + ", -Xmx" + heap, ENTITIES, n, cold);
                lines.add(String.format(
                        Locale.ROOT, "mvn migrate:check, %s, %s, cold, -Xmx%s %s", tables, where, heap, cold));
            } catch (CommandFailed e) {
                lines.add(String.format(
                        Locale.ROOT,
                        "mvn migrate:check, %s, %s, cold, -Xmx%s: %s (see bench.log: OutOfMemoryError?)",
                        tables,
                        where,
                        heap,
                        e.getMessage()));
            }
        }
    }

    /**
     * The smallest {@code -Xmx} (to {@code -Dbench.smallestHeap} MB) that the {@code check} completes in, cold (no
     * {@code target/migrate}), warm (nothing changed) and with the entities changed (no entity cache): what the
     * process needs of the heap at its fullest, where the heap after collection is only what was live when the
     * collector happened to run. Bisected between 16 MB and 2 GB, a run per probe.
     */
    private void smallestHeaps(
            Path project, Map<String, String> env, int n, String where, Chain chain, List<String> lines)
            throws Exception {
        Map<String, Step> kinds = new LinkedHashMap<>();
        kinds.put("cold", () -> deleteTree(project.resolve("target/migrate")));
        kinds.put("warm", () -> mvn(project, env, "migrate:check"));
        kinds.put("entities changed", () -> {
            mvn(project, env, "migrate:check");
            deleteTree(project.resolve("target/migrate/entity-cache"));
        });
        for (Map.Entry<String, Step> kind : kinds.entrySet()) {
            String figure = figure("mvn migrate:check " + kind.getKey(), where, chain);
            int passes = 2048;
            int fails = 16;
            if (!completesWithin(project, env, kind.getValue(), passes)) {
                lines.add(String.format(Locale.ROOT, "%s, %,d tables: fails with -Xmx%dm", figure, n, passes));
                continue;
            }
            while (passes - fails > smallestHeapStep) {
                int probe =
                        Math.max(fails + smallestHeapStep, (passes + fails) / 2 / smallestHeapStep * smallestHeapStep);
                if (completesWithin(project, env, kind.getValue(), probe)) {
                    passes = probe;
                } else {
                    fails = probe;
                }
            }
            curves.addHeap("smallest -Xmx: " + figure, ENTITIES, n, passes);
            lines.add(String.format(
                    Locale.ROOT, "%s, %,d tables: smallest heap %d MB (%d MB fails)", figure, n, passes, fails));
        }
    }

    /** Whether {@code migrate:check} completes with {@code -Xmx} of {@code mb} once {@code prepare} has run. */
    private boolean completesWithin(Path project, Map<String, String> env, Step prepare, int mb) throws Exception {
        prepare.run();
        Map<String, String> limited = new HashMap<>(env);
        limited.put("MAVEN_OPTS", "-Xmx" + mb + "m");
        try {
            mvn(project, limited, "migrate:check");
            return true;
        } catch (CommandFailed e) {
            return false;
        }
    }

    private static final String ENTITIES = "entities";

    /**
     * Where {@code check} compares, as {@code -Dbench.where} says: {@code url} (the server's database), {@code
     * embedded} (the default of a project without a URL), or both (the default).
     */
    private static List<Map<String, String>> where(Map<String, String> url) {
        String where = System.getProperty("bench.where", "url,embedded");
        List<Map<String, String>> places = new ArrayList<>();
        for (String place :
                java.util.regex.Pattern.compile(",").splitAsStream(where).toList()) {
            switch (place.trim()) {
                case "url" -> places.add(url);
                case "embedded" -> places.add(Map.of());
                default ->
                    throw new IllegalArgumentException(
                            "-Dbench.where=" + where + ": give url, embedded or" + " both (url,embedded)");
            }
        }
        return places;
    }

    /** A figure's name in the curves: the command, where it compared, and the chain when hand-written SQL. */
    private static String figure(String command, String where, Chain chain) {
        return command + ", " + where.trim() + (chain == Chain.SQL ? ", SQL chain" : "");
    }

    /** How many runs logged so far in {@code project} read the schema at head from the chain's SQL, starting no server. */
    private static long chainSqlReadings(Path project) throws IOException {
        try (Stream<String> log = Files.lines(project.resolve("bench.log"))) {
            return log.filter(l -> l.contains("The schema at head read from the SQL of the"))
                    .count();
        }
    }

    /** The warm {@code check}, {@code drift} with a URL, the changed entities and the dev loop of the check project. */
    private void warmFigures(
            BenchServer server,
            Path project,
            Map<String, String> env,
            int n,
            String tables,
            List<String> lines,
            Chain chain)
            throws Exception {
        String where = env.isEmpty() ? "embedded" : "URL     ";
        Timing warm = warmCheck(server, project, env);
        warmTablesOnly.put(where, warm);
        curves.add(figure("mvn migrate:check warm", where, chain), ENTITIES, n, warm);
        lines.add(
                String.format(Locale.ROOT, "mvn migrate:check, %s, %s, warm caches          %s", tables, where, warm));
        if (!env.isEmpty()) {
            // the same database compared with its chain: no drift, the replay cache warm; first read
            // in full (what drift found in sync before forgotten), then unchanged since found in sync
            Path verified = project.resolve("target/migrate/replay-cache/drift.verified");
            mvn(project, env, "migrate:drift");
            Timing read = time(() -> {
                Files.deleteIfExists(verified);
                mvn(project, env, "migrate:drift");
            });
            mvn(project, env, "migrate:drift");
            Timing unchanged = time(() -> mvn(project, env, "migrate:drift"));
            lines.add(String.format(
                    Locale.ROOT,
                    "mvn migrate:drift, %,d tables, %s, warm replay cache  %s; / warm check %.2f",
                    n,
                    where,
                    read,
                    (double) read.median() / warm.median()));
            lines.add(String.format(
                    Locale.ROOT,
                    "  again, unchanged since found in sync            %s; / warm check %.2f",
                    unchanged,
                    (double) unchanged.median() / warm.median()));
        }
        if (env.isEmpty()) {
            // an edited entity: the provider runs and the entity side is built, the unchanged chain is not
            // replayed
            Timing changed = time(() -> {
                deleteTree(project.resolve("target/migrate/entity-cache"));
                mvn(project, env, "migrate:check");
            });
            curves.add(figure("mvn migrate:check, entities changed", where, chain), ENTITIES, n, changed);
            lines.add(String.format(
                    Locale.ROOT, "mvn migrate:check, %,d tables, %s, entities changed     %s", n, where, changed));
        }
        Timing edited = devLoop(project, env, n);
        curves.add(figure("mvn migrate:autogenerate, one entity edited", where, chain), ENTITIES, n, edited);
        lines.add(String.format(
                Locale.ROOT, "mvn migrate:autogenerate, %,d tables, %s, one entity edited  %s", n, where, edited));
    }

    /** Applying, reading and re-applying a chain of {@code m} one-table migrations, against the floor. */
    private List<String> chain(BenchServer server, int m) throws Exception {
        Path project = root.resolve("chain-" + m);
        writeProject(project, "chain-" + m, false);
        Path migrations = Files.createDirectories(project.resolve("src/main/java/db/migrations"));
        for (int i = 1; i <= m; i++) {
            Files.writeString(migrations.resolve(String.format(Locale.ROOT, "V%06d.java", i)), migration(i));
        }
        Map<String, String> url = url(server, "chain");
        System.out.printf("chain of %,d migrations: compiling and writing the SQL script...%n", m);
        Path script = project.resolve("target/upgrade.sql");
        mvn(project, Map.of(), "compile", "migrate:upgrade", "-Dmigrate.sqlFile=" + script);
        server.recreate("chain");
        mvn(project, url, "migrate:upgrade");

        // The commands take turns, round after round, so that a slow spell of the machine's disk
        // weighs on all of them alike rather than on whichever ran during it. Each starts on a quiet
        // server (see rounds); a chain is applied to a database created afresh outside the timing.
        Map<String, Step> commands = new LinkedHashMap<>();
        Set<String> onFreshDatabase = Set.of("upgrade", "psql", "alembic upgrade");
        commands.put("validate", () -> mvn(project, url, "validate"));
        commands.put("upgrade", () -> mvn(project, url, "migrate:upgrade"));
        commands.put("current", () -> mvn(project, url, "migrate:current"));
        commands.put("noop", () -> mvn(project, url, "migrate:upgrade"));
        commands.put("psql", () -> {
            run(
                    project,
                    Map.of("PGPASSWORD", PASSWORD),
                    List.of(
                            "psql",
                            "-X",
                            "-q",
                            "-v",
                            "ON_ERROR_STOP=1",
                            "-o",
                            "/dev/null",
                            "-h",
                            server.host(),
                            "-p",
                            Integer.toString(server.port()),
                            "-U",
                            ItDatabase.USER,
                            "-d",
                            "chain",
                            "-f",
                            script.toString()));
        });
        if (python.isPresent()) {
            Path alembicProject = Files.createDirectories(root.resolve("alembic-chain-" + m));
            List<String> alembic = List.of(python.get(), "-m", "alembic", "-c", "alembic.ini");
            Map<String, String> alembicEnv = Map.of("BENCH_DATABASE_URL", server.url("chain"));
            run(
                    alembicProject,
                    Map.of(),
                    List.of(python.get(), script("alembic_chain.py"), alembicProject.toString(), Integer.toString(m)));
            commands.put(
                    "alembic upgrade",
                    () -> run(alembicProject, alembicEnv, concat(alembic, List.of("upgrade", "head"))));
            commands.put("alembic current", () -> run(alembicProject, alembicEnv, concat(alembic, List.of("current"))));
        }
        // the command line of the distribution, as a deployment runs it: bin/migrate, its class-data sharing
        // archive written by a first run, and plain java -jar beside it
        Optional<Path> launcher = cliLauncher();
        if (launcher.isPresent()) {
            String classes = project.resolve("target/classes").toString();
            Map<String, String> cliEnv = Map.of(
                    "MIGRATE_DATABASE_URL",
                    server.url("chain"),
                    "MIGRATE_CACHE",
                    root.resolve("cli-cache").toString());
            List<String> cli = List.of("/bin/sh", launcher.get().toString());
            List<String> jar = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    launcher.get()
                            .resolveSibling("../lib/migrate-cli.jar")
                            .normalize()
                            .toString());
            run(project, cliEnv, concat(cli, List.of("current", "--classpath", classes))); // writes the archive
            run(project, cliEnv, concat(jar, List.of("current", "--classpath", classes))); // and java -jar's, for current
            commands.put(
                    "cli upgrade", () -> run(project, cliEnv, concat(cli, List.of("upgrade", "--classpath", classes))));
            commands.put(
                    "cli current", () -> run(project, cliEnv, concat(cli, List.of("current", "--classpath", classes))));
            commands.put(
                    "cli upgrade, java -jar",
                    () -> run(project, cliEnv, concat(jar, List.of("upgrade", "--classpath", classes))));
            commands.put(
                    "cli current, java -jar",
                    () -> run(project, cliEnv, concat(jar, List.of("current", "--classpath", classes))));
        }
        // Flyway 11's command line, info at the head of the same chain (as SQL files), in a database of its own
        Optional<List<String>> flyway = flywayCommandLine();
        if (flyway.isPresent()) {
            Path sql = Files.createDirectories(root.resolve("flyway-chain-" + m));
            for (int i = 1; i <= m; i++) {
                Files.writeString(
                        sql.resolve("V" + i + "__table_" + i + ".sql"),
                        "CREATE TABLE c" + i + " (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                                + " name character varying(100) NOT NULL);\n");
            }
            server.recreate("flyway_chain");
            List<String> connect = List.of(
                    "-url=" + server.jdbcUrl("flyway_chain"),
                    "-user=" + ItDatabase.USER,
                    "-password=" + PASSWORD,
                    "-locations=filesystem:" + sql);
            run(project, Map.of(), concat(concat(flyway.get(), List.of("migrate")), connect));
            commands.put(
                    "flyway info",
                    () -> run(project, Map.of(), concat(concat(flyway.get(), List.of("info")), connect)));
        }
        Map<String, Timing> t = rounds(server, commands, name -> {
            if (onFreshDatabase.contains(name) || name.startsWith("cli upgrade")) {
                server.recreate("chain");
            }
        });
        server.recreate("chain");
        Timing validate = t.get("validate");
        Timing upgrade = t.get("upgrade");
        Map.ofEntries(
                        Map.entry("mvn validate (Maven's own start)", "validate"),
                        Map.entry("mvn migrate:upgrade of the chain", "upgrade"),
                        Map.entry("psql -f of the chain (floor)", "psql"),
                        Map.entry("mvn migrate:current at head", "current"),
                        Map.entry("mvn migrate:upgrade at head (no-op)", "noop"),
                        Map.entry("bin/migrate upgrade of the chain", "cli upgrade"),
                        Map.entry("bin/migrate current at head", "cli current"),
                        Map.entry("java -jar migrate-cli.jar current at head", "cli current, java -jar"),
                        Map.entry("java -jar migrate-cli.jar upgrade of the chain", "cli upgrade, java -jar"),
                        Map.entry("alembic upgrade head", "alembic upgrade"),
                        Map.entry("alembic current", "alembic current"))
                .entrySet()
                .stream()
                .filter(e -> t.containsKey(e.getValue()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> curves.add(e.getKey(), "revisions", m, t.get(e.getValue())));
        long pastMaven = upgrade.median() - validate.median();
        List<String> lines = new ArrayList<>();
        if (python.isPresent()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "alembic upgrade head, %,d revisions (Alembic %s)  %s; mvn migrate:upgrade / alembic %.2f",
                    m,
                    alembicVersion(),
                    t.get("alembic upgrade"),
                    (double) upgrade.median() / t.get("alembic upgrade").median()));
            lines.add(String.format(
                    Locale.ROOT, "alembic current at head                           %s", t.get("alembic current")));
        } else {
            lines.add(NO_ALEMBIC);
        }
        lines.add(String.format(Locale.ROOT, "mvn validate (Maven's own start)                  %s", validate));
        lines.add(String.format(
                Locale.ROOT,
                "mvn migrate:upgrade, %,d migrations               %s; past validate %,d",
                m,
                upgrade,
                pastMaven));
        lines.add(String.format(
                Locale.ROOT,
                "psql -f of the same script (floor)                 %s; ratio %.2f",
                t.get("psql"),
                (double) pastMaven / t.get("psql").median()));
        lines.add(String.format(
                Locale.ROOT,
                "mvn migrate:current at head                       %s; past validate %,d",
                t.get("current"),
                t.get("current").median() - validate.median()));
        lines.add(String.format(
                Locale.ROOT,
                "mvn migrate:upgrade at head (no-op)               %s; past validate %,d",
                t.get("noop"),
                t.get("noop").median() - validate.median()));
        if (launcher.isPresent()) {
            Timing cliUpgrade = t.get("cli upgrade");
            lines.add(String.format(
                    Locale.ROOT,
                    "bin/migrate upgrade, %,d migrations              %s; / psql floor %.2f (by round %.2f)%s",
                    m,
                    cliUpgrade,
                    (double) cliUpgrade.median() / t.get("psql").median(),
                    cliUpgrade.medianRatioByRound(t.get("psql")),
                    python.isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    "; / alembic upgrade %.2f",
                                    (double) cliUpgrade.median()
                                            / t.get("alembic upgrade").median())
                            : ""));
            lines.add(String.format(
                    Locale.ROOT,
                    "bin/migrate current at head (warm archive)        %s%s",
                    t.get("cli current"),
                    python.isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    "; / alembic current %.2f",
                                    (double) t.get("cli current").median()
                                            / t.get("alembic current").median())
                            : ""));
            lines.add(String.format(
                    Locale.ROOT,
                    "java -jar migrate-cli.jar upgrade, %,d migrations %s; / psql floor %.2f (by round %.2f)",
                    m,
                    t.get("cli upgrade, java -jar"),
                    (double) t.get("cli upgrade, java -jar").median()
                            / t.get("psql").median(),
                    t.get("cli upgrade, java -jar").medianRatioByRound(t.get("psql"))));
            lines.add(String.format(
                    Locale.ROOT,
                    "java -jar migrate-cli.jar current at head         %s; / bin/migrate current %.2f by round",
                    t.get("cli current, java -jar"),
                    t.get("cli current, java -jar").medianRatioByRound(t.get("cli current"))));
            if (flyway.isPresent()) {
                lines.add(String.format(
                        Locale.ROOT,
                        "flyway info at head (Flyway %s command line)  %s; bin/migrate current / flyway info %.2f",
                        FLYWAY,
                        t.get("flyway info"),
                        (double) t.get("cli current").median()
                                / t.get("flyway info").median()));
            }
        } else {
            lines.add(
                    "The command line: not measured (build it first: mvn -B -pl migrate-cli -am package -DskipTests)");
        }
        return lines;
    }

    /** The Flyway whose command line runs beside the command line's figures. */
    private static final String FLYWAY = "11.20.3";

    /**
     * Flyway's command line: its {@code Main} on the class path Maven resolves for {@code flyway-commandline}
     * (the packaged distribution, which brings a JRE of its own, is not on Maven Central); empty when it cannot
     * be resolved.
     */
    private Optional<List<String>> flywayCommandLine() throws IOException, InterruptedException {
        Path project = Files.createDirectories(root.resolve("flyway-cli"));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>flyway-cli</artifactId>
                  <version>1</version>
                  <dependencyManagement>
                    <dependencies>
                      <!-- one Jackson, as the distribution ships it: Maven's nearest-wins would mix two -->
                      <dependency>
                        <groupId>com.fasterxml.jackson</groupId>
                        <artifactId>jackson-bom</artifactId>
                        <version>2.19.1</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency>
                      <groupId>org.flywaydb</groupId>
                      <artifactId>flyway-commandline</artifactId>
                      <version>%1$s</version>
                    </dependency>
                    <dependency>
                      <groupId>org.flywaydb</groupId>
                      <artifactId>flyway-database-postgresql</artifactId>
                      <version>%1$s</version>
                    </dependency>
                    <dependency>
                      <groupId>org.postgresql</groupId>
                      <artifactId>postgresql</artifactId>
                      <version>42.7.14</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(FLYWAY));
        Path classpath = project.resolve("classpath.txt");
        try {
            run(
                    project,
                    Map.of(),
                    List.of("mvn", "-B", "-q", "dependency:build-classpath", "-Dmdep.outputFile=" + classpath));
        } catch (CommandFailed e) {
            System.out.println("Flyway's command line: not measured (" + e.getMessage() + ")");
            return Optional.empty();
        }
        return Optional.of(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                Files.readString(classpath).strip(),
                "org.flywaydb.commandline.Main"));
    }

    /** The launcher of the command line's distribution, unpacked from {@code migrate-cli/target}; empty when not built. */
    private Optional<Path> cliLauncher() throws IOException, InterruptedException {
        Path target = module.resolveSibling("migrate-cli").resolve("target");
        Optional<Path> dist;
        try (java.util.stream.Stream<Path> files = Files.list(target)) {
            dist = files.filter(f -> f.getFileName().toString().endsWith("-dist.tar.gz"))
                    .findFirst();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
        if (dist.isEmpty()) {
            return Optional.empty();
        }
        Path unpacked = Files.createDirectories(root.resolve("cli"));
        run(unpacked, Map.of(), List.of("tar", "-xzf", dist.get().toString(), "--strip-components=1"));
        return Optional.of(unpacked.resolve("bin/migrate"));
    }

    /**
     * A fleet of {@code n} tenant schemas migrated through {@link FleetChain}'s 20 steps: the whole
     * {@code mvn migrate:upgrade} of the fleet, 8 tenants at a time, beside the floor ({@code psql -f} of
     * the same script per tenant, 8 at a time) and Flyway 11 migrating the schemas from one JVM, one
     * after another and on 8 threads; then {@code current} and a no-op {@code upgrade} of the fleet at
     * head against {@code mvn validate}, and the peak memory of the fleet's {@code upgrade}.
     * {@code -Dbench.flyway=false} leaves Flyway out. A fleet of tenant databases runs the same, each tenant a
     * database of the server named in a file ({@code -Dmigrate.databases=@...}), the floor {@code psql -f} of the
     * offline script per database, without Flyway (whose fleet is one of schemas).
     */
    private List<String> fleet(BenchServer server, Fleet fleet) throws Exception {
        int n = fleet.size();
        String projectName = fleet.kind() == Fleet.Kind.SCHEMAS ? "fleet-" + n : "fleet-databases-" + n;
        Path project = root.resolve(projectName);
        writeProject(project, projectName, false);
        FleetChain.writeMigrations(project.resolve("src/main/java/db/migrations"));
        System.out.printf("fleet of %,d tenants: compiling and writing the SQL scripts...%n", n);
        Path offline = project.resolve("target/upgrade.sql");
        mvn(project, Map.of(), "compile", "migrate:upgrade", "-Dmigrate.sqlFile=" + offline);
        Path floorScript = project.resolve("target/floor.sql");
        Files.writeString(floorScript, FleetChain.floorScript(Files.readString(offline)));
        Path flywayScripts = project.resolve("target/flyway");
        FleetChain.writeFlywayScripts(Files.readString(offline), flywayScripts);

        Map<String, String> url;
        String tenants;
        if (fleet.kind() == Fleet.Kind.SCHEMAS) {
            url = url(server, "fleet");
            tenants = "-Dmigrate.tenants=tenant_%";
        } else {
            // the offline script's version tables are in public, where each tenant database keeps them
            floorScript = offline;
            url = Map.of();
            Path databases = project.resolve("databases.txt");
            Files.write(
                    databases,
                    java.util.stream.IntStream.rangeClosed(1, n)
                            .mapToObj(i -> server.url(fleet.database(i)))
                            .toList());
            tenants = "-Dmigrate.databases=@" + databases.getFileName();
        }
        Path tenantScript = floorScript;
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Step> commands = new LinkedHashMap<>();
        commands.put("validate", () -> mvn(project, url, "validate"));
        commands.put("upgrade", () -> mvn(project, url, "migrate:upgrade", tenants, "-Dmigrate.parallel=8"));
        commands.put("current", () -> mvn(project, url, "migrate:current", tenants));
        commands.put("noop", () -> mvn(project, url, "migrate:upgrade", tenants, "-Dmigrate.parallel=8"));
        // every tenant compared with the schema of its revision, the replay cache warm after the first round
        commands.put("drift", () -> mvn(project, url, "migrate:drift", tenants, "-Dmigrate.parallel=8"));
        // and again: every tenant unchanged since that run found it in sync
        commands.put("drift again", () -> mvn(project, url, "migrate:drift", tenants, "-Dmigrate.parallel=8"));
        commands.put("psql", () -> {
            floor(server, project, tenantScript, fleet);
            last.set(null); // many processes: their time alone is the floor's figure
        });
        boolean flyway =
                fleet.kind() == Fleet.Kind.SCHEMAS && Boolean.parseBoolean(System.getProperty("bench.flyway", "true"));
        if (flyway) {
            for (int threads : List.of(1, 8)) {
                commands.put(
                        "flyway " + threads,
                        () -> run(
                                project,
                                Map.of("BENCH_PASSWORD", PASSWORD),
                                List.of(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString(),
                                        "-cp",
                                        Files.readString(module.resolve("target/bench-classpath.txt"))
                                                        .strip()
                                                + java.io.File.pathSeparator
                                                + module.resolve("target/test-classes"),
                                        "dev.migrate.maven.bench.FlywayFleet", // in src/bench/java, compiled only with
                                        // the profile
                                        server.jdbcUrl("fleet"),
                                        ItDatabase.USER,
                                        flywayScripts.toString(),
                                        Integer.toString(threads),
                                        Integer.toString(n))));
            }
        }
        commands.replaceAll((name, step) -> () -> {
            try {
                step.run();
            } catch (CommandFailed e) {
                failures.putIfAbsent(name, e.getMessage());
            }
        });
        Set<String> onFreshFleet = Set.of("upgrade", "psql", "flyway 1", "flyway 8");
        Map<String, Timing> t = rounds(server, commands, name -> {
            if (onFreshFleet.contains(name)) {
                recreateFleet(server, fleet);
            }
        });
        Timing validate = t.get("validate");
        Timing upgrade = t.get("upgrade");
        Timing floor = t.get("psql");
        List<String> lines = new ArrayList<>();
        String tenantsUnit = fleet.kind() == Fleet.Kind.SCHEMAS ? "tenant schemas" : "tenant databases";
        lines.add(String.format(
                Locale.ROOT, "fleet of %,d %s, %d migrations each", n, tenantsUnit, FleetChain.MIGRATIONS));
        lines.add(String.format(Locale.ROOT, "  mvn validate (Maven's own start)              %s", validate));
        lines.add(String.format(
                Locale.ROOT,
                "  mvn migrate:upgrade, 8 tenants at a time      %s; / floor %.2f (past validate %.2f)",
                upgrade,
                (double) upgrade.median() / floor.median(),
                (double) (upgrade.median() - validate.median()) / floor.median()));
        // one curve per kind of fleet: schemas and databases are not points of one curve
        String of = fleet.kind() == Fleet.Kind.SCHEMAS ? "schemas" : "databases";
        curves.add("mvn migrate:upgrade, fleet of " + of + ", 8 at a time", tenantsUnit, n, upgrade);
        curves.add("psql -f per tenant, 8 at a time (floor), " + of, tenantsUnit, n, floor);
        curves.add("mvn migrate:current, fleet of " + of + " at head", tenantsUnit, n, t.get("current"));
        curves.add("mvn migrate:upgrade, fleet of " + of + " at head (no-op)", tenantsUnit, n, t.get("noop"));
        curves.add("mvn migrate:drift, fleet of " + of + " in sync", tenantsUnit, n, t.get("drift"));
        curves.add("mvn migrate:drift, fleet of " + of + ", unchanged since", tenantsUnit, n, t.get("drift again"));
        lines.add(String.format(Locale.ROOT, "  psql -f per tenant, 8 at a time (floor)       %s", floor));
        if (flyway) {
            for (String name : List.of("flyway 1", "flyway 8")) {
                Timing f = t.get(name);
                curves.add(
                        "Flyway 11, fleet of schemas, " + (name.endsWith(" 1") ? "one after another" : "8 threads"),
                        tenantsUnit,
                        n,
                        f);
                lines.add(String.format(
                        Locale.ROOT,
                        "  Flyway 11, one JVM, %s                  %s; / floor %.2f; / mvn migrate:upgrade %.2f",
                        name.endsWith(" 1") ? "one after another" : "8 threads       ",
                        f,
                        (double) f.median() / floor.median(),
                        (double) f.median() / upgrade.median()));
            }
        }
        lines.add(String.format(
                Locale.ROOT,
                "  mvn migrate:current at head                   %s; past validate %,d",
                t.get("current"),
                t.get("current").median() - validate.median()));
        lines.add(String.format(
                Locale.ROOT,
                "  mvn migrate:upgrade at head (no-op)           %s; past validate %,d",
                t.get("noop"),
                t.get("noop").median() - validate.median()));
        lines.add(String.format(
                Locale.ROOT,
                "  mvn migrate:drift of the fleet, in sync       %s; / no-op upgrade %.2f",
                t.get("drift"),
                (double) t.get("drift").median() / t.get("noop").median()));
        lines.add(String.format(
                Locale.ROOT,
                "    again, unchanged since found in sync        %s; / no-op upgrade %.2f",
                t.get("drift again"),
                (double) t.get("drift again").median() / t.get("noop").median()));
        failures.forEach((name, message) -> lines.add("  " + name + ": " + message));
        return lines;
    }

    /** The floor of a fleet: {@code psql -f} of the same script for each tenant, 8 tenants at a time. */
    private void floor(BenchServer server, Path project, Path script, Fleet fleet) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Object>> tenants = new ArrayList<>();
            for (int i = 1; i <= fleet.size(); i++) {
                Map<String, String> env = fleet.kind() == Fleet.Kind.SCHEMAS
                        ? Map.of("PGPASSWORD", PASSWORD, "PGOPTIONS", "-c search_path=" + FleetChain.tenant(i))
                        : Map.of("PGPASSWORD", PASSWORD);
                String database = fleet.database(i);
                tenants.add(pool.submit(() -> {
                    run(
                            project,
                            env,
                            List.of(
                                    "psql",
                                    "-X",
                                    "-q",
                                    "-v",
                                    "ON_ERROR_STOP=1",
                                    "-o",
                                    "/dev/null",
                                    "-h",
                                    server.host(),
                                    "-p",
                                    Integer.toString(server.port()),
                                    "-U",
                                    ItDatabase.USER,
                                    "-d",
                                    database,
                                    "-f",
                                    script.toString()));
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Object> tenant : tenants) {
                try {
                    tenant.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof CommandFailed failed) {
                        throw failed;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The fleet afresh: its database with its empty tenant schemas, or its empty tenant databases. */
    private static void recreateFleet(BenchServer server, Fleet fleet) throws SQLException {
        if (fleet.kind() == Fleet.Kind.DATABASES) {
            for (int i = 1; i <= fleet.size(); i++) {
                server.recreate(fleet.database(i));
            }
            return;
        }
        int n = fleet.size();
        server.recreate("fleet");
        StringBuilder schemas = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            schemas.append("CREATE SCHEMA ")
                    .append(FleetChain.tenant(i))
                    .append(" AUTHORIZATION ")
                    .append(ItDatabase.USER)
                    .append(";\n");
        }
        try (Connection c = server.admin("fleet");
                Statement s = c.createStatement()) {
            s.execute(schemas.toString());
        }
    }

    private static final String NO_ALEMBIC = "Alembic: not measured (needs a python3 with Alembic 1.8 and psycopg2:"
            + " apt-get install python3-alembic python3-psycopg2, or -Dbench.python=<path>)";

    /**
     * Runs every command once per round, in order, for {@link #runs} rounds; the timings by name.
     * Before each, untimed, {@code prepare} gets its database ready, then the server writes out what
     * the commands before left in its buffers and the machine flushes its own, so that no command
     * pays for the writes of the one before it.
     */
    private Map<String, Timing> rounds(BenchServer server, Map<String, Step> commands, Preparation prepare)
            throws Exception {
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        Map<String, List<Timing.Figures>> processes = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, Step> command : commands.entrySet()) {
                prepare.before(command.getKey());
                server.quiet();
                last.set(null);
                long start = System.nanoTime();
                command.getValue().run();
                millis.computeIfAbsent(command.getKey(), k -> new ArrayList<>())
                        .add((System.nanoTime() - start) / 1_000_000);
                measured(processes.computeIfAbsent(command.getKey(), k -> new ArrayList<>()));
            }
        }
        Map<String, Timing> timings = new LinkedHashMap<>();
        millis.forEach((name, values) -> timings.put(name, timing(values, processes.get(name))));
        return timings;
    }

    /** Alembic's autogenerate comparison of the same {@code n} tables (which it finds equal), whole process. */
    private Timing alembicCompare(BenchServer server, Path project, String database, int n) throws Exception {
        String url = server.url(database);
        return time(() -> run(
                project,
                Map.of(),
                List.of(python.orElseThrow(), script("alembic_compare.py"), url, Integer.toString(n))));
    }

    private String script(String name) {
        return module.resolve("src/test/resources/bench/" + name).toString();
    }

    private String alembicVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python.orElseThrow(), "-c", "import alembic; print(alembic.__version__)")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }

    private static Optional<String> alembicPython() {
        List<String> candidates = System.getProperty("bench.python") != null
                ? List.of(System.getProperty("bench.python"))
                : List.of("python3", "/usr/bin/python3");
        for (String candidate : candidates) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import alembic, psycopg2")
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return Optional.empty();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private Timing time(Step step) throws Exception {
        List<Long> millis = new ArrayList<>();
        List<Timing.Figures> processes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            last.set(null);
            long start = System.nanoTime();
            step.run();
            millis.add((System.nanoTime() - start) / 1_000_000);
            measured(processes);
        }
        return timing(millis, processes);
    }

    /** Adds what the last process took to {@code processes}, when it was measured. */
    private void measured(List<Timing.Figures> processes) {
        Timing.Figures figures = last.getAndSet(null);
        if (figures != null) {
            processes.add(figures);
        }
    }

    /** The timing of {@code millis}, with the processes' figures when every run's process was measured. */
    private static Timing timing(List<Long> millis, List<Timing.Figures> processes) {
        return new Timing(millis, processes.size() == millis.size() ? processes : List.of());
    }

    /**
     * The dev loop: a column added to one entity and the project compiled (not timed), then {@code
     * migrate:autogenerate} writing its migration with warm caches (timed), the migration removed after;
     * each run adds a column of another name, so the provider's DDL is never one the entity cache holds.
     */
    private Timing devLoop(Path project, Map<String, String> env, int n) throws Exception {
        Path entity = editedEntity(project, n);
        String original = Files.readString(entity);
        Path migrations = project.resolve("src/main/java/db/migrations");
        Path compiled = project.resolve("target/classes/db/migrations");
        List<Long> millis = new ArrayList<>();
        List<Timing.Figures> processes = new ArrayList<>();
        try {
            // the first edit is not timed: it leaves what a developer's previous edit leaves, both caches warm
            // with the entity side of the entities before this edit built
            for (int i = 0; i <= runs; i++) {
                String column = "dev_loop_" + i + "_" + System.nanoTime() % 100_000;
                Files.writeString(entity, withColumn(original, column, "devLoop"));
                mvn(project, env, "compile");
                long start = System.nanoTime();
                mvn(project, env, "migrate:autogenerate", "-Dmigrate.message=dev loop");
                if (i > 0) {
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    measured(processes);
                }
                for (Path directory : List.of(migrations, compiled)) {
                    try (var files = Files.list(directory)) {
                        for (Path written : files.filter(
                                        f -> f.getFileName().toString().contains("DevLoop"))
                                .toList()) {
                            Files.delete(written);
                        }
                    }
                }
            }
        } finally {
            Files.writeString(entity, original);
            mvn(project, env, "compile");
        }
        return timing(millis, processes);
    }

    /** The entity an edit changes in the check project of {@code n} entities: {@code E<3n/4>}. */
    private static Path editedEntity(Path project, int n) {
        return project.resolve("src/main/java/bench/model/E" + (n * 3 / 4) + ".java");
    }

    /** The entity's {@code source} with one more column, {@code column}, mapped by a field named {@code field}. */
    private static String withColumn(String source, String column, String field) {
        return source.substring(0, source.lastIndexOf('}')) + "    @Column(name = \"" + column
                + "\", length = 30)\n    private String " + field + ";\n}\n";
    }

    private void mvn(Path project, Map<String, String> env, String... goals) throws IOException, InterruptedException {
        run(project, env, mvnCommand(goals));
    }

    private List<String> mvnCommand(String... goals) {
        List<String> command =
                new ArrayList<>(List.of("mvn", "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(goals));
        return command;
    }

    /**
     * Runs {@code command} in {@code project} as one whole process measured by {@code /usr/bin/time} (and, for
     * {@code mvn}, with its JVM's collections logged), leaving what it took in {@link #last}.
     */
    private void run(Path project, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Measured measured = measured(project, env, command);
        int exit = measured.builder()
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        project.resolve("bench.log").toFile()))
                .start()
                .waitFor();
        last.set(measured.figures().orElse(null));
        if (exit != 0) {
            String error;
            try (Stream<String> lines = Files.lines(project.resolve("bench.log"))) {
                error = lines.filter(l -> l.startsWith("[ERROR] Failed"))
                        .reduce((a, b) -> b)
                        .orElse("exit " + exit);
            }
            String shown = "mvn".equals(command.get(0))
                    ? "mvn " + String.join(" ", command.subList(5, command.size()))
                    : String.join(" ", command);
            throw new CommandFailed("FAILED " + shown + ": " + error);
        }
    }

    /**
     * {@code command} to run in {@code project} as one whole process measured by {@code /usr/bin/time} (and, for
     * {@code mvn}, with its JVM's collections logged), its output and errors one stream.
     */
    private Measured measured(Path project, Map<String, String> env, List<String> command) throws IOException {
        Path measures = Files.createDirectories(root.resolve("measures"));
        Path time = Files.createTempFile(measures, "time", ".txt");
        Path gc = measures.resolve(time.getFileName().toString().replace(".txt", ".gc"));
        List<String> timed =
                new ArrayList<>(List.of("/usr/bin/time", "-f", Timing.Figures.TIME_FORMAT, "-o", time.toString()));
        timed.addAll(command);
        ProcessBuilder builder =
                new ProcessBuilder(timed).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().remove("MIGRATE_DATABASE_URL");
        builder.environment().putAll(env);
        if ("mvn".equals(command.get(0))) {
            builder.environment().merge("MAVEN_OPTS", " -Xlog:gc:file=" + gc + ":none", String::concat);
        }
        return new Measured(builder, time, gc);
    }

    /** A process to start, and where {@code /usr/bin/time} and its JVM's collector write what it took. */
    record Measured(ProcessBuilder builder, Path time, Path gc) {
        /** What the process took, once it has ended; the two files are deleted. */
        Optional<Timing.Figures> figures() throws IOException {
            Optional<Timing.Figures> figures = Timing.Figures.read(time, gc);
            Files.deleteIfExists(time);
            Files.deleteIfExists(gc);
            return figures;
        }
    }

    /** A command that exited with an error; the other figures are still taken. */
    private static final class CommandFailed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CommandFailed(String message) {
            super(message);
        }
    }

    private static Map<String, String> url(BenchServer server, String database) {
        return Map.of("MIGRATE_DATABASE_URL", server.url(database));
    }

    private void writeProject(Path project, String artifactId, boolean entities) throws IOException {
        Files.createDirectories(project);
        String hibernate = entities ? """
                    <dependency>
                      <groupId>org.hibernate.orm</groupId>
                      <artifactId>hibernate-core</artifactId>
                      <version>7.4.6.Final</version>
                    </dependency>
                """ : "";
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.migrate.bench</groupId>
                  <artifactId>%s</artifactId>
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
                %s  </dependencies>
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
                    <plugins>
                      <plugin>
                        <groupId>dev.migrate</groupId>
                        <artifactId>migrate-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, version, hibernate, version));
    }

    /** Entity {@code i}: table {@code t<i>}, identity key, 8 more columns, an index, a unique constraint, a key to {@code t<i-1>}. */
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

    /**
     * The migration that creates the tables of entities {@code from} to {@code to - 1}, written as {@code
     * migrate:autogenerate} writes it when those entities are added (its spelling of types, unnamed inline
     * keys, the index and the foreign key after each table): the chain a project grown by autogenerate has.
     */
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
        return migrationClass(
                name,
                name.toLowerCase(Locale.ROOT),
                from == 0 ? null : String.format(Locale.ROOT, "m%06d", from - TABLES_PER_MIGRATION),
                "tables " + from + " to " + (to - 1),
                upgrade,
                downgrade);
    }

    /**
     * The migration that creates the same tables as {@link #tablesMigration}, written by hand in SQL as a team
     * coming from Flyway has it: {@code CREATE TABLE} with the types spelled as the entities map them, named primary,
     * unique and foreign keys in the table, then a {@code CREATE INDEX}.
     */
    private static String sqlTablesMigration(int from, int to) {
        StringBuilder upgrade = new StringBuilder();
        StringBuilder downgrade = new StringBuilder();
        for (int i = from; i < to; i++) {
            String parent = i == 0
                    ? ""
                    : ", CONSTRAINT t%1$d_parent_fk FOREIGN KEY (parent_id) REFERENCES t%2$d(id)".formatted(i, i - 1);
            upgrade.append("""
                            op.execute("CREATE TABLE t%1$d (id bigint GENERATED BY DEFAULT AS IDENTITY, active boolean NOT NULL, "
                                    + "amount numeric(12,2), code varchar(40) NOT NULL, created_at timestamp(6) with time zone NOT NULL, "
                                    + "name varchar(200), quantity integer NOT NULL, ratio double precision, parent_id bigint, "
                                    + "CONSTRAINT t%1$d_pkey PRIMARY KEY (id), CONSTRAINT t%1$d_code_key UNIQUE (code)%2$s)");
                            op.execute("CREATE INDEX t%1$d_created_idx ON t%1$d (created_at)");
                    """.formatted(i, parent));
            downgrade.insert(0, "        op.execute(\"DROP TABLE t" + i + "\");\n");
        }
        String name = String.format(Locale.ROOT, "M%06d", from);
        return migrationClass(
                name,
                name.toLowerCase(Locale.ROOT),
                from == 0 ? null : String.format(Locale.ROOT, "m%06d", from - TABLES_PER_MIGRATION),
                "tables " + from + " to " + (to - 1),
                upgrade,
                downgrade);
    }

    private static String migration(int i) {
        return migrationClass(
                String.format(Locale.ROOT, "V%06d", i),
                String.format(Locale.ROOT, "%06d", i),
                i == 1 ? null : String.format(Locale.ROOT, "%06d", i - 1),
                "table " + i,
                """
                                op.createTable("c%1$d",
                                        column("id", "bigint").identity().primaryKey(),
                                        column("name", "character varying(100)").notNull());
                        """.formatted(i),
                "        op.dropTable(\"c" + i + "\");\n");
    }

    /** The source of migration class {@code className}, revision {@code id}, revising {@code revises} ({@code null}: none). */
    private static String migrationClass(
            String className, String id, String revises, String message, CharSequence upgrade, CharSequence downgrade) {
        return """
                package db.migrations;

                import static dev.migrate.Ddl.*;

                import dev.migrate.Migration;
                import dev.migrate.Operations;
                import dev.migrate.Revision;

                @Revision(id = "%s"%s, message = "%s")
                public class %s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                %s    }

                    @Override
                    public void downgrade(Operations op) {
                %s    }
                }
                """.formatted(
                id, revises == null ? "" : ", revises = \"" + revises + "\"", message, className, upgrade, downgrade);
    }

    private static List<Integer> numbers(String list) {
        return Stream.of(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Integer::parseInt)
                .toList();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private interface Preparation {
        void before(String command) throws Exception;
    }
}
