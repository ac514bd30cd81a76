package dev.migrate.internal.runtime;

import dev.migrate.Imported;
import dev.migrate.Migration;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.RevisionGraph;
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

    /**
     * The revisions imported from a migration the old tool had no undo for ({@code @Imported(downgrade = false)}):
     * their downgrade throws, so round trips leave it out.
     */
    public Set<String> withoutDowngrade() {
        Set<String> found = new TreeSet<>();
        for (Map.Entry<String, DiscoveredMigration> migration : migrations.entrySet()) {
            for (Imported imported : migration.getValue().type().getAnnotationsByType(Imported.class)) {
                if (!imported.downgrade()) {
                    found.add(migration.getKey());
                }
            }
        }
        return found;
    }

    /** The last imported revision in the chain's order, as its class; empty for a chain with none. */
    public Optional<Class<? extends Migration>> last() {
        List<String> ordered = graph.sortTopologically(
                graph.all().stream().map(RevisionInfo::id).toList());
        for (int i = ordered.size() - 1; i >= 0; i--) {
            DiscoveredMigration migration = migrations.get(ordered.get(i));
            if (migration != null && migration.type().getAnnotationsByType(Imported.class).length > 0) {
                return Optional.of(migration.type());
            }
        }
        return Optional.empty();
    }
}
