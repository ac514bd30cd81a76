package dev.migrate.internal.graph;

import java.util.List;
import java.util.Set;

/**
 * What the graph knows of one revision: its {@code @Revision} attributes and where it came from.
 *
 * @param source the class that declares it, for error messages
 */
public record RevisionInfo(
        String id,
        List<String> revises,
        String message,
        Set<String> branchLabels,
        List<String> dependsOn,
        boolean transactional,
        String source) {

    public RevisionInfo {
        revises = List.copyOf(revises);
        branchLabels = Set.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
    }

    public boolean isBase() {
        return revises.isEmpty();
    }

    public boolean isMergePoint() {
        return revises.size() > 1;
    }
}
