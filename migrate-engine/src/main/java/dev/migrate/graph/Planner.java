package dev.migrate.graph;

import dev.migrate.BadTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans {@code upgrade}, {@code downgrade} and {@code stamp} over one graph, with the version-row
 * bookkeeping of each step as Alembic keeps it: the table holds the heads of what is applied,
 * following {@code revises} (a dependency keeps its own row).
 */
final class Planner {
    private final RevisionGraph graph;
    private final TargetResolver targets;

    Planner(RevisionGraph graph, TargetResolver targets) {
        this.graph = graph;
        this.targets = targets;
    }

    /** See {@link RevisionGraph#planUpgrade}. */
    List<Step> planUpgrade(Set<String> currentVersions, String target) {
        graph.checkKnown(currentVersions);
        Target parsed = Target.parse(target);
        if (parsed instanceof Target.Relative r && r.steps() < 0) {
            throw new BadTargetException("The upgrade target '" + target + "' counts downwards; use downgrade " + target
                    + ", or an upgrade target such as +" + (-r.steps()) + " or head.");
        }
        if (parsed instanceof Target.LabelRelative r && r.steps() < 0) {
            throw new BadTargetException("The upgrade target '" + target + "' counts downwards; use downgrade " + target
                    + ", or an upgrade target such as " + r.label() + "@+" + (-r.steps()) + " or " + r.label()
                    + "@head.");
        }
        Set<String> tips = targets.resolve(parsed, currentVersions, target);
        Set<String> applied = graph.ancestorsOrSelf(currentVersions);
        Set<String> wanted = graph.ancestorsOrSelf(tips);
        Set<String> rows = new LinkedHashSet<>(graph.sortTopologically(currentVersions));
        List<Step> steps = new ArrayList<>();
        for (RevisionInfo r : graph.all()) {
            if (!wanted.contains(r.id()) || applied.contains(r.id())) {
                continue;
            }
            List<String> delete = r.revises().stream().filter(rows::contains).toList();
            rows.removeAll(delete);
            rows.add(r.id());
            applied.add(r.id());
            steps.add(new Step(r, Direction.UPGRADE, delete, List.of(r.id())));
        }
        return List.copyOf(steps);
    }

    /** See {@link RevisionGraph#planDowngrade}. */
    List<Step> planDowngrade(Set<String> currentVersions, String target) {
        graph.checkKnown(currentVersions);
        Target parsed = Target.parse(target);
        Set<String> applied = graph.ancestorsOrSelf(currentVersions);
        Set<String> revert;
        if (parsed instanceof Target.Base) {
            revert = new HashSet<>(applied);
        } else if (parsed instanceof Target.LabelBase lb) {
            revert = graph.descendantsOrSelf(List.of(targets.labelled(lb.label())));
        } else if (parsed instanceof Target.Relative r && r.steps() > 0) {
            throw new BadTargetException("The downgrade target '" + target + "' counts upwards; use upgrade " + target
                    + ", or a downgrade target such as -" + r.steps() + " or base.");
        } else if (parsed instanceof Target.Relative r) {
            revert = relativeRevertSet(currentVersions, -r.steps(), target);
        } else if (parsed instanceof Target.LabelRelative r && r.steps() > 0) {
            throw new BadTargetException("The downgrade target '" + target + "' counts upwards; use upgrade " + target
                    + ", or a downgrade target such as " + r.label() + "@-" + r.steps() + " or " + r.label()
                    + "@base.");
        } else if (parsed instanceof Target.LabelRelative r) {
            Optional<String> row = targets.branchRow(r.label(), currentVersions, target);
            revert = row.isEmpty() ? Set.of() : relativeRevertSet(Set.of(row.get()), -r.steps(), target);
        } else {
            Set<String> tips = targets.resolve(parsed, currentVersions, target);
            revert = graph.descendantsOrSelf(tips);
            revert.removeAll(graph.ancestorsOrSelf(tips));
        }
        // How many applied revisions revise each revision: a parent becomes a row again when this drops to zero.
        Map<String, Integer> appliedChildren = new HashMap<>();
        for (String id : applied) {
            for (String parent : graph.get(id).revises()) {
                appliedChildren.merge(parent, 1, Integer::sum);
            }
        }
        Set<String> rows = new LinkedHashSet<>(graph.sortTopologically(currentVersions));
        List<Step> steps = new ArrayList<>();
        List<RevisionInfo> all = graph.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            RevisionInfo r = all.get(i);
            if (!revert.contains(r.id()) || !applied.contains(r.id())) {
                continue;
            }
            List<String> delete = rows.remove(r.id()) ? List.of(r.id()) : List.of();
            applied.remove(r.id());
            List<String> insert = new ArrayList<>();
            for (String parent : r.revises()) {
                // The parent becomes a row again unless another applied revision still revises it.
                boolean stillCovered = appliedChildren.merge(parent, -1, Integer::sum) > 0;
                if (!stillCovered && applied.contains(parent) && rows.add(parent)) {
                    insert.add(parent);
                }
            }
            steps.add(new Step(r, Direction.DOWNGRADE, delete, insert));
        }
        return List.copyOf(steps);
    }

    /** {@code -N}: N revisions down from the single current row; only the last may be a merge point. */
    private Set<String> relativeRevertSet(Set<String> current, int steps, String target) {
        if (steps == 0) {
            return Set.of();
        }
        String at = targets.singleCurrent(current, target)
                .orElseThrow(() -> new BadTargetException("The downgrade target '" + target
                        + "' counts down from the current revision, but the database has "
                        + "no revision applied. Nothing to downgrade."));
        for (int i = 1; i < steps; i++) {
            List<String> parents = graph.get(at).revises();
            if (parents.isEmpty()) {
                throw new BadTargetException("The downgrade target '" + target + "' goes " + (steps - i)
                        + " revision(s) below the base; only " + i + " revision(s) are applied on this branch. "
                        + "Use -" + i + " or 'base'.");
            }
            if (parents.size() > 1) {
                throw new BadTargetException("The downgrade target '" + target + "' is ambiguous: " + at
                        + " is a merge point of " + String.join(", ", parents) + ". Downgrade to one of them by id.");
            }
            at = parents.get(0);
        }
        return graph.descendantsOrSelf(List.of(at));
    }

    /** See {@link RevisionGraph#planStamp}. */
    StampPlan planStamp(Set<String> currentVersions, String target) {
        graph.checkKnown(currentVersions);
        Target parsed = Target.parse(target);
        Set<String> newRows;
        if (parsed instanceof Target.Base) {
            newRows = Set.of();
        } else if (parsed instanceof Target.LabelBase lb) {
            Set<String> branch = graph.descendantsOrSelf(List.of(targets.labelled(lb.label())));
            newRows = new HashSet<>(currentVersions);
            newRows.removeIf(branch::contains);
            newRows.addAll(graph.get(targets.labelled(lb.label())).revises());
        } else {
            Set<String> tips = targets.resolve(parsed, currentVersions, target);
            if (tips.isEmpty()) { // -N down to below a base
                newRows = Set.of();
            } else {
                Set<String> related = graph.ancestorsOrSelf(tips);
                related.addAll(graph.descendantsOrSelf(tips));
                newRows = new HashSet<>(tips);
                currentVersions.stream().filter(v -> !related.contains(v)).forEach(newRows::add);
            }
        }
        // Keep only the heads of what the rows imply, as upgrade and downgrade leave the table.
        List<String> parentsOfRows = new ArrayList<>();
        for (String row : newRows) {
            parentsOfRows.addAll(graph.get(row).revises());
        }
        Set<String> implied = graph.parentAncestorsOrSelf(parentsOfRows);
        List<String> finalRows = graph.sortTopologically(newRows).stream()
                .filter(r -> !implied.contains(r))
                .toList();
        Set<String> keep = new HashSet<>(finalRows);
        List<String> delete = graph.sortTopologically(currentVersions).stream()
                .filter(r -> !keep.contains(r))
                .toList();
        List<String> insert =
                finalRows.stream().filter(r -> !currentVersions.contains(r)).toList();
        return new StampPlan(delete, insert);
    }
}
