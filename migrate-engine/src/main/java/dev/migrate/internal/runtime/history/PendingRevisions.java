package dev.migrate.internal.runtime.history;

import dev.migrate.MigrationLog;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The revisions a guard left pending in their place (its precondition failed, and its outcome was Liquibase's
 * {@code CONTINUE}): the version rows moved past them and the revisions after them ran. Every upgrade tries them
 * again first, in chain order, as Liquibase's next {@code update} evaluates the changeset again at its place in
 * the changelog, before the changesets new in that run.
 */
public final class PendingRevisions {
    private PendingRevisions() {}

    /**
     * The steps that try again, under the lock, the pending revisions below {@code current}: upgrades that move no
     * version row, the database being past them already.
     */
    public static List<Step> retries(
            RevisionGraph graph, VersionTables tables, Connection c, Set<String> current, MigrationLog log)
            throws SQLException {
        List<Step> retries = new ArrayList<>();
        onPath(graph, tables, c, current).forEach((id, why) -> {
            log.info("Revision " + id + " is " + why + ": it is tried again before this run's steps.");
            retries.add(new Step(graph.get(id), Direction.UPGRADE, List.of(), List.of()));
        });
        return retries;
    }

    /**
     * The pending revisions below {@code current} (the version rows), in chain order, each with why it is pending
     * ({@code pending: precondition failed: ...; retried at every upgrade}). A pending row of a revision the
     * database is no longer past (a stamp moved it below) names nothing pending.
     */
    static Map<String, String> onPath(RevisionGraph graph, VersionTables tables, Connection c, Set<String> current)
            throws SQLException {
        Map<String, String> pending = tables.readPending(c);
        if (pending.isEmpty()) {
            return Map.of();
        }
        Set<String> applied =
                graph.ancestorsOrSelf(current.stream().filter(graph::contains).toList());
        Map<String, String> inOrder = new LinkedHashMap<>();
        for (String id : graph.sortTopologically(
                pending.keySet().stream().filter(applied::contains).toList())) {
            inOrder.put(id, pending.get(id));
        }
        return inOrder;
    }

    /** The revisions {@code retries} tries again. */
    public static Set<String> ids(List<Step> retries) {
        return retries.stream().map(step -> step.revision().id()).collect(Collectors.toSet());
    }

    /** The retries, then the run's planned steps. */
    public static List<Step> first(List<Step> retries, List<Step> steps) {
        if (retries.isEmpty()) {
            return steps;
        }
        List<Step> all = new ArrayList<>(retries);
        all.addAll(steps);
        return all;
    }
}
