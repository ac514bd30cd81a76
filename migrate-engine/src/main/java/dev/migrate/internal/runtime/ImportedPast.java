package dev.migrate.internal.runtime;

import dev.migrate.Imported;
import dev.migrate.Migration;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The revisions of a chain imported from Flyway or Liquibase ({@link Imported}), as the tools ask about them. */
public final class ImportedPast {
    private final RevisionGraph graph;
    private final Map<String, DiscoveredMigration> migrations;

    ImportedPast(RevisionGraph graph, Map<String, DiscoveredMigration> migrations) {
        this.graph = graph;
        this.migrations = migrations;
    }

    /** An imported revision: its id, its class, and the old migrations it came from. */
    record Revision(String id, Class<? extends Migration> type, List<Imported> from) {}

    /** The chain's imported revisions, in the order they apply; the classes are loaded to read their annotations. */
    List<Revision> inOrder() {
        List<Revision> found = new ArrayList<>();
        for (String id : graph.sortTopologically(
                graph.all().stream().map(RevisionInfo::id).toList())) {
            DiscoveredMigration migration = migrations.get(id);
            if (migration != null) {
                Imported[] from = migration.type().getAnnotationsByType(Imported.class);
                if (from.length > 0) {
                    found.add(new Revision(id, migration.type(), List.of(from)));
                }
            }
        }
        return found;
    }

    /**
     * The revisions imported from a migration the old tool had no undo for ({@code @Imported(downgrade = false)}):
     * their downgrade throws, so round trips leave it out.
     */
    public Set<String> withoutDowngrade() {
        Set<String> found = new TreeSet<>();
        for (Revision revision : inOrder()) {
            if (revision.from().stream().anyMatch(imported -> !imported.downgrade())) {
                found.add(revision.id());
            }
        }
        return found;
    }

    /** The last imported revision in the chain's order, as its class; empty for a chain with none. */
    public Optional<Class<? extends Migration>> last() {
        List<Revision> imported = inOrder();
        return imported.isEmpty()
                ? Optional.empty()
                : Optional.of(imported.get(imported.size() - 1).type());
    }
}
