package dev.migrate.internal.graph;

import java.util.List;

/**
 * The version-table change a {@code stamp} makes: no migration runs.
 *
 * @param delete version rows to delete
 * @param insert version rows to insert
 * @param revisions the revisions the target named, resolved (none for {@code base}): what the
 *     history records, rather than the target as typed
 */
public record StampPlan(List<String> delete, List<String> insert, List<String> revisions) {
    public StampPlan {
        delete = List.copyOf(delete);
        insert = List.copyOf(insert);
        revisions = List.copyOf(revisions);
    }

    /** Whether the stamp leaves the version table as it is. */
    public boolean isEmpty() {
        return delete.isEmpty() && insert.isEmpty();
    }
}
