package dev.migrate.graph;

import java.util.List;

/**
 * The version-table change a {@code stamp} makes: no migration runs.
 *
 * @param delete version rows to delete
 * @param insert version rows to insert
 */
public record StampPlan(List<String> delete, List<String> insert) {
    public StampPlan {
        delete = List.copyOf(delete);
        insert = List.copyOf(insert);
    }

    /** Whether the stamp leaves the version table as it is. */
    public boolean isEmpty() {
        return delete.isEmpty() && insert.isEmpty();
    }
}
