package dev.migrate.bench;

import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.op.OnlineChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Load benchmark of online migrations: what the applications writing to a busy table see while an online
 * change is made to it, compared with the same change made by a plain migration.
 *
 * <p>On a server given by its JDBC URL, a table {@code accounts (id bigint PRIMARY KEY, balance integer NOT
 * NULL DEFAULT 0, note text)} of {@code bench.rows} rows (default 3,000,000) takes a steady write load from
 * pgbench, 4 clients on 2 threads, each transaction updating a random account and inserting a new one. The
 * change: {@code balance} to {@code bigint} and {@code note} renamed to {@code memo}.
 *
 * <ul>
 *   <li>Online: the old application writes; {@code upgrade} runs the expand phase of the online revision;
 *       the new application starts, writing {@code memo} and the {@code bigint} balance through the
 *       revision's schema of views, beside the old one; the old application stops; {@code complete} runs
 *       the contract phase while the new application writes on.
 *   <li>Plain: on a fresh table, the old application writes while an ordinary revision makes the same
 *       change ({@code ALTER COLUMN ... TYPE} rewrites the table under its lock, then the rename).
 * </ul>
 *
 * <p>It reports the failed transactions and aborted clients of every pgbench run, the longest transaction
 * (from pgbench's per-transaction log, schedule lag included) in each phase, how long the expand, the
 * contract and the plain migration took, and the backfill's rate from the migration log. Each application's
 * load is a series of pgbench runs of {@code bench.chunk} seconds (default 5), so that it can be stopped
 * between two runs with its summary whole; each run opens its connections anew.
 *
 * <p>Run: {@code mvn -B -q -o -pl migrate-engine -am test-compile exec:java
 * -Dexec.mainClass=dev.migrate.bench.OnlineLoadBenchmark -Dexec.classpathScope=test
 * -Dbench.server='jdbc:postgresql://127.0.0.1:5499/postgres?user=postgres&password=stock-pw'}. It creates
 * the databases {@code online_bench_online} and {@code online_bench_plain} on that server and drops them at
 * the end. Other settings, as system properties: {@code bench.rows} (3000000); {@code bench.rate}, the
 * transactions per second of each application (500; 0 for as fast as they go); {@code bench.pgbench}
 * ({@code /usr/lib/postgresql/15/bin/pgbench}); {@code bench.warmup}, the seconds of load before the change
 * (7); {@code bench.overlap}, the seconds both applications run (5); {@code bench.tail}, the seconds of load
 * after the change (5); {@code bench.chunk}, the seconds of each pgbench run (5); {@code bench.keep=true}
 * keeps the databases.
 */
public final class OnlineLoadBenchmark {
    static final String ONLINE_REVISION = "a2";
    private static final int CLIENTS = 4;

    /** The table, created empty; the benchmark fills it. */
    @Revision(id = "a1", message = "accounts")
    public static class Accounts implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, balance integer NOT NULL DEFAULT 0, note text)");
            op.execute("CREATE SEQUENCE accounts_new_id");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE accounts");
            op.execute("DROP SEQUENCE accounts_new_id");
        }
    }

    /** The change made online. */
    @Revision(id = ONLINE_REVISION, revises = "a1", message = "wide balances and memos, online")
    public static class WideBalanceOnline implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("accounts", "balance")
                    .type("bigint")
                    .up("balance::bigint"));
            op.online(OnlineChange.renameColumn("accounts", "note", "memo"));
        }

        @Override
        public void downgrade(Operations op) {
            op.alterColumnType("accounts", "balance", "integer");
            op.renameColumn("accounts", "memo", "note");
        }
    }

    /** The same change in an ordinary revision. */
    @Revision(id = ONLINE_REVISION, revises = "a1", message = "wide balances and memos")
    public static class WideBalancePlain implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.alterColumnType("accounts", "balance", "bigint");
            op.renameColumn("accounts", "note", "memo");
        }

        @Override
        public void downgrade(Operations op) {
            op.alterColumnType("accounts", "balance", "integer");
            op.renameColumn("accounts", "memo", "note");
        }
    }

    private static final Pattern BACKFILL_RATE = Pattern.compile("^Backfilled .*, ([\\d,]+) rows/s\\.$");
    private static final Pattern PROCESSED =
            Pattern.compile("^number of transactions actually processed: (\\d+)", Pattern.MULTILINE);
    private static final Pattern FAILED = Pattern.compile("^number of failed transactions: (\\d+)", Pattern.MULTILINE);
    private static final Pattern ABORTED = Pattern.compile("client (\\d+) script \\d+ aborted");

    private final Server server;
    private final Path pgbench;
    private final long rows;
    private final int rate;
    private final int chunkSeconds;
    private final int warmupSeconds;
    private final int overlapSeconds;
    private final int tailSeconds;
    private final Path work;

    private OnlineLoadBenchmark(Server server, Path pgbench, long rows, int rate, int chunkSeconds, Path work) {
        this.server = server;
        this.pgbench = pgbench;
        this.rows = rows;
        this.rate = rate;
        this.chunkSeconds = chunkSeconds;
        this.warmupSeconds = Integer.getInteger("bench.warmup", 7);
        this.overlapSeconds = Integer.getInteger("bench.overlap", 5);
        this.tailSeconds = Integer.getInteger("bench.tail", 5);
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.server");
        if (url == null || url.isBlank()) {
            System.err.println(
                    "Give the server: -Dbench.server=jdbc:postgresql://host:port/postgres?user=...&password=...");
            System.exit(2);
        }
        OnlineLoadBenchmark bench = new OnlineLoadBenchmark(
                Server.parse(url),
                Path.of(System.getProperty("bench.pgbench", "/usr/lib/postgresql/15/bin/pgbench")),
                Long.getLong("bench.rows", 3_000_000L),
                Integer.getInteger("bench.rate", 500),
                Integer.getInteger("bench.chunk", 5),
                Files.createTempDirectory("online-bench"));
        boolean keep = Boolean.getBoolean("bench.keep");
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String version = bench.serverVersion();
        System.out.printf(
                Locale.ROOT,
                "Online load benchmark, %s%nServer: %s (%s)%nWork directory: %s%n",
                started,
                version,
                bench.server.hostPort(),
                bench.work);
        Report online;
        Report plain;
        try {
            online = bench.online();
            plain = bench.plain();
        } finally {
            if (!keep) {
                bench.dropDatabase("online_bench_online");
                bench.dropDatabase("online_bench_plain");
            }
        }
        bench.print(started, version, online, plain);
        System.exit(0);
    }

    // ---- the scenarios ----

    /** Scenario A: expand under the old application's load, both applications, contract under the new one's. */
    private Report online() throws Exception {
        Report report = new Report("online");
        report.phases = List.of("expand", "switch (both applications)", "contract");
        System.out.printf(Locale.ROOT, "%n== Online: %,d rows ==%n", rows);
        DataSource db = prepare("online_bench_online", WideBalanceOnline.class);
        Path oldScript = oldScript();
        Path newScript = script(
                "new.sql",
                "UPDATE accounts SET balance = balance + 1, memo = 'new application' WHERE id = :id;\n"
                        + "SELECT balance, memo FROM accounts WHERE id = :id;",
                "INSERT INTO accounts (id, balance, memo) VALUES (nextval('accounts_new_id'), :id, 'new application');");
        RecordingLog log = new RecordingLog();
        Migrator migrator = migrator(db, WideBalanceOnline.class, log);

        Load old = new Load("online", "old", "online_bench_online", oldScript, null);
        Load neu = new Load("online", "new", "online_bench_online", newScript, "public_" + ONLINE_REVISION + ",public");
        report.loads.add(old);
        report.loads.add(neu);
        long loadStart = micros();
        old.start();
        sleep(warmupSeconds);

        long expandStart = micros();
        report.window("baseline (old application)", loadStart, expandStart);
        try {
            migrator.upgrade("head");
        } catch (RuntimeException e) {
            report.errors.add("upgrade (expand) failed: " + describe(e));
        }
        long expandEnd = micros();
        report.window("expand", expandStart, expandEnd);
        report.expandSeconds = (expandEnd - expandStart) / 1e6;
        report.backfillRate = backfillRate(log);
        log.print("expand");
        if (!report.errors.isEmpty()) {
            old.stop();
            return report;
        }

        long switchStart = micros();
        neu.start();
        sleep(overlapSeconds);
        old.stop();
        long switchEnd = micros();
        report.window("switch (both applications)", switchStart, switchEnd);
        report.outOfStep = outOfStep(db);

        log.lines.clear();
        long completeStart = micros();
        report.window("balance check (new application)", switchEnd, completeStart);
        try {
            migrator.complete();
        } catch (RuntimeException e) {
            report.errors.add("complete (contract) failed: " + describe(e));
        }
        long completeEnd = micros();
        report.window("contract", completeStart, completeEnd);
        report.completeSeconds = (completeEnd - completeStart) / 1e6;
        log.print("complete");

        sleep(tailSeconds);
        neu.stop();
        report.window("after (new application)", completeEnd, micros());
        report.shape = shape(db);
        report.rowsLost = rows + old.processed() + neu.processed() - count(db);
        return report;
    }

    /** Scenario B: the same change as an ordinary revision, under the old application's load. */
    private Report plain() throws Exception {
        Report report = new Report("plain");
        report.phases = List.of("plain migration");
        System.out.printf(Locale.ROOT, "%n== Plain: %,d rows ==%n", rows);
        DataSource db = prepare("online_bench_plain", WideBalancePlain.class);
        RecordingLog log = new RecordingLog();
        Migrator migrator = migrator(db, WideBalancePlain.class, log);
        Load old = new Load("plain", "old", "online_bench_plain", oldScript(), null);
        report.loads.add(old);
        long loadStart = micros();
        old.start();
        sleep(warmupSeconds);
        long start = micros();
        report.window("baseline (old application)", loadStart, start);
        try {
            migrator.upgrade("head");
        } catch (RuntimeException e) {
            report.errors.add("upgrade failed: " + describe(e));
        }
        long end = micros();
        report.window("plain migration", start, end);
        report.plainSeconds = (end - start) / 1e6;
        log.print("plain migration");
        sleep(tailSeconds);
        old.stop();
        report.window("after (old application)", end, micros());
        report.shape = shape(db);
        return report;
    }

    // ---- the database ----

    /** A fresh database with the table filled, vacuumed and analysed. */
    private DataSource prepare(String name, Class<?> change) throws SQLException {
        dropDatabase(name);
        try (Connection c = server.dataSource(server.url("postgres")).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        DataSource db = server.dataSource(server.url(name));
        migrator(db, change, new RecordingLog()).upgrade("a1");
        long t = System.nanoTime();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO accounts (id, balance, note) SELECT g, (g % 1000)::integer, 'note ' || g"
                    + " FROM generate_series(1, " + rows + ") g");
            s.execute("SELECT setval('accounts_new_id', " + rows + ")");
            s.execute("VACUUM ANALYZE accounts");
        }
        System.out.printf(Locale.ROOT, "Filled %s: %,d rows in %.1f s%n", name, rows, (System.nanoTime() - t) / 1e9);
        return db;
    }

    private static long count(DataSource db) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM accounts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void dropDatabase(String name) throws SQLException {
        try (Connection c = server.dataSource(server.url("postgres")).getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private String serverVersion() throws SQLException {
        try (Connection c = server.dataSource(server.url("postgres")).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Migrator migrator(DataSource db, Class<?> change, MigrationLog log) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(Accounts.class, change)
                .log(log)
                .build();
    }

    /** Rows whose two balances differ, read once both applications stopped writing the old shape. */
    private static long outOfStep(DataSource db) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM accounts"
                        + " WHERE _migrate_new_balance IS DISTINCT FROM balance::bigint")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            System.out.println("Could not compare the balances: " + e.getMessage());
            return -1;
        }
    }

    /** The table's columns and types, and its row count, once the change is done. */
    private static String shape(DataSource db) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod),"
                        + " ', ' ORDER BY attnum), (SELECT count(*) FROM accounts) FROM pg_attribute"
                        + " WHERE attrelid = 'public.accounts'::regclass AND attnum > 0 AND NOT attisdropped")) {
            rs.next();
            return "accounts (" + rs.getString(1) + "), " + String.format(Locale.ROOT, "%,d", rs.getLong(2)) + " rows";
        } catch (SQLException e) {
            return "(could not read the table: " + e.getMessage() + ")";
        }
    }

    // ---- the load ----

    private Path oldScript() throws IOException {
        return script(
                "old.sql",
                "UPDATE accounts SET balance = balance + 1, note = 'old application' WHERE id = :id;\n"
                        + "SELECT balance, note FROM accounts WHERE id = :id;",
                "INSERT INTO accounts (id, balance, note) VALUES (nextval('accounts_new_id'), 1, 'old application');");
    }

    private Path script(String name, String update, String insert) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(
                file,
                "\\set id random(1, " + rows + ")\nBEGIN;\n" + update + "\n" + insert + "\nEND;\n",
                StandardCharsets.UTF_8);
        return file;
    }

    /** One pgbench run of a load. */
    private record Run(
            int index,
            long startMicros,
            long endMicros,
            int exitCode,
            long processed,
            long failed,
            List<Integer> abortedClients,
            List<String> errors,
            String prefix) {
        int aborted() {
            return abortedClients.size();
        }
    }

    /** One transaction of pgbench's per-transaction log, of the application named and its run. */
    private record Txn(String app, int run, int client, long endMicros, long latencyMicros, boolean failed) {
        long startMicros() {
            return endMicros - latencyMicros;
        }
    }

    /** An application's load: pgbench runs one after another until it is stopped. */
    private final class Load {
        final String scenario;
        final String name;
        final String database;
        final Path script;
        final @Nullable String searchPath;
        final List<Run> runs = new CopyOnWriteArrayList<>();
        private volatile boolean stopping;
        private @Nullable Thread thread;

        Load(String scenario, String name, String database, Path script, @Nullable String searchPath) {
            this.scenario = scenario;
            this.name = name;
            this.database = database;
            this.script = script;
            this.searchPath = searchPath;
        }

        void start() {
            Thread t = new Thread(this::loop, "load-" + name);
            thread = t;
            t.start();
        }

        /** Stops after the run under way. */
        void stop() throws InterruptedException {
            stopping = true;
            Thread t = thread;
            if (t != null) {
                t.join();
            }
        }

        private void loop() {
            for (int i = 0; !stopping; i++) {
                long began = System.nanoTime();
                Run run = run(i);
                runs.add(run);
                System.out.printf(
                        Locale.ROOT,
                        "  [%s app, run %d] %d transactions, %d failed, %d clients aborted, exit %d%s%n",
                        name,
                        i,
                        run.processed(),
                        run.failed(),
                        run.aborted(),
                        run.exitCode(),
                        run.errors().isEmpty() ? "" : ": " + run.errors().get(0));
                // a run whose clients all aborted ends at once: the next one starts when it was due
                long rest = chunkSeconds * 1000L - (System.nanoTime() - began) / 1_000_000;
                if (rest > 0 && !stopping) {
                    try {
                        Thread.sleep(rest);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private Run run(int index) {
            String prefix = String.format(Locale.ROOT, "%s-%s-%03d", scenario, name, index);
            List<String> command = new ArrayList<>(List.of(
                    pgbench.toString(),
                    "-n",
                    "-M",
                    "prepared",
                    "-c",
                    Integer.toString(CLIENTS),
                    "-j",
                    "2",
                    "-T",
                    Integer.toString(chunkSeconds),
                    "--progress=1",
                    "-l",
                    "--log-prefix=" + work.resolve(prefix),
                    "-f",
                    script.toString()));
            if (rate > 0) {
                command.add("-R");
                command.add(Integer.toString(rate));
            }
            command.addAll(List.of("-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.user()));
            command.add(database);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            Path out = work.resolve(prefix + ".out");
            pb.redirectOutput(out.toFile());
            if (server.password() != null) {
                pb.environment().put("PGPASSWORD", server.password());
            }
            if (searchPath != null) {
                pb.environment().put("PGOPTIONS", "-c search_path=" + searchPath);
            } else {
                pb.environment().remove("PGOPTIONS");
            }
            int exit;
            long start = micros();
            try {
                exit = pb.start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = -1;
            }
            String text = read(out);
            List<String> errors = new ArrayList<>();
            List<Integer> aborted = new ArrayList<>();
            for (String line : text.lines().toList()) {
                Matcher abort = ABORTED.matcher(line);
                if (abort.find()) {
                    aborted.add(Integer.parseInt(abort.group(1)));
                }
                if (line.startsWith("pgbench: error:") || line.contains("ERROR:") || line.contains("FATAL:")) {
                    errors.add(line.trim());
                }
            }
            return new Run(
                    index,
                    start,
                    micros(),
                    exit,
                    number(PROCESSED, text),
                    number(FAILED, text),
                    aborted,
                    errors,
                    prefix);
        }

        /** Every transaction of every run, from pgbench's per-transaction logs. */
        List<Txn> transactions() throws IOException {
            List<Txn> all = new ArrayList<>();
            for (Run run : runs) {
                try (Stream<Path> files = Files.list(work)) {
                    for (Path file : files.filter(
                                    f -> f.getFileName().toString().startsWith(run.prefix() + "."))
                            .filter(f -> !f.getFileName().toString().endsWith(".out"))
                            .toList()) {
                        for (String line : read(file).lines().toList()) {
                            Txn txn = parse(name, run.index(), line);
                            if (txn != null) {
                                all.add(txn);
                            }
                        }
                    }
                }
            }
            return all;
        }

        long processed() {
            return runs.stream().mapToLong(Run::processed).sum();
        }

        long failed() {
            return runs.stream().mapToLong(Run::failed).sum();
        }

        int aborted() {
            return runs.stream().mapToInt(Run::aborted).sum();
        }

        long badExits() {
            return runs.stream().filter(r -> r.exitCode() != 0).count();
        }

        List<String> distinctErrors() {
            List<String> errors = new ArrayList<>();
            for (Run run : runs) {
                for (String e : run.errors()) {
                    if (!errors.contains(e)) {
                        errors.add(e);
                    }
                }
            }
            return errors;
        }
    }

    /**
     * A line of the per-transaction log: {@code client_id transaction_no time script_no time_epoch time_us
     * [schedule_lag]}, {@code time} in microseconds or {@code failed}/{@code skipped}.
     */
    private static @Nullable Txn parse(String app, int run, String line) {
        List<String> fields = words(line);
        if (fields.size() < 6) {
            return null;
        }
        try {
            long end = Long.parseLong(fields.get(4)) * 1_000_000L + Long.parseLong(fields.get(5));
            String time = fields.get(2);
            int client = Integer.parseInt(fields.get(0));
            if (time.chars().allMatch(Character::isDigit)) {
                return new Txn(app, run, client, end, Long.parseLong(time), false);
            }
            return new Txn(app, run, client, end, 0, !time.equals("skipped"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < line.length() && line.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                words.add(line.substring(start, i));
            }
        }
        return words;
    }

    private static long number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    // ---- the figures ----

    /** The figures of one scenario. */
    private static final class Report {
        final String name;
        final List<Load> loads = new ArrayList<>();
        final Map<String, long[]> windows = new LinkedHashMap<>();
        final List<String> errors = new ArrayList<>();
        List<String> phases = List.of();
        double expandSeconds = Double.NaN;
        double completeSeconds = Double.NaN;
        double plainSeconds = Double.NaN;
        long backfillRate = -1;
        long outOfStep = -1;
        /** Rows the table should hold (those filled, one per transaction done) and does not; -1 when not counted. */
        long rowsLost = -1;

        String shape = "";

        Report(String name) {
            this.name = name;
        }

        void window(String phase, long from, long to) {
            windows.put(phase, new long[] {from, to});
        }

        List<Txn> all() throws IOException {
            List<Txn> all = new ArrayList<>();
            for (Load load : loads) {
                all.addAll(load.transactions());
            }
            return all;
        }

        long failed() {
            return loads.stream().mapToLong(Load::failed).sum();
        }

        int aborted() {
            return loads.stream().mapToInt(Load::aborted).sum();
        }

        long badExits() {
            return loads.stream().mapToLong(Load::badExits).sum();
        }
    }

    /** The longest transaction, in ms, of those that ran at some time within {@code [from, to]}. */
    private static double longest(List<Txn> txns, long from, long to) {
        long max = 0;
        for (Txn t : txns) {
            if (t.endMicros() >= from && t.endMicros() - t.latencyMicros() <= to) {
                max = Math.max(max, t.latencyMicros());
            }
        }
        return max / 1000.0;
    }

    private static double longestIn(Report report, List<Txn> txns, List<String> phases) {
        double max = 0;
        for (String phase : phases) {
            long[] w = report.windows.get(phase);
            if (w != null) {
                max = Math.max(max, longest(txns, w[0], w[1]));
            }
        }
        return max;
    }

    /**
     * How long the clients that the phase held up and that completed no transaction after it had waited:
     * pgbench logs no transaction of a client that aborted. For each client of a run that overlapped the
     * phase, that aborted or whose run outlived the phase, and that logged nothing after the phase, the wait
     * runs from its last logged transaction (or its run's start) to the end of the phase or of its run,
     * whichever came first; it overstates the wait by at most the client's pause between two transactions.
     */
    private static double heldThenUnlogged(Report report, List<Txn> txns, String phase) {
        long[] w = report.windows.get(phase);
        if (w == null) {
            return 0;
        }
        long max = 0;
        for (Load load : report.loads) {
            for (Run run : load.runs) {
                if (run.startMicros() > w[1] || run.endMicros() < w[0]) {
                    continue;
                }
                long end = Math.min(w[1], run.endMicros());
                for (int client = 0; client < CLIENTS; client++) {
                    if (!run.abortedClients().contains(client) && run.endMicros() < w[1]) {
                        continue; // its run ended on time, within the phase
                    }
                    long last = run.startMicros();
                    boolean after = false;
                    for (Txn t : txns) {
                        if (t.app().equals(load.name) && t.run() == run.index() && t.client() == client) {
                            if (t.endMicros() > end) {
                                after = true;
                            } else {
                                last = Math.max(last, t.endMicros());
                            }
                        }
                    }
                    if (!after) {
                        max = Math.max(max, end - last);
                    }
                }
            }
        }
        return max / 1000.0;
    }

    /** The longest transactions of a scenario, each with the phases it ran in. */
    private static void printLongest(Report report, List<Txn> txns, int count) {
        List<Txn> sorted = new ArrayList<>(txns);
        sorted.sort((a, b) -> Long.compare(b.latencyMicros(), a.latencyMicros()));
        System.out.println("  longest transactions:");
        for (Txn t : sorted.subList(0, Math.min(count, sorted.size()))) {
            StringBuilder where = new StringBuilder();
            for (Map.Entry<String, long[]> w : report.windows.entrySet()) {
                if (t.endMicros() >= w.getValue()[0] && t.startMicros() <= w.getValue()[1]) {
                    where.append(where.length() == 0 ? "" : "; ")
                            .append(String.format(
                                    Locale.ROOT,
                                    "%s, from %+.3f s to %+.3f s of its start",
                                    w.getKey(),
                                    (t.startMicros() - w.getValue()[0]) / 1e6,
                                    (t.endMicros() - w.getValue()[0]) / 1e6));
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "    %9.1f ms  %s application (run %d, client %d): %s%n",
                    t.latencyMicros() / 1000.0,
                    t.app(),
                    t.run(),
                    t.client(),
                    where);
        }
    }

    private void print(String started, String version, Report online, Report plain) throws IOException {
        List<Txn> onlineTxns = online.all();
        List<Txn> plainTxns = plain.all();
        System.out.printf(Locale.ROOT, "%n== Figures ==%n");
        System.out.printf(Locale.ROOT, "Started %s on %s (%s)%n", started, version, server.hostPort());
        System.out.printf(
                Locale.ROOT,
                "accounts: %,d rows; load per application: pgbench -c 4 -j 2 -M prepared, %s, runs of %d s%n%n",
                rows,
                rate > 0 ? rate + " tps (-R)" : "unthrottled",
                chunkSeconds);
        for (Report r : List.of(online, plain)) {
            List<Txn> txns = r == online ? onlineTxns : plainTxns;
            System.out.printf(Locale.ROOT, "%s: longest logged transaction by phase%n", r.name);
            for (Map.Entry<String, long[]> w : r.windows.entrySet()) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-32s %7.2f s  %9.1f ms%n",
                        w.getKey(),
                        (w.getValue()[1] - w.getValue()[0]) / 1e6,
                        longest(txns, w.getValue()[0], w.getValue()[1]));
            }
            printLongest(r, txns, 5);
            for (Load load : r.loads) {
                System.out.printf(
                        Locale.ROOT,
                        "  %s application: %d runs, %,d transactions, %d failed, %d clients aborted, %d runs exited"
                                + " non-zero%n",
                        load.name,
                        load.runs.size(),
                        load.processed(),
                        load.failed(),
                        load.aborted(),
                        load.badExits());
                List<String> errors = load.distinctErrors();
                for (String e : errors.subList(0, Math.min(6, errors.size()))) {
                    System.out.println("    " + e);
                }
            }
            for (String e : r.errors) {
                System.out.println("  PRODUCT ERROR: " + e);
            }
            System.out.println("  table after: " + r.shape);
        }

        double onlineUnlogged = 0;
        for (String phase : online.phases) {
            onlineUnlogged = Math.max(onlineUnlogged, heldThenUnlogged(online, onlineTxns, phase));
        }
        double onlineLongest = Math.max(longestIn(online, onlineTxns, online.phases), onlineUnlogged);
        double plainLogged = longestIn(plain, plainTxns, plain.phases);
        double plainAborted = heldThenUnlogged(plain, plainTxns, "plain migration");
        String row = "%-50s %14s %14s%n";
        System.out.println();
        System.out.printf(Locale.ROOT, row, "", "online (A)", "plain (B)");
        System.out.printf(Locale.ROOT, row, "rows", thousands(rows), thousands(rows));
        System.out.printf(Locale.ROOT, row, "transactions done (all applications)", count(online), count(plain));
        System.out.printf(Locale.ROOT, row, "failed transactions", online.failed(), plain.failed());
        System.out.printf(Locale.ROOT, row, "clients aborted", online.aborted(), plain.aborted());
        System.out.printf(Locale.ROOT, row, "pgbench runs exited non-zero", online.badExits(), plain.badExits());
        System.out.printf(
                Locale.ROOT,
                row,
                "longest transaction during the change, ms",
                ms(onlineLongest),
                ms(Math.max(plainLogged, plainAborted)));
        System.out.printf(
                Locale.ROOT, row, "  during expand, ms", ms(longestIn(online, onlineTxns, List.of("expand"))), "-");
        System.out.printf(
                Locale.ROOT,
                row,
                "  during switch (both applications), ms",
                ms(longestIn(online, onlineTxns, List.of("switch (both applications)"))),
                "-");
        System.out.printf(
                Locale.ROOT, row, "  during contract, ms", ms(longestIn(online, onlineTxns, List.of("contract"))), "-");
        System.out.printf(Locale.ROOT, row, "  during the plain migration, ms", "-", ms(plainLogged));
        System.out.printf(
                Locale.ROOT, row, "  held, never completed after it, ms (*)", ms(onlineUnlogged), ms(plainAborted));
        System.out.printf(
                Locale.ROOT,
                row,
                "longest transaction, whole run, ms",
                ms(longest(onlineTxns, Long.MIN_VALUE, Long.MAX_VALUE)),
                ms(longest(plainTxns, Long.MIN_VALUE, Long.MAX_VALUE)));
        System.out.printf(Locale.ROOT, row, "expand (upgrade), s", seconds(online.expandSeconds), "-");
        System.out.printf(Locale.ROOT, row, "complete (contract), s", seconds(online.completeSeconds), "-");
        System.out.printf(
                Locale.ROOT,
                row,
                "backfill, rows/s (migration log)",
                online.backfillRate < 0 ? "-" : thousands(online.backfillRate),
                "-");
        System.out.printf(
                Locale.ROOT,
                row,
                "rows with balances out of step before complete",
                online.outOfStep < 0 ? "-" : Long.toString(online.outOfStep),
                "-");
        System.out.printf(Locale.ROOT, row, "plain migration (upgrade), s", "-", seconds(plain.plainSeconds));
        System.out.println("(*) clients held by the change that completed no transaction after it (they aborted):"
                + " from the client's last logged transaction, or its run's start, to the end of the change or of its"
                + " pgbench run, whichever came first");

        double baseline = longest(
                onlineTxns,
                online.windows.get("baseline (old application)")[0],
                online.windows.get("baseline (old application)")[1]);
        double allowed = Math.max(1000, 3 * baseline);
        System.out.printf(
                Locale.ROOT,
                row,
                "rows lost (filled + one per transaction, less found)",
                online.rowsLost < 0 ? "-" : Long.toString(online.rowsLost),
                "-");
        boolean noFailures =
                online.errors.isEmpty() && online.failed() == 0 && online.aborted() == 0 && online.badExits() == 0;
        System.out.printf(
                Locale.ROOT,
                "%nOnline: 0 failed transactions: %s; longest transaction during the change <= max(1 s, 3 x the"
                        + " %.1f ms of the baseline) = %.0f ms: %s (%.1f ms); no row lost: %s.%n",
                noFailures ? "met" : "NOT met",
                baseline,
                allowed,
                onlineLongest <= allowed && online.errors.isEmpty() ? "met" : "NOT met",
                onlineLongest,
                online.rowsLost == 0 ? "met" : "NOT met");
        System.out.printf(
                Locale.ROOT,
                "Plain: writers held up to %.1f ms by the migration; the old application: %d failed transactions,"
                        + " %d clients aborted.%n",
                Math.max(plainLogged, plainAborted),
                plain.failed(),
                plain.aborted());
    }

    private static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String count(Report r) {
        return String.format(
                Locale.ROOT, "%,d", r.loads.stream().mapToLong(Load::processed).sum());
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.2f", s);
    }

    // ---- helpers ----

    private static long backfillRate(RecordingLog log) {
        for (String line : log.lines) {
            Matcher m = BACKFILL_RATE.matcher(line);
            if (m.find()) {
                return Long.parseLong(m.group(1).replace(",", ""));
            }
        }
        return -1;
    }

    /** An exception's message and its causes' SQL states, for the report. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                text.append("\n  cause [SQLSTATE ")
                        .append(sql.getSQLState())
                        .append("]: ")
                        .append(sql.getMessage());
            }
        }
        return text.toString();
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    private static void sleep(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    /** A log that keeps the migration's lines and prints them after each step, indented. */
    private static final class RecordingLog implements MigrationLog {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(String line) {
            lines.add(line);
        }

        @Override
        public void warn(String line) {
            lines.add("WARN " + line);
        }

        void print(String step) {
            System.out.println("  migration log (" + step + "):");
            synchronized (lines) {
                for (String line : lines) {
                    System.out.println("    " + line.replace("\n", "\n    "));
                }
            }
        }
    }

    /** The server: where to connect, from the JDBC URL given. */
    private record Server(
            String host,
            int port,
            String query,
            String user,
            @Nullable String password) {
        static Server parse(String url) {
            String scheme = "jdbc:postgresql://";
            if (!url.startsWith(scheme)) {
                throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
            }
            String rest = url.substring(scheme.length());
            int q = rest.indexOf('?');
            String query = q < 0 ? "" : rest.substring(q + 1);
            String address = q < 0 ? rest : rest.substring(0, q);
            int slash = address.indexOf('/');
            String hostPort = slash < 0 ? address : address.substring(0, slash);
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
            Map<String, String> params = new LinkedHashMap<>();
            int i = 0;
            while (i < query.length()) {
                int amp = query.indexOf('&', i);
                String pair = amp < 0 ? query.substring(i) : query.substring(i, amp);
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                i = amp < 0 ? query.length() : amp + 1;
            }
            String user = params.getOrDefault("user", System.getProperty("user.name"));
            return new Server(host, port, query, user, params.get("password"));
        }

        String hostPort() {
            return host + ":" + port;
        }

        String url(String database) {
            return "jdbc:postgresql://" + hostPort() + "/" + database + (query.isEmpty() ? "" : "?" + query);
        }

        DataSource dataSource(String url) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            return ds;
        }
    }
}
