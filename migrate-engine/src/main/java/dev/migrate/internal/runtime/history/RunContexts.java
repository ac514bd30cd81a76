package dev.migrate.internal.runtime.history;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.ModuleOrder;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.runtime.session.Settings;
import dev.migrate.text.Fixes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a run's contexts make of the migrations: the graph of those that run in them (after the whole chain's graph
 * is checked, so that a revision following one limited to other contexts is refused whatever the run's contexts),
 * and the revisions limited to other contexts, left out of the run and recorded as skipped once it reaches them.
 *
 * @param graph the graph of the revisions that run in the run's contexts
 * @param running the migrations of those revisions
 * @param leftOut the revisions limited to other contexts, by id
 * @param whole the graph of every revision, whatever its contexts
 */
public record RunContexts(
        RevisionGraph graph,
        List<DiscoveredMigration> running,
        Map<String, RevisionInfo> leftOut,
        RevisionGraph whole) {

    /**
     * The version rows as this run reads them: a row of a revision left out stands for its nearest ancestors that the
     * run has, unless another row already implies them. The table keeps the row of a revision that runs everywhere
     * beside the rows of the limited revisions on top of it ({@link RevisionGraph#takesRow}); a table written before
     * it did, where a limited revision took that row, is read right here and put right by the run's first step.
     * The rows of modules this build does not have (another application sharing the database applied them) are
     * left out of its view, and so never touched.
     */
    public Set<String> rowsOfRun(Set<String> tableRows) {
        Set<String> rows = whole.ownRows(tableRows);
        if (leftOut.isEmpty() || rows.stream().noneMatch(leftOut::containsKey)) {
            return rows;
        }
        Set<String> result = new LinkedHashSet<>();
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String row : rows) {
            if (leftOut.containsKey(row)) {
                todo.add(row);
            } else {
                result.add(row);
            }
        }
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            RevisionInfo limited = whole.get(todo.poll());
            for (String parent : parents(limited)) {
                if (!seen.add(parent)) {
                    continue;
                }
                if (leftOut.containsKey(parent)) {
                    todo.add(parent);
                } else {
                    reached.add(parent);
                }
            }
        }
        Set<String> implied = new HashSet<>();
        Stream.concat(result.stream(), reached.stream())
                .filter(graph::contains)
                .forEach(id -> implied.addAll(graph.ancestors(id)));
        for (String id : reached) {
            if (!implied.contains(id)) {
                result.add(id);
            }
        }
        return result;
    }

    /**
     * What the run's contexts ask before its planned steps run: a downgrade that would take away a revision below a
     * limited one applied here is refused ({@link #refuseDowngradeBelowLimited}); an upgrade with nothing to run
     * still records the limited revisions the database has reached, since one may have arrived on a database
     * already at its parent.
     */
    public void beforeSteps(
            Connection c, Direction direction, List<Step> steps, VersionTables tables, Settings settings)
            throws SQLException {
        if (leftOut.isEmpty()) {
            return;
        }
        if (direction == Direction.DOWNGRADE) {
            refuseDowngradeBelowLimited(tables.readTableRows(c), steps, settings.fixes());
        } else if (steps.isEmpty()) {
            recordSkipped(c, tables, settings.log());
        }
    }

    /** After an upgrade's steps ran: records the limited revisions the database has now reached. */
    public void afterSteps(Connection c, Direction direction, VersionTables tables, MigrationLog log)
            throws SQLException {
        if (direction == Direction.UPGRADE) {
            recordSkipped(c, tables, log);
        }
    }

    /**
     * Refuses a downgrade that would take away a revision below one of the limited revisions this database applied
     * in a run given their contexts ({@code tableRows}, the version rows as they are): those stay applied, on a
     * parent that would be gone. They are downgraded first, in a run given their contexts.
     */
    private void refuseDowngradeBelowLimited(Set<String> tableRows, List<Step> steps, Fixes fixes) {
        Set<String> reverted = new HashSet<>();
        steps.forEach(step -> reverted.add(step.revision().id()));
        for (String row : tableRows) {
            RevisionInfo limited = leftOut.get(row);
            if (limited == null) {
                continue;
            }
            List<String> below = whole.sortTopologically(
                    whole.ancestors(row).stream().filter(reverted::contains).toList());
            if (!below.isEmpty()) {
                String contexts = String.join(",", new TreeSet<>(limited.contexts()));
                throw new MigrateException("This downgrade would revert " + String.join(", ", below) + ", below "
                        + row + (limited.message().isEmpty() ? "" : " (" + limited.message() + ")")
                        + ", which this database applied in a run given the context"
                        + (limited.contexts().size() == 1 ? " " : "s ") + contexts
                        + "; this run is not given " + (limited.contexts().size() == 1 ? "it" : "them")
                        + ", so it would leave " + row + " applied on a schema without "
                        + (below.size() == 1 ? "the revision" : "the revisions") + " it follows. Downgrade " + row
                        + " first in a run given " + fixes.runGiven("contexts", contexts)
                        + ", then run this downgrade again. Nothing was changed.");
            }
        }
    }

    private static List<String> parents(RevisionInfo r) {
        List<String> parents = new ArrayList<>(r.revises());
        parents.addAll(r.dependsOn());
        return parents;
    }

    /** The modules of the discovered revisions, each with the modules its declaration says it depends on. */
    private static ModuleOrder moduleOrder(Collection<DiscoveredMigration> discovered) {
        Map<String, Set<String>> dependsOn = new TreeMap<>();
        for (DiscoveredMigration m : discovered) {
            String module = ModuleOrder.moduleOf(m.info().id());
            if (!module.isEmpty()) {
                dependsOn.computeIfAbsent(module, k -> new TreeSet<>()).addAll(m.moduleDependsOn());
            }
        }
        if (dependsOn.isEmpty()) {
            return ModuleOrder.NONE;
        }
        Map<String, List<String>> lists = new TreeMap<>();
        dependsOn.forEach((module, on) -> lists.put(module, List.copyOf(on)));
        return new ModuleOrder(lists);
    }

    public static RunContexts of(Collection<DiscoveredMigration> discovered, Settings settings) {
        List<RevisionInfo> all =
                discovered.stream().map(DiscoveredMigration::info).toList();
        ModuleOrder modules = moduleOrder(discovered);
        RevisionGraph whole = RevisionGraph.of(all, settings.fixes(), modules);
        if (all.stream().allMatch(r -> r.runsIn(settings.contexts()))) {
            return new RunContexts(whole, List.copyOf(discovered), Map.of(), whole);
        }
        Map<String, RevisionInfo> leftOut = new TreeMap<>();
        for (RevisionInfo r : all) {
            if (!r.runsIn(settings.contexts())) {
                leftOut.put(r.id(), r);
            }
        }
        return new RunContexts(
                RevisionGraph.of(
                        all.stream().filter(r -> !leftOut.containsKey(r.id())).toList(), settings.fixes(), modules),
                discovered.stream()
                        .filter(m -> !leftOut.containsKey(m.info().id()))
                        .toList(),
                Map.copyOf(leftOut),
                whole);
    }

    /**
     * The revisions left out that the database has reached: every revision they follow is applied there, whatever the
     * contexts it was applied in, and they are not. A run given their contexts applies them.
     *
     * @param tableRows the version rows as the table holds them
     */
    public List<RevisionInfo> skippedAt(Set<String> tableRows) {
        if (leftOut.isEmpty()) {
            return List.of();
        }
        Set<String> applied =
                whole.ancestorsOrSelf(tableRows.stream().filter(whole::contains).toList());
        return leftOut.values().stream()
                .filter(r -> !applied.contains(r.id()) && applied.containsAll(parents(r)))
                .toList();
    }

    /**
     * Records in the history, once each, the revisions left out that the database has reached ({@link #skippedAt}):
     * {@code history} and {@code current} say so, and a later run in one of their contexts applies them.
     */
    void recordSkipped(Connection c, VersionTables tables, MigrationLog log) throws SQLException {
        if (leftOut.isEmpty() || !tables.historyTableExists(c)) {
            return;
        }
        Set<String> recorded = tables.readSkipped(c);
        for (RevisionInfo r : skippedAt(tables.readTableRows(c))) {
            if (!recorded.contains(r.id())) {
                tables.recordSkipped(c, r.id(), r.message() + " (skipped: runs only in " + contextList(r) + ")");
                log.info("Skipped " + r.id() + (r.message().isEmpty() ? "" : ", " + r.message())
                        + ": it runs only in the context" + (r.contexts().size() == 1 ? " " : "s ") + contextList(r)
                        + ", which this run is not given.");
            }
        }
    }

    /** A revision's contexts as messages list them: {@code dev, test}. */
    static String contextList(RevisionInfo r) {
        return String.join(", ", new TreeSet<>(r.contexts()));
    }
}
