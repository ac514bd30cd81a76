package dev.migrate.graph;

import java.util.List;
import java.util.Set;

/**
 * What the graph knows of one revision: its {@code @Revision} attributes and where it came from.
 *
 * @param source the class that declares it, for error messages
 * @param replaces for a squash, the revisions it replaces, parents first, the one it stands for
 *     last; empty for any other revision
 * @param contexts the contexts it runs in; empty: every run
 */
public record RevisionInfo(
        String id,
        List<String> revises,
        String message,
        Set<String> branchLabels,
        List<String> dependsOn,
        boolean transactional,
        String source,
        List<String> replaces,
        Set<String> contexts) {

    public RevisionInfo {
        contexts = Set.copyOf(contexts);
        replaces = List.copyOf(replaces);
        revises = List.copyOf(revises);
        branchLabels = Set.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
    }

    /** A revision that replaces none. */
    public RevisionInfo(
            String id,
            List<String> revises,
            String message,
            Set<String> branchLabels,
            List<String> dependsOn,
            boolean transactional,
            String source) {
        this(id, revises, message, branchLabels, dependsOn, transactional, source, List.of());
    }

    /** A revision that runs in every context. */
    public RevisionInfo(
            String id,
            List<String> revises,
            String message,
            Set<String> branchLabels,
            List<String> dependsOn,
            boolean transactional,
            String source,
            List<String> replaces) {
        this(id, revises, message, branchLabels, dependsOn, transactional, source, replaces, Set.of());
    }

    /** Whether it runs in a run given {@code active} contexts: in every run without contexts of its own. */
    public boolean runsIn(Set<String> active) {
        return contexts.isEmpty() || contexts.stream().anyMatch(active::contains);
    }

    /** Whether this revision is a squash: it replaces a chain of revisions from the base. */
    public boolean isSquash() {
        return !replaces.isEmpty();
    }

    /** The revision a squash stands for: the last it replaces, whose children revise it. */
    public String standsFor() {
        return replaces.get(replaces.size() - 1);
    }

    public boolean isBase() {
        return revises.isEmpty();
    }

    public boolean isMergePoint() {
        return revises.size() > 1;
    }
}
