package dev.migrate.tooling;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.Step;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated revision graph of a chain, as migrate's tools query it: revisions by id or target, their
 * ancestors, children and dependents, squashes, and which revisions a database at some version rows has
 * applied or would apply. Needs no database.
 *
 * <pre>{@code
 * ChainGraph graph = MigratorTools.of(migrator).graph();
 * Set<String> below = graph.ancestorsOrSelf(List.of(graph.resolveOne(RevisionTarget.of("head"), Set.of()).id()));
 * }</pre>
 */
public final class ChainGraph {
    private final RevisionGraph graph;

    ChainGraph(RevisionGraph graph) {
        this.graph = graph;
    }

    /** The revision with this exact id; a {@link MigrateException} when there is none. */
    public RevisionInfo get(String id) {
        return graph.get(id);
    }

    /** Resolves a target that must name exactly one revision ({@code head}, an id or prefix, a label). */
    public RevisionInfo resolveOne(RevisionTarget target, Set<String> currentVersions) {
        return graph.resolveOne(target, currentVersions);
    }

    /** The given revisions and all their ancestors, through {@code revises} and {@code dependsOn}. */
    public Set<String> ancestorsOrSelf(Collection<String> ids) {
        return graph.ancestorsOrSelf(ids);
    }

    /** The revisions that revise {@code id}. */
    public List<String> children(String id) {
        return graph.children(id);
    }

    /** The revisions that list {@code id} in {@code dependsOn}. */
    public List<String> dependents(String id) {
        return graph.dependents(id);
    }

    /** The given known ids in the graph's topological order. */
    public List<String> sortTopologically(Collection<String> ids) {
        return graph.sortTopologically(ids);
    }

    /** The position of a revision in the graph's order; sorts ids the way the graph does. */
    public int position(String id) {
        return graph.position(id);
    }

    /**
     * The squashes whose replaced revisions are all still defined, by the revision each stands for: a database
     * at base runs one of them instead of its chain.
     */
    public Map<String, RevisionInfo> squashShortcuts() {
        return graph.squashShortcuts();
    }

    /** The version rows no class of this graph defines; empty when it knows every one. */
    public List<String> unknown(Set<String> currentVersions) {
        return graph.unknown(currentVersions);
    }

    /**
     * Every revision the version rows imply as applied: the rows and all their ancestors.
     *
     * @throws MigrateException when a row names a revision no class defines
     */
    public Set<String> appliedRevisions(Set<String> currentVersions) {
        return graph.appliedRevisions(currentVersions);
    }

    /**
     * The version rows a database would have at {@code target}, where there is no database to ask: {@code base}
     * is none, an id is that id and the rows of what it depends on.
     */
    public Set<String> versionsAt(RevisionTarget target) {
        return graph.versionsAt(target);
    }

    /**
     * The revisions an upgrade from {@code currentVersions} to {@code target} applies, parents and dependencies
     * first; empty when the target is applied already.
     */
    public List<String> upgradeRevisions(Set<String> currentVersions, RevisionTarget target) {
        return graph.planUpgrade(currentVersions, target).stream()
                .map(Step::revision)
                .map(RevisionInfo::id)
                .toList();
    }
}
