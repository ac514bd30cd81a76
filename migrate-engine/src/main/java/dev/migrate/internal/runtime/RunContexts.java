package dev.migrate.internal.runtime;

import dev.migrate.MigrationLog;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.RevisionGraph;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run's contexts make of the migrations: the graph of those that run in them (after the whole chain's graph
 * is checked, so that a revision following one limited to other contexts is refused whatever the run's contexts),
 * and the revisions limited to other contexts, left out of the run and recorded as skipped once it reaches them.
 *
 * @param graph the graph of the revisions that run in the run's contexts
 * @param running the migrations of those revisions
 * @param leftOut the revisions limited to other contexts, by id
 */
record RunContexts(RevisionGraph graph, List<DiscoveredMigration> running, Map<String, RevisionInfo> leftOut) {

    static RunContexts of(Collection<DiscoveredMigration> discovered, Settings settings) {
        List<RevisionInfo> all =
                discovered.stream().map(DiscoveredMigration::info).toList();
        RevisionGraph whole = RevisionGraph.of(all, settings.fixes());
        if (all.stream().allMatch(r -> r.runsIn(settings.contexts()))) {
            return new RunContexts(whole, List.copyOf(discovered), Map.of());
        }
        Map<String, RevisionInfo> leftOut = new TreeMap<>();
        for (RevisionInfo r : all) {
            if (!r.runsIn(settings.contexts())) {
                leftOut.put(r.id(), r);
            }
        }
        return new RunContexts(
                RevisionGraph.of(
                        all.stream().filter(r -> !leftOut.containsKey(r.id())).toList(), settings.fixes()),
                discovered.stream()
                        .filter(m -> !leftOut.containsKey(m.info().id()))
                        .toList(),
                Map.copyOf(leftOut));
    }

    /**
     * Records in the history, once each, the revisions left out that the run would otherwise have applied (every
     * revision they follow is applied): {@code history} then shows them skipped, and a later run in one of their
     * contexts applies them.
     */
    void recordSkipped(Connection c, Set<String> applied, VersionTables tables, MigrationLog log) throws SQLException {
        Set<String> recorded = tables.readSkipped(c);
        for (RevisionInfo r : leftOut.values()) {
            boolean reached = applied.containsAll(r.revises()) && applied.containsAll(r.dependsOn());
            if (reached && !recorded.contains(r.id())) {
                String contexts = String.join(", ", new TreeSet<>(r.contexts()));
                tables.recordSkipped(c, r.id(), r.message() + " (skipped: runs only in " + contexts + ")");
                log.info("Skipped " + r.id() + (r.message().isEmpty() ? "" : ", " + r.message())
                        + ": it runs only in the context" + (r.contexts().size() == 1 ? " " : "s ") + contexts
                        + ", which this run is not given.");
            }
        }
    }
}
