package dev.migrate.internal.graph;

import dev.migrate.BadTargetException;
import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Gives a parsed {@link Target} its meaning in one graph: the revisions it names, counted from
 * the database's current version rows where the form is relative.
 */
final class TargetResolver {
    private final RevisionGraph graph;

    TargetResolver(RevisionGraph graph) {
        this.graph = graph;
    }

    /**
     * A branch a target names before its {@code @}: a label, or a revision on it.
     *
     * @param name the text before the {@code @}, for messages
     * @param start the branch's first revision: the labelled revision, or for a revision id the
     *     lowest revision of its straight run (down to a branch point, a merge or a base)
     * @param lineage the revisions the branch runs through, by {@code revises}: the ancestors and
     *     descendants of the labelled (or named) revision
     * @param own the start and what descends from it by {@code revises}: the part a
     *     {@code <branch>@-N} may take down
     */
    record Branch(String name, String start, Set<String> lineage, Set<String> own) {}

    /**
     * The revisions {@code target} names: one for most forms, every head for {@code heads}, none for
     * {@code base}; {@code text} is what the user wrote, for messages.
     */
    Set<String> resolve(Target target, Set<String> current, String text) {
        Scoped scoped = scope(target);
        return resolveOn(scoped.branch(), scoped.point(), current, text);
    }

    /**
     * A target split at its {@code @}: the branch it names ({@code null} without one) and the point
     * on it.
     */
    record Scoped(@Nullable Branch branch, Target point) {}

    Scoped scope(Target target) {
        return target instanceof Target.OnBranch on
                ? new Scoped(branch(on.branch()), on.point())
                : new Scoped(null, target);
    }

    /** {@code point} on {@code branch}, or anywhere in the graph when {@code branch} is null. */
    Set<String> resolveOn(@Nullable Branch branch, Target point, Set<String> current, String text) {
        if (point instanceof Target.Head) {
            if (branch == null && graph.hasOneHeadPerModule()) {
                return Set.copyOf(graph.heads()); // head of each module: what upgrade's default means with modules
            }
            String head = branch == null ? singleHead(text) : branchHead(branch, text);
            return head == null ? Set.of() : Set.of(head);
        } else if (point instanceof Target.Heads) {
            Set<String> heads = new LinkedHashSet<>(graph.heads());
            if (branch != null) {
                heads.retainAll(branch.own());
            }
            return Collections.unmodifiableSet(heads);
        } else if (point instanceof Target.Base) {
            return branch == null
                    ? Set.of()
                    : Collections.unmodifiableSet(
                            new LinkedHashSet<>(graph.get(branch.start()).revises()));
        } else if (point instanceof Target.RevisionRef ref) {
            return Set.of(onBranch(branch, graph.lookup(ref.idOrPrefix()).id(), text));
        } else if (point instanceof Target.Relative rel) {
            return walkRelative(
                    branch == null ? singleCurrent(current, text).orElse(null) : branchTip(branch, current, text),
                    rel.steps(),
                    branch,
                    text);
        } else if (point instanceof Target.RelativeTo rel) {
            return walkRelative(fixedPoint(branch, rel, text), rel.steps(), branch, text);
        }
        throw new IllegalStateException("unhandled target " + point);
    }

    /** Where {@code <from>±N} starts: null below the base. */
    private @Nullable String fixedPoint(@Nullable Branch branch, Target.RelativeTo rel, String text) {
        if (rel.fromBase()) {
            if (rel.steps() < 0) {
                throw new BadTargetException("The relative target '" + text + "' goes below the base. Use 'base'.");
            }
            return null;
        }
        if (rel.fromHead()) {
            return branch == null ? singleHead(text) : branchHead(branch, text);
        }
        return onBranch(branch, graph.lookup(rel.from()).id(), text);
    }

    /** The branch a label names, or the branch of the revision an id names. */
    Branch branch(String name) {
        String labelled = graph.labels().get(name);
        String anchor;
        String start;
        if (labelled != null) {
            anchor = labelled;
            start = labelled;
        } else {
            RevisionInfo revision;
            try {
                revision = graph.lookup(name);
            } catch (MigrateException e) {
                String known = graph.labels().isEmpty()
                        ? "no revision declares a branch label"
                        : "the known labels are " + String.join(", ", new TreeMap<>(graph.labels()).keySet());
                throw new BadTargetException("No revision has the branch label '" + name
                        + "', and no revision id starts with it (" + known
                        + "). Check the spelling, or set branchLabels on the revision that starts the branch.");
            }
            anchor = revision.id();
            start = straightRunStart(anchor);
        }
        Set<String> lineage = graph.parentAncestorsOrSelf(List.of(anchor));
        lineage.addAll(graph.parentDescendantsOrSelf(List.of(anchor)));
        return new Branch(name, start, lineage, graph.parentDescendantsOrSelf(List.of(start)));
    }

    /** The lowest revision reached from {@code id} down single parents that have no other child. */
    private String straightRunStart(String id) {
        String at = id;
        while (true) {
            List<String> parents = graph.get(at).revises();
            if (parents.size() != 1 || graph.children(parents.get(0)).size() != 1) {
                return at;
            }
            at = parents.get(0);
        }
    }

    /** {@code id}, checked to be on {@code branch} (when there is one). */
    private String onBranch(@Nullable Branch branch, String id, String text) {
        if (branch != null && !branch.lineage().contains(id)) {
            throw new BadTargetException("The target '" + text + "' names revision " + id
                    + ", which is not on branch '" + branch.name() + "'. Name a revision on that branch, or drop '"
                    + branch.name() + "@'.");
        }
        return id;
    }

    /**
     * {@code steps} up (positive) or down (negative) from {@code from} (null: below the base),
     * staying on {@code branch} where one is given.
     */
    Set<String> walkRelative(@Nullable String from, int steps, @Nullable Branch branch, String text) {
        Optional<String> to = steps >= 0 ? walkUp(from, steps, branch, text) : walkDown(from, -steps, branch, text);
        return to.map(Set::of).orElse(Set.of());
    }

    /**
     * The single head; with none (an empty graph) nothing, and with several an error that lists
     * them and names the alternatives.
     */
    private @Nullable String singleHead(String text) {
        if (graph.heads().size() > 1) {
            throw new BadTargetException("The target '" + text + "' needs a single head, but there are "
                    + graph.heads().size()
                    + " heads: " + String.join(", ", graph.heads())
                    + ". Use 'heads' for all of them, <label>@head for one "
                    + "branch, or a revision id; or write a merge migration ("
                    + graph.fixes().named("merge")
                    + ") to join them.");
        }
        return graph.heads().isEmpty() ? null : graph.heads().get(0);
    }

    /**
     * The single revision relative forms count from. A version row that another row depends on is
     * not counted: it is there because a dependency keeps its own row, not as a branch of its own.
     */
    Optional<String> singleCurrent(Set<String> current, String text) {
        List<String> tips = graph.sortTopologically(graph.tips(current));
        if (tips.size() > 1) {
            throw new BadTargetException("The relative target '" + text + "' counts from the database's current "
                    + "revision, but the database is at several: " + String.join(", ", tips)
                    + ". Use <id>+N, <id>-N, <label>@+N, <label>@-N or a revision id instead.");
        }
        return tips.stream().findFirst();
    }

    /**
     * Where {@code <branch>@+N} counts from: the newest applied revision on the branch's lineage
     * (null when none is), as Alembic counts.
     */
    private @Nullable String branchTip(Branch branch, Set<String> current, String text) {
        Set<String> applied = graph.ancestorsOrSelf(current);
        applied.retainAll(branch.lineage());
        List<String> tips = graph.sortTopologically(graph.parentTips(applied));
        if (tips.size() > 1) {
            throw severalOnBranch(branch, tips, text);
        }
        return tips.isEmpty() ? null : tips.get(0);
    }

    /** The single version row on the branch's own revisions, if that branch is applied. */
    Optional<String> branchRow(Branch branch, Set<String> current, String text) {
        List<String> rows = graph.sortTopologically(graph.tips(current)).stream()
                .filter(branch.own()::contains)
                .toList();
        if (rows.size() > 1) {
            throw severalOnBranch(branch, rows, text);
        }
        return rows.stream().findFirst();
    }

    private static BadTargetException severalOnBranch(Branch branch, List<String> rows, String text) {
        return new BadTargetException("The target '" + text + "' counts from the current revision of branch '"
                + branch.name() + "', but the database is at several revisions on it: " + String.join(", ", rows)
                + ". Use <id>+N, <id>-N or a revision id instead.");
    }

    private String branchHead(Branch branch, String text) {
        List<String> branchHeads =
                graph.heads().stream().filter(branch.own()::contains).toList();
        if (branchHeads.size() > 1) {
            throw new BadTargetException("The target '" + text + "' needs a single head on branch '" + branch.name()
                    + "', but it has " + branchHeads.size() + ": " + String.join(", ", branchHeads)
                    + ". Use a revision id, or merge them first.");
        }
        return branchHeads.get(0);
    }

    /** {@code steps} revisions up from {@code from} (null: from base) along single children. */
    private Optional<String> walkUp(@Nullable String from, int steps, @Nullable Branch branch, String text) {
        String at = from;
        for (int i = 0; i < steps; i++) {
            List<String> next = onLineage(at == null ? graph.bases() : graph.children(at), branch);
            String where = at == null ? "base" : at;
            if (next.isEmpty()) {
                throw new BadTargetException("The relative target '" + text + "' goes " + (steps - i)
                        + " revision(s) past " + (at == null ? "the base: there are no revisions" : "the head " + at)
                        + ". Use a smaller number, or 'head'.");
            }
            if (next.size() > 1) {
                throw new BadTargetException(
                        "The relative target '" + text + "' is ambiguous: " + where + " is followed by "
                                + next.size() + " revisions (" + String.join(", ", next)
                                + "). Name the branch with a revision id, <id>+N or <label>@head.");
            }
            at = next.get(0);
        }
        return Optional.ofNullable(at);
    }

    /**
     * {@code steps} revisions down from {@code from} along single parents; empty when the walk ends
     * exactly below a base.
     */
    private Optional<String> walkDown(@Nullable String from, int steps, @Nullable Branch branch, String text) {
        String at = from;
        for (int i = 0; i < steps; i++) {
            if (at == null) {
                throw new BadTargetException("The relative target '" + text + "' goes " + (steps - i)
                        + " revision(s) below the base. Use a smaller number, or 'base'.");
            }
            List<String> parents = onLineage(graph.get(at).revises(), branch);
            if (parents.size() > 1) {
                throw new BadTargetException("The relative target '" + text + "' is ambiguous: " + at
                        + " is a merge point of " + String.join(", ", parents) + ". Use a revision id instead.");
            }
            at = parents.isEmpty() ? null : parents.get(0);
        }
        return Optional.ofNullable(at);
    }

    private static List<String> onLineage(List<String> ids, @Nullable Branch branch) {
        if (branch == null) {
            return ids;
        }
        List<String> kept = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (branch.lineage().contains(id)) {
                kept.add(id);
            }
        }
        return kept;
    }
}
