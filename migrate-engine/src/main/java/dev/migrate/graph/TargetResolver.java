package dev.migrate.graph;

import dev.migrate.BadTargetException;
import dev.migrate.MigrateException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
     * The revisions {@code target} names: one for most forms, every head for {@code heads}, none for
     * {@code base}; {@code text} is what the user wrote, for messages.
     */
    Set<String> resolve(Target target, Set<String> current, String text) {
        if (target instanceof Target.Head) {
            return singleHead(text).map(Set::of).orElse(Set.of());
        } else if (target instanceof Target.Heads) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(graph.heads()));
        } else if (target instanceof Target.Base) {
            return Set.of();
        } else if (target instanceof Target.RevisionRef ref) {
            return Set.of(graph.lookup(ref.idOrPrefix()).id());
        } else if (target instanceof Target.Relative rel) {
            String from = singleCurrent(current, text).orElse(null);
            return walkRelative(from, rel.steps(), text);
        } else if (target instanceof Target.RelativeTo rel) {
            return walkRelative(graph.lookup(rel.idOrPrefix()).id(), rel.steps(), text);
        } else if (target instanceof Target.LabelHead lh) {
            return Set.of(labelHead(lh.label(), text));
        } else if (target instanceof Target.LabelBase lb) {
            return Collections.unmodifiableSet(
                    new LinkedHashSet<>(graph.get(labelled(lb.label())).revises()));
        } else if (target instanceof Target.LabelRelative lr) {
            Optional<String> row = branchRow(lr.label(), current, text);
            if (lr.steps() < 0) {
                String from = row.orElseThrow(() -> nothingAppliedOnBranch(lr.label(), text));
                return walkRelative(from, lr.steps(), text);
            }
            if (row.isPresent() || lr.steps() == 0) {
                return row.map(r -> walkRelative(r, lr.steps(), text)).orElse(Set.of());
            }
            // The branch is not applied yet: its first step up is the labelled revision itself.
            return walkRelative(labelled(lr.label()), lr.steps() - 1, text);
        }
        throw new IllegalStateException("unhandled target " + target);
    }

    /** {@code steps} up (positive) or down (negative) from {@code from}; null {@code from} is the base. */
    Set<String> walkRelative(String from, int steps, String text) {
        Optional<String> to = steps >= 0 ? walkUp(from, steps, text) : walkDown(from, -steps, text);
        return to.map(Set::of).orElse(Set.of());
    }

    /**
     * The single head; with none (an empty graph) nothing, and with several an error that lists
     * them and names the alternatives.
     */
    private Optional<String> singleHead(String text) {
        if (graph.heads().size() > 1) {
            throw new BadTargetException("The target '" + text + "' needs a single head, but there are "
                    + graph.heads().size()
                    + " heads: " + String.join(", ", graph.heads())
                    + ". Use 'heads' for all of them, <label>@head for one "
                    + "branch, or a revision id; or write a merge migration (the merge goal) to join them.");
        }
        return graph.heads().stream().findFirst();
    }

    Optional<String> singleCurrent(Set<String> current, String text) {
        if (current.size() > 1) {
            throw new BadTargetException(
                    "The relative target '" + text + "' counts from the database's current revision, "
                            + "but the database is at several: " + String.join(", ", graph.sortTopologically(current))
                            + ". Use <id>+N, <id>-N or a revision id instead.");
        }
        return current.stream().findFirst();
    }

    String labelled(String label) {
        String id = graph.labels().get(label);
        if (id == null) {
            String known = graph.labels().isEmpty()
                    ? "no revision declares a branch label"
                    : "the known labels are " + String.join(", ", new TreeMap<>(graph.labels()).keySet());
            throw new BadTargetException("No revision has the branch label '" + label + "' (" + known
                    + "). Check the spelling, or set branchLabels on the revision that starts the branch.");
        }
        return id;
    }

    /** The single version row on the branch that carries {@code label}, if that branch is applied. */
    Optional<String> branchRow(String label, Set<String> current, String text) {
        Set<String> branch = graph.descendantsOrSelf(List.of(labelled(label)));
        List<String> rows = graph.sortTopologically(current).stream()
                .filter(branch::contains)
                .toList();
        if (rows.size() > 1) {
            throw new BadTargetException(
                    "The target '" + text + "' counts from the current revision of branch '" + label
                            + "', but the database is at several revisions on it: " + String.join(", ", rows)
                            + ". Use <id>+N, <id>-N or a revision id instead.");
        }
        return rows.stream().findFirst();
    }

    private static MigrateException nothingAppliedOnBranch(String label, String text) {
        return new BadTargetException("The target '" + text + "' counts down from the current revision of branch '"
                + label + "', but nothing on that branch is applied.");
    }

    private String labelHead(String label, String text) {
        String labelledId = labelled(label);
        Set<String> branch = graph.descendantsOrSelf(List.of(labelledId));
        List<String> branchHeads =
                graph.heads().stream().filter(branch::contains).toList();
        if (branchHeads.size() > 1) {
            throw new BadTargetException("The target '" + text + "' needs a single head on branch '" + label
                    + "', but it has " + branchHeads.size() + ": " + String.join(", ", branchHeads)
                    + ". Use a revision id, or merge them first.");
        }
        return branchHeads.get(0);
    }

    /** {@code steps} revisions up from {@code from} (null: from base) along single children. */
    private Optional<String> walkUp(String from, int steps, String text) {
        String at = from;
        for (int i = 0; i < steps; i++) {
            List<String> next = at == null ? graph.bases() : graph.children(at);
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
    private Optional<String> walkDown(String from, int steps, String text) {
        String at = from;
        for (int i = 0; i < steps; i++) {
            if (at == null) {
                throw new BadTargetException("The relative target '" + text + "' goes " + (steps - i)
                        + " revision(s) below the base. Use a smaller number, or 'base'.");
            }
            List<String> parents = graph.get(at).revises();
            if (parents.size() > 1) {
                throw new BadTargetException("The relative target '" + text + "' is ambiguous: " + at
                        + " is a merge point of " + String.join(", ", parents) + ". Use a revision id instead.");
            }
            at = parents.isEmpty() ? null : parents.get(0);
        }
        return Optional.ofNullable(at);
    }
}
