package dev.migrate.command;

import dev.migrate.ConsentRefusedException;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.command.output.Json;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.Replay;
import dev.migrate.tooling.StatementObserver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A plan applied first on a throwaway copy of the chain, as a coding agent and its user should see it before it runs
 * on their database: a throwaway server of the run's ({@code scratchUrl}, else an embedded one, marked migrate's
 * own), the chain upgraded there to where the plan starts, then the plan run, each statement as it ran there, timed,
 * with the table locks it took (read from {@code pg_locks} on the run's own connection) and how long each was held.
 * The user's database is not touched. The MCP server's {@code plan} and write tools return it as JSON; the refusal of
 * a run for consent, whichever face started it, shows it as text ({@link OnRefusal}).
 *
 * <pre>{@code
 * Rehearsal.Measured measured = Rehearsal.of(new DowngradeCommand(RevisionTarget.orRange("head:-1")), null, context);
 * }</pre>
 */
public final class Rehearsal {
    /** The locks of the session on tables (user objects: oids from 16384 on), as {@code oid mode}. */
    private static final String LOCKS = "SELECT relation, mode FROM pg_locks WHERE pid = pg_backend_pid()"
            + " AND locktype = 'relation' AND granted AND relation >= 16384";
    /** The tables, partitioned tables and materialized views there are, with their names. */
    private static final String TABLES = "SELECT c.oid, n.nspname, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid >= 16384 AND c.relkind IN ('r', 'p', 'm')";

    private Rehearsal() {}

    /**
     * What the refusal of a run for consent shows of a rehearsal, between the plan and its token. The token is the
     * plan's and the database's alone: what a rehearsal measured never changes it, so a refusal with the figures and
     * one without them print the same token.
     */
    public sealed interface OnRefusal permits Rehearse, Skip, Measured {
        /** The lines the refusal of {@code move} shows between its plan and its token, each ending a line. */
        String shown(Move move, CommandContext context);
    }

    /** Rehearse the refused upgrade or downgrade then, from the database's revisions, and show what it measured. */
    public record Rehearse() implements OnRefusal {
        @Override
        public String shown(Move move, CommandContext context) {
            try {
                return fromTheDatabase(move, context).text();
            } catch (RuntimeException e) {
                // the refusal stands as it was: the plan and its token, without figures
                return "Not rehearsed: " + e.getMessage() + "\nThe plan above is what would run.\n";
            }
        }
    }

    /** Show no figures, and say that the rehearsal was turned off ({@code rehearse=false}). */
    public record Skip() implements OnRefusal {
        @Override
        public String shown(Move move, CommandContext context) {
            return "Not rehearsed on a throwaway copy of the chain ("
                    + context.fixes().setting("rehearse", "false")
                    + "): no locks or times were measured. Leave the setting out to see them.\n";
        }
    }

    /**
     * What {@code move} did on a throwaway copy of the chain: the server, where it started, how long it took, and
     * each statement with its time and the locks it took there.
     *
     * @param from where the copy starts (the user's database's revisions, comma-separated); null: the lower end of
     *     the move's range, or base
     * @throws MigrateException when the move fails there, before anything ran on the user's database
     */
    public static Measured of(Move move, @Nullable String from, CommandContext context) {
        RevisionTarget target = move.target();
        ComparisonDatabases throwaways = context.databases(null);
        try (ComparisonDatabases.ThrowawayServer server = throwaways.start(throwaways.defaultVersion())) {
            // the copy's progress stays off the output: a line "Running downgrade a -> <base>" before the refusal
            // of that downgrade would read as if it ran on the user's database
            Migrator chain = context.migrations(true)
                    .dataSource(server.dataSource())
                    .log(new MigrationLog() {
                        @Override
                        public void info(String line) {}

                        @Override
                        public void warn(String line) {
                            context.output().warn("On the throwaway copy: " + line);
                        }
                    })
                    .build();
            server.createRolesOf(chain, context.output()::info);
            String start = from != null
                    ? from
                    : target.lower().map(RevisionTarget::text).orElse("base");
            if (!start.equals("base")) {
                chain.upgrade(RevisionTarget.of(start));
            }
            Replay replay = MigratorTools.of(chain).replayOn(server.dataSource());
            Watch watch = new Watch();
            RevisionTarget to = target.upper(RevisionTarget.HEAD);
            @Nullable ModuleScope module = move instanceof DowngradeCommand downgrade ? downgrade.module() : null;
            if (module != null) {
                to = module.downgradeTarget(chain, to, context.fixes());
            }
            long began = System.nanoTime();
            try {
                if (move instanceof DowngradeCommand) {
                    replay.downgrade(to, watch);
                } else {
                    replay.upgrade(to, watch);
                }
            } catch (MigrateException e) {
                throw new MigrateException(
                        "The " + move.command() + " to " + to.text() + " failed on a throwaway copy of the chain"
                                + " (from " + start + "), before anything ran on your database: " + e.getMessage(),
                        e);
            }
            watch.released();
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            return new Measured(
                    "throwaway PostgreSQL " + throwaways.defaultVersion().version(),
                    start,
                    to.text(),
                    took.toMillis(),
                    watch.ran.stream().map(Running::ran).toList());
        }
    }

    /**
     * What {@code move} does on a throwaway copy of the chain from where the database of {@code context} is now.
     *
     * @throws MigrateException when the move fails there, before anything ran on the user's database
     */
    public static Measured fromTheDatabase(Move move, CommandContext context) {
        List<String> current = new ArrayList<>();
        context.onDatabase(builder -> builder.build().current().forEach(r -> current.add(r.id())));
        return of(move, current.isEmpty() ? "base" : String.join(",", current), context);
    }

    /**
     * {@code refused} with what {@code shown} says of a rehearsal of {@code move}: measured now or before, or the
     * word that it was turned off. A rehearsal that fails is said so in the refusal, which stands as it was.
     */
    static ConsentRefusedException shown(
            ConsentRefusedException refused, Move move, OnRefusal shown, CommandContext context) {
        if (!(move instanceof UpgradeCommand) && !(move instanceof DowngradeCommand)) {
            return refused; // a stamp runs no migration, and a contract phase is not replayed: nothing to measure
        }
        return refused.withMeasured(shown.shown(move, context));
    }

    /**
     * What a rehearsal measured.
     *
     * @param server the throwaway server, as {@code throwaway PostgreSQL 18.6.0}
     * @param from where the copy started
     * @param to where the move went
     * @param durationMs how long the move took there
     * @param statements each statement as it ran there
     */
    public record Measured(String server, String from, String to, long durationMs, List<Ran> statements)
            implements OnRefusal {
        public Measured {
            statements = List.copyOf(statements);
        }

        @Override
        public String shown(Move move, CommandContext context) {
            return text();
        }

        /** As the MCP tools return it: {@code server}, {@code from}, {@code to}, {@code durationMs}, statements. */
        public Json.Obj json() {
            return Json.object()
                    .with("server", Json.text(server))
                    .with("from", Json.text(from))
                    .with("to", Json.text(to))
                    .with("durationMs", Json.number(durationMs))
                    .with("statements", Json.array(statements, Ran::json));
        }

        /** As a refusal shows it: a line per statement with its time, a line per lock with how long it was held. */
        public String text() {
            StringBuilder text = new StringBuilder("Rehearsed on a throwaway copy of the chain (" + server + "), from "
                    + from + " to " + to + ", in " + durationMs + " ms; each statement as it ran there, with the"
                    + " table locks it took and how long they were held:\n");
            for (Ran ran : statements) {
                text.append("  ")
                        .append(ran.revision())
                        .append(": ")
                        .append(ran.sql().strip().replace("\n", "\n    "))
                        .append(" (")
                        .append(ran.ms())
                        .append(" ms)\n");
                if (ran.locks().isEmpty()) {
                    text.append("    no table lock it held after it\n");
                }
                for (Lock lock : ran.locks()) {
                    text.append("    ")
                            .append(lock.mode())
                            .append(" on ")
                            .append(lock.table())
                            .append(", held ")
                            .append(ran.heldMs())
                            .append(" ms\n");
                }
            }
            return text.append("The times are those of an empty copy: they show what runs and the locks it takes, not"
                            + " how long it takes on your rows; while such a lock is held, an ACCESS EXCLUSIVE one"
                            + " stops reads and writes of its table, a SHARE or stronger one its writes.\n")
                    .toString();
        }
    }

    /**
     * One statement as it ran on the copy.
     *
     * @param revision the revision it is of
     * @param sql the statement
     * @param ms how long it ran
     * @param heldMs how long its locks were held: from its start until its migration's transaction ended
     * @param locks the table locks it took
     */
    public record Ran(String revision, String sql, long ms, long heldMs, List<Lock> locks) {
        public Ran {
            locks = List.copyOf(locks);
        }

        Json json() {
            return Json.object()
                    .with("revision", Json.text(revision))
                    .with("sql", Json.text(sql))
                    .with("ms", Json.number(ms))
                    .with(
                            "locks",
                            Json.array(
                                    locks,
                                    lock -> Json.object()
                                            .with("table", Json.text(lock.table()))
                                            .with("mode", Json.text(lock.mode()))
                                            .with("heldMs", Json.number(heldMs))));
        }
    }

    /**
     * A table lock a statement took.
     *
     * @param table the table, schema-qualified
     * @param mode as SQL's {@code LOCK} names it: {@code ACCESS EXCLUSIVE}
     */
    public record Lock(String table, String mode) {
        /** {@code AccessExclusiveLock}, as {@code pg_locks} names it, as SQL does: {@code ACCESS EXCLUSIVE}. */
        static String sqlMode(String pgLocksMode) {
            String bare = pgLocksMode.endsWith("Lock")
                    ? pgLocksMode.substring(0, pgLocksMode.length() - "Lock".length())
                    : pgLocksMode;
            return bare.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toUpperCase(Locale.ROOT);
        }
    }

    /** One statement as it runs on the copy: its time, its locks, and when they were let go. */
    private static final class Running {
        private final String revision;
        private final String sql;
        private final long nanos;
        private final List<Lock> locks;
        private final long began;
        private long released;

        Running(String revision, String sql, long began, long ended, List<Lock> locks) {
            this.revision = revision;
            this.sql = sql;
            this.began = began;
            this.nanos = ended - began;
            this.released = ended;
            this.locks = List.copyOf(locks);
        }

        Ran ran() {
            return new Ran(
                    revision,
                    sql,
                    Duration.ofNanos(nanos).toMillis(),
                    Duration.ofNanos(released - began).toMillis(),
                    locks);
        }
    }

    /**
     * Each statement of the rehearsal, with the locks its session took on tables that existed before it: read before
     * and after it on the run's own connection, and held until its transaction ended (the next migration started, or
     * the run was over).
     */
    private static final class Watch implements StatementObserver {
        private final List<Running> ran = new ArrayList<>();
        /** The statements whose transaction is still open, which hold their locks. */
        private final List<Running> holding = new ArrayList<>();

        private String revision = "";

        @Override
        public void beforeStep(
                Connection connection, RevisionInfo next, Class<? extends Migration> type, boolean inTransaction) {
            if (!inTransaction) {
                released(); // the previous migration committed; with one transaction for the run, nothing is let go
            }
            revision = next.id();
        }

        @Override
        public void statement(Connection connection, String sql, Execution statement) throws SQLException {
            Map<Long, String> tables = tables(connection);
            Set<String> before = locks(connection);
            long began = System.nanoTime();
            statement.run();
            long ended = System.nanoTime();
            List<Lock> taken = new ArrayList<>();
            for (String lock : locks(connection)) {
                String table = tables.get(Long.parseLong(lock.substring(0, lock.indexOf(' '))));
                if (!before.contains(lock) && table != null) {
                    taken.add(new Lock(table, Lock.sqlMode(lock.substring(lock.indexOf(' ') + 1))));
                }
            }
            Running one = new Running(revision, sql, began, ended, taken);
            ran.add(one);
            if (!connection.getAutoCommit()) {
                holding.add(one);
            }
        }

        /** The transaction ended: what its statements took is let go now. */
        void released() {
            long now = System.nanoTime();
            holding.forEach(statement -> statement.released = now);
            holding.clear();
        }

        private static Set<String> locks(Connection connection) throws SQLException {
            Set<String> locks = new LinkedHashSet<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(LOCKS)) {
                while (rs.next()) {
                    locks.add(rs.getLong(1) + " " + rs.getString(2));
                }
            }
            return locks;
        }

        private static Map<Long, String> tables(Connection connection) throws SQLException {
            Map<Long, String> tables = new HashMap<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(TABLES)) {
                while (rs.next()) {
                    tables.put(rs.getLong(1), rs.getString(2) + "." + rs.getString(3));
                }
            }
            return tables;
        }
    }
}
