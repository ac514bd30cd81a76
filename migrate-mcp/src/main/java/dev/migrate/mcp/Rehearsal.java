package dev.migrate.mcp;

import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.TimedStatement;
import dev.migrate.command.CommandContext;
import dev.migrate.command.Move;
import dev.migrate.command.output.Json;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.servers.ComparisonDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan applied first on a throwaway copy of the chain, as a coding agent should see it before asking to run it:
 * a throwaway server of the run's ({@code --scratch-url}, else an embedded one, marked migrate's own), the chain
 * upgraded there to where the plan starts, then the plan run, each statement as it ran there and timed. The user's
 * database is not touched.
 *
 * <pre>{@code
 * Json.Obj measured = Rehearsal.of(Move.downgrade(RevisionTarget.orRange("head:-1")), null, context);
 * }</pre>
 */
final class Rehearsal {
    private Rehearsal() {}

    /**
     * What {@code move} did on a throwaway copy of the chain: the server, where it started, how long it took, and
     * each statement with its time.
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
            Recorder recorder = new Recorder();
            Migrator measured = context.migrations(true)
                    .dataSource(server.dataSource())
                    .listener(recorder)
                    .build();
            RevisionTarget to = target.upper(RevisionTarget.HEAD);
            long began = System.nanoTime();
            try {
                if (move.kind() == Move.Kind.DOWNGRADE) {
                    measured.downgrade(to);
                } else {
                    measured.upgrade(to);
                }
            } catch (MigrateException e) {
                throw new MigrateException(
                        "The " + move.kind().command() + " to " + to.text() + " failed on a throwaway copy of the chain"
                                + " (from " + start + "), before anything ran on your database: " + e.getMessage(),
                        e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            return Json.object()
                    .with(
                            "server",
                            Json.text("throwaway PostgreSQL "
                                    + throwaways.defaultVersion().version()))
                    .with("from", Json.text(start))
                    .with("to", Json.text(to.text()))
                    .with("durationMs", Json.number(took.toMillis()))
                    .with("statements", Json.array(recorder.statements, s -> s));
        }
    }

    /** Each statement as it ran, with its time. */
    private static final class Recorder implements MigrationListener {
        private final List<Json> statements = new ArrayList<>();

        @Override
        public void afterStatement(TimedStatement statement) {
            statements.add(Json.object()
                    .with("revision", Json.text(statement.step().revision()))
                    .with("sql", Json.text(statement.sql()))
                    .with("ms", Json.number(statement.duration().toMillis())));
        }
    }
}
