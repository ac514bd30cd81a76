package dev.migrate.mcp;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.command.CommandContext;
import dev.migrate.command.DowngradeCommand;
import dev.migrate.command.Move;
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
 * A plan applied first on a throwaway copy of the chain, as a coding agent should see it before asking to run it:
 * a throwaway server of the run's ({@code --scratch-url}, else an embedded one, marked migrate's own), the chain
 * upgraded there to where the plan starts, then the plan run, each statement as it ran there, timed, with the table
 * locks it took (read from {@code pg_locks} on the run's own connection) and how long each was held. The user's
 * database is not touched.
 *
 * <pre>{@code
 * Json.Obj measured = Rehearsal.of(new DowngradeCommand(RevisionTarget.orRange("head:-1")), null, context);
 * }</pre>
 */
final class Rehearsal {
    /** The locks of the session on tables (user objects: oids from 16384 on), as {@code oid mode}. */
    private static final String LOCKS = "SELECT relation, mode FROM pg_locks WHERE pid = pg_backend_pid()"
            + " AND locktype = 'relation' AND granted AND relation >= 16384";
    /** The tables, partitioned tables and materialized views there are, with their names. */
    private static final String TABLES = "SELECT c.oid, n.nspname, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid >= 16384 AND c.relkind IN ('r', 'p', 'm')";

    private Rehearsal() {}

    /**
     * What {@code move} did on a throwaway copy of the chain: the server, where it started, how long it took, and
     * each statement with its time and the locks it took there.
     *
     * @param from where the copy starts (the user's database's revisions, comma-separated); null: the lower end of
     *     the move's range, or base
     * @throws MigrateException when the move fails there, before anything ran on the user's database
     */
    static Json.Obj of(Move move, @Nullable String from, CommandContext context) {
        RevisionTarget target = move.target();
        ComparisonDatabases throwaways = context.databases(null);
        try (ComparisonDatabases.ThrowawayServer server = throwaways.start(throwaways.defaultVersion())) {
            Migrator chain =
                    context.migrations(true).dataSource(server.dataSource()).build();
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
            return Json.object()
                    .with(
                            "server",
                            Json.text("throwaway PostgreSQL "
                                    + throwaways.defaultVersion().version()))
                    .with("from", Json.text(start))
                    .with("to", Json.text(to.text()))
                    .with("durationMs", Json.number(took.toMillis()))
                    .with("statements", Json.array(watch.ran, Ran::json));
        }
    }

    /**
     * A table lock a statement took.
     *
     * @param table the table, schema-qualified
     * @param mode as SQL's {@code LOCK} names it: {@code ACCESS EXCLUSIVE}
     */
    record Lock(String table, String mode) {
        /** {@code AccessExclusiveLock}, as {@code pg_locks} names it, as SQL does: {@code ACCESS EXCLUSIVE}. */
        static String sqlMode(String pgLocksMode) {
            String bare = pgLocksMode.endsWith("Lock")
                    ? pgLocksMode.substring(0, pgLocksMode.length() - "Lock".length())
                    : pgLocksMode;
            return bare.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toUpperCase(Locale.ROOT);
        }
    }

    /** One statement as it ran on the copy: its time, its locks, and when they were let go. */
    private static final class Ran {
        private final String revision;
        private final String sql;
        private final long nanos;
        private final List<Lock> locks;
        private final long began;
        private long released;

        Ran(String revision, String sql, long began, long ended, List<Lock> locks) {
            this.revision = revision;
            this.sql = sql;
            this.began = began;
            this.nanos = ended - began;
            this.released = ended;
            this.locks = List.copyOf(locks);
        }

        Json json() {
            long held = Duration.ofNanos(released - began).toMillis();
            return Json.object()
                    .with("revision", Json.text(revision))
                    .with("sql", Json.text(sql))
                    .with("ms", Json.number(Duration.ofNanos(nanos).toMillis()))
                    .with(
                            "locks",
                            Json.array(
                                    locks,
                                    lock -> Json.object()
                                            .with("table", Json.text(lock.table()))
                                            .with("mode", Json.text(lock.mode()))
                                            .with("heldMs", Json.number(held))));
        }
    }

    /**
     * Each statement of the rehearsal, with the locks its session took on tables that existed before it: read before
     * and after it on the run's own connection, and held until its transaction ended (the next migration started, or
     * the run was over).
     */
    private static final class Watch implements StatementObserver {
        private final List<Ran> ran = new ArrayList<>();
        /** The statements whose transaction is still open, which hold their locks. */
        private final List<Ran> holding = new ArrayList<>();

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
            Ran one = new Ran(revision, sql, began, ended, taken);
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
