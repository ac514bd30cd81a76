package dev.migrate.internal.graph;

import dev.migrate.graph.RevisionInfo;
import java.util.List;

/**
 * One migration to run, with the version-table change that records it.
 *
 * <p>The runner deletes {@code deleteVersions} and inserts {@code insertVersions} in the same
 * transaction as the migration, so the table always names the heads of what is applied.
 *
 * @param revision the migration to run
 * @param direction whether to run its {@code upgrade} or its {@code downgrade}
 * @param deleteVersions version rows to delete (all of them present before the step)
 * @param insertVersions version rows to insert
 */
public record Step(
        RevisionInfo revision, Direction direction, List<String> deleteVersions, List<String> insertVersions) {
    public Step {
        deleteVersions = List.copyOf(deleteVersions);
        insertVersions = List.copyOf(insertVersions);
    }
}
