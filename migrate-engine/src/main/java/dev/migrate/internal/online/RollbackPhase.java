package dev.migrate.internal.online;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.text.Fixes;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Undoes the expand of an online revision that was cut part way. The undoing of an expand that finished
 * is the downgrade of a revision in its expand phase, which the runner runs as a step.
 */
final class RollbackPhase {
    private final OnlineState state;
    private final RevisionGraph graph;
    private final MigrationLog log;
    private final Fixes fixes;

    RollbackPhase(OnlineState state, RevisionGraph graph, MigrationLog log, Fixes fixes) {
        this.state = state;
        this.graph = graph;
        this.log = log;
        this.fixes = fixes;
    }

    /**
     * A downgrade while the expand of an online revision was cut part way (it is not recorded, so the
     * database is at the revision before it): undoes what its online changes made (the schema of views,
     * the triggers, the new columns with their indexes and constraints), which is the step back a user
     * asks for, and goes no further. An expand that also runs plain operations is refused: how far those
     * got is not known.
     *
     * @return whether there was such an expand
     */
    boolean undoInterruptedExpand(
            Map<String, String> phases, OnlineScripts scripts, Set<String> current, OnlineSink.Opener sinks)
            throws SQLException {
        for (Map.Entry<String, String> row : phases.entrySet()) {
            String id = row.getKey();
            if (!row.getValue().equals(OnlineState.EXPANDING) || !graph.contains(id)) {
                continue;
            }
            if (!scripts.onlyOnlineChanges(id)) {
                throw new MigrateException("The expand phase of revision " + describe(id) + " was interrupted, and"
                        + " it runs plain operations too, which cannot be undone without knowing how far they got."
                        + " Finish it with " + fixes.command("upgrade") + " (it resumes where it stopped), then "
                        + fixes.command("downgrade") + " " + fixes.setting("target", "-1")
                        + " undoes it whole. Nothing was run.");
            }
            OnlineSink sink = sinks.open();
            // of online changes alone, the expand's rollback finds the work of each done or not needed
            for (String sql : scripts.rollback(id, fixes)) {
                sink.execute(sql);
            }
            sink.execute(state.forget(id));
            log.info("Undid the interrupted expand of revision " + describe(id) + ": its schema of views,"
                    + " triggers and new columns are gone, and the tables are as they were. Nothing else was"
                    + " downgraded: the database is at " + RevisionGraph.describe(current)
                    + "; run the downgrade again to go further.");
            return true;
        }
        return false;
    }

    private String describe(String revision) {
        return OnlineRunner.describe(graph, revision);
    }
}
