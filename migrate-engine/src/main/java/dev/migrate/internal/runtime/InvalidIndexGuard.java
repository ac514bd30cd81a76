package dev.migrate.internal.runtime;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.runtime.script.Script;
import dev.migrate.internal.runtime.script.Scripts;
import dev.migrate.internal.runtime.sink.CutStatements;
import dev.migrate.internal.runtime.sink.InvalidIndexes;
import dev.migrate.internal.runtime.sink.Leftover;
import dev.migrate.internal.runtime.sink.ScriptSink;
import dev.migrate.op.QualifiedName;
import dev.migrate.sql.Identifiers;
import dev.migrate.text.Fixes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The invalid indexes an interrupted concurrent build left in the way of a {@code transactional = false}
 * migration: dropped so that it builds them again, or, with {@code rebuildInvalidIndexes} off or a build
 * running in another session, a stop before anything of it runs.
 */
final class InvalidIndexGuard {
    private final Map<String, DiscoveredMigration> migrations;
    private final MigrationLog log;
    /** Whether an invalid index an interrupted concurrent build left is dropped and built again, or stops the run. */
    private final boolean rebuildInvalidIndexes;

    private final Fixes fixes;

    InvalidIndexGuard(
            Map<String, DiscoveredMigration> migrations, MigrationLog log, boolean rebuildInvalidIndexes, Fixes fixes) {
        this.migrations = migrations;
        this.log = log;
        this.rebuildInvalidIndexes = rebuildInvalidIndexes;
        this.fixes = fixes;
    }

    /**
     * Before a statement that leaves invalid indexes when cut: drops those an earlier cut of it left,
     * so that it builds them again, or stops when they may not be dropped. An index a build in another
     * session is making right now is invalid too, and is left to it.
     */
    void clearInvalidIndexes(Step step, List<Leftover> leftovers, ScriptSink sink, RunProgress progress)
            throws SQLException {
        for (Leftover leftover : leftovers) {
            if (!leftover.leavesInvalidIndexes()) {
                continue;
            }
            for (InvalidIndexes.Found index : sink.invalidIndexes(leftover)) {
                if (index.buildingPid() != 0 || !rebuildInvalidIndexes) {
                    progress.leftovers = null; // the statement did not run
                    throw new InTheWay(inTheWay(step, leftover, index));
                }
                log.warn(what(step, leftover, index) + ": dropping it, so that the migration builds it again: "
                        + index.dropStatement());
                progress.at(index.dropStatement());
                progress.leftovers =
                        List.of(new Leftover.IndexNotDropped(new QualifiedName(index.schema(), index.name())));
                sink.drop(index);
            }
        }
    }

    /**
     * With {@code rebuildInvalidIndexes} off, stops before anything runs against a database when a pending
     * {@code transactional = false} migration would meet an invalid index an interrupted concurrent
     * build left. A migration that cannot be recorded is left for the run to report.
     */
    void beforeRun(List<Step> steps, ScriptSink sink, Scripts scripts) {
        if (!rebuildInvalidIndexes && !sink.offline()) {
            stopAtInvalidIndexes(steps, sink, scripts);
        }
    }

    private void stopAtInvalidIndexes(List<Step> steps, ScriptSink sink, Scripts scripts) {
        List<String> inTheWay = new ArrayList<>();
        try {
            for (Step step : steps) {
                if (step.revision().transactional()) {
                    continue;
                }
                List<Script.Part> parts;
                try {
                    parts = scripts.script(
                                    StepRunner.migration(
                                            migrations, step.revision().id()),
                                    step.direction())
                            .parts();
                } catch (RuntimeException e) {
                    continue;
                }
                for (Script.Part part : parts) {
                    if (part instanceof Script.Statement s) {
                        for (Leftover leftover : CutStatements.of(s)) {
                            if (leftover.leavesInvalidIndexes()) {
                                for (InvalidIndexes.Found index : sink.invalidIndexes(leftover)) {
                                    inTheWay.add(inTheWay(step, leftover, index));
                                }
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not look for invalid indexes in pg_index before the run: " + e.getMessage()
                            + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"),
                    e);
        }
        if (!inTheWay.isEmpty()) {
            throw new MigrateException(String.join("\n", inTheWay));
        }
    }

    /** {@code Migration r builds the index x concurrently, and an invalid index of that name is there ...}. */
    private static String what(Step step, Leftover leftover, InvalidIndexes.Found index) {
        return leftover instanceof Leftover.InvalidIndex
                ? subject(step, leftover, index) + ", and an invalid index of that name" + on(index)
                        + " is there, left by an interrupted build (a CREATE INDEX CONCURRENTLY that failed or was cut)"
                : subject(step, leftover, index) + ", and the invalid index " + index.qualified() + on(index)
                        + " is there, left by an interrupted REINDEX CONCURRENTLY";
    }

    /** {@code Migration r (message) builds the index x concurrently}, or {@code ... reindexes concurrently}. */
    private static String subject(Step step, Leftover leftover, InvalidIndexes.Found index) {
        String migration = "Migration " + step.revision().id()
                + (step.revision().message().isEmpty()
                        ? ""
                        : " (" + step.revision().message() + ")");
        return leftover instanceof Leftover.InvalidIndex
                ? migration + " builds the index " + index.qualified() + " concurrently"
                : migration + " reindexes concurrently";
    }

    private static String on(InvalidIndexes.Found index) {
        return " on " + Identifiers.quote(new QualifiedName(index.schema(), index.table()));
    }

    private String inTheWay(Step step, Leftover leftover, InvalidIndexes.Found index) {
        if (index.buildingPid() != 0) {
            return subject(step, leftover, index) + ", and server process " + index.buildingPid()
                    + " is building the index " + index.qualified() + on(index) + " right now (it is invalid until"
                    + " that build ends). Nothing of the migration was run. Wait for that build to end, or cancel it"
                    + " (SELECT pg_cancel_backend(" + index.buildingPid() + ")), then run again.";
        }
        String harm = leftover instanceof Leftover.InvalidIndex
                ? "the build would fail on it (relation already exists)"
                : "it would stay beside the new index, updated on every write";
        return what(step, leftover, index) + ": " + harm + ". With rebuildInvalidIndexes=false"
                + " (" + fixes.setting("rebuildInvalidIndexes", "false")
                + fixes.api(", Migrator.builder().rebuildInvalidIndexes(false)") + ") nothing was"
                + " run. Drop it, then run again:\n  " + index.dropStatement() + ";\nor leave rebuildInvalidIndexes on,"
                + " and the run drops it and builds it again.";
    }

    /** An invalid index stops a migration before one of its statements runs. */
    static final class InTheWay extends MigrateException {
        private static final long serialVersionUID = 1L;

        InTheWay(String message) {
            super(message);
        }
    }
}
