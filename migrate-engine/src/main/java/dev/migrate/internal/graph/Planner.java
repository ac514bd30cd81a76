package dev.migrate.internal.graph;

import dev.migrate.BadTargetException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.graph.Target;
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
 * bookkeeping of each step: the table holds the applied revisions whose row no applied revision takes
 * ({@link RevisionGraph#rowsFor}), so a dependency keeps its own row, and so does the parent of a revision limited
 * to narrower contexts.
 *
 * <p>Which revisions a downgrade reverts follows Alembic ({@code revision.py},
 * {@code _collect_downgrade_revisions}): a downgrade to X reverts X's children by {@code revises}
 * and everything that descends from them by either kind of edge, so a revision that merely depends
 * on X stays; on a branch ({@code <branch>@X}) only the children on that branch are taken.
 */
final class Planner {
    private final RevisionGraph graph;
    private final TargetResolver targets;

    Planner(RevisionGraph graph, TargetResolver targets) {
        this.graph = graph;
        this.targets = targets;
    }

    /** See {@link RevisionGraph#planUpgrade}. */
    List<Step> planUpgrade(Set<String> currentVersions, RevisionTarget target) {
        graph.checkKnown(currentVersions);
        Set<String> tips = new HashSet<>();
        for (RevisionTarget.Point each : target.points()) {
            String part = each.text();
            Target parsed = each.target();
            Target point = parsed instanceof Target.OnBranch on ? on.point() : parsed;
            if (point instanceof Target.Relative r && r.steps() < 0) {
                String branch = parsed instanceof Target.OnBranch on ? on.branch() + "@" : "";
                throw new BadTargetException("The upgrade target '" + part + "' counts downwards; use downgrade "
                        + part + ", or an upgrade target such as " + branch + "+" + Math.abs(r.steps()) + " or "
                        + branch
                        + "head.");
            }
            tips.addAll(targets.resolve(parsed, currentVersions, part));
        }
        Set<String> applied = graph.ancestorsOrSelf(currentVersions);
        Set<String> wanted = graph.ancestorsOrSelf(tips);
        if (applied.containsAll(wanted)) {
            return List.of(); // an up-to-date database: no rows to keep count of
        }
        Bookkeeping rows = new Bookkeeping(currentVersions, applied);
        Map<String, RevisionInfo> squashes = squashesToRun(applied, wanted);
        Set<String> squashed = new HashSet<>();
        squashes.values().forEach(s -> squashed.addAll(s.replaces()));
        List<Step> steps = new ArrayList<>();
        for (RevisionInfo r : graph.all()) {
            if (wanted.contains(r.id()) && !rows.isApplied(r.id())) {
                RevisionInfo squash = squashes.get(r.id());
                if (squash != null) {
                    steps.add(rows.upgradeBy(squash));
                } else if (!squashed.contains(r.id())) {
                    steps.add(rows.upgrade(r));
                }
            }
        }
        return List.copyOf(steps);
    }

    /**
     * The squashes an upgrade runs, by the revision each stands for: those whose whole range the
     * upgrade wants and of which nothing is applied. A database part-way through a range, or an
     * upgrade that stops inside it, takes the replaced revisions themselves.
     */
    private Map<String, RevisionInfo> squashesToRun(Set<String> applied, Set<String> wanted) {
        Map<String, RevisionInfo> run = new HashMap<>();
        for (RevisionInfo s : graph.squashShortcuts().values()) {
            if (wanted.containsAll(s.replaces()) && s.replaces().stream().noneMatch(applied::contains)) {
                run.put(s.standsFor(), s);
            }
        }
        return run;
    }

    /** See {@link RevisionGraph#planDowngrade}. */
    List<Step> planDowngrade(Set<String> currentVersions, RevisionTarget target) {
        graph.checkKnown(currentVersions);
        if (target.points().size() > 1) {
            throw new BadTargetException("The downgrade target '" + target + "' names several revisions; a downgrade "
                    + "goes to one target. Downgrade one branch at a time with <branch>@<id> or <label>@base.");
        }
        Bookkeeping rows = new Bookkeeping(currentVersions, graph.ancestorsOrSelf(currentVersions));
        Set<String> revert = revertSet(target.points().get(0).target(), currentVersions, rows, target.text());
        List<Step> steps = new ArrayList<>();
        List<RevisionInfo> all = graph.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            RevisionInfo r = all.get(i);
            if (revert.contains(r.id()) && rows.isApplied(r.id())) {
                steps.add(rows.downgrade(r));
            }
        }
        return List.copyOf(steps);
    }

    /** What a downgrade to {@code parsed} reverts (applied or not); refuses a target that is not applied. */
    private Set<String> revertSet(Target parsed, Set<String> current, Bookkeeping rows, String text) {
        TargetResolver.Scoped scoped = targets.scope(parsed);
        TargetResolver.Branch branch = scoped.branch();
        Target point = scoped.point();
        if (point instanceof Target.Base) {
            return branch == null ? rows.applied() : graph.descendantsOrSelf(List.of(branch.start()));
        }
        if (point instanceof Target.Relative r) {
            String prefix = branch == null ? "" : branch.name() + "@";
            if (r.steps() > 0) {
                throw new BadTargetException("The downgrade target '" + text + "' counts upwards; use upgrade " + text
                        + ", or a downgrade target such as " + prefix + "-" + r.steps() + " or " + prefix + "base.");
            }
            if (branch == null) {
                return relativeRevertSet(current, -r.steps(), text);
            }
            Optional<String> row = targets.branchRow(branch, current, text);
            return row.isEmpty() ? Set.of() : relativeRevertSet(Set.of(row.get()), -r.steps(), text);
        }
        Set<String> tips = targets.resolveOn(branch, point, current, text);
        List<String> notApplied = tips.stream().filter(t -> !rows.isApplied(t)).toList();
        if (!notApplied.isEmpty()) {
            throw new BadTargetException("Destination " + text + " is not a valid downgrade target from the current "
                    + "revision(s) " + RevisionGraph.describe(graph.sortTopologically(current)) + ": "
                    + String.join(", ", graph.sortTopologically(notApplied))
                    + (notApplied.size() > 1 ? " are" : " is") + " not applied, so a downgrade cannot reach "
                    + (notApplied.size() > 1 ? "them" : "it") + ". Use upgrade to move up, or downgrade to a revision "
                    + "at or below the current one (" + graph.fixes().named("history")
                    + " lists them). Nothing was changed.");
        }
        List<String> roots = new ArrayList<>();
        if (tips.isEmpty()) {
            roots.addAll(graph.bases()); // a walk that ended below the base
        }
        for (String tip : tips) {
            roots.addAll(graph.children(tip));
        }
        roots.removeAll(graph.ancestorsOrSelf(tips));
        if (branch != null) {
            roots.retainAll(branch.lineage());
        }
        return graph.descendantsOrSelf(roots);
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
    StampPlan planStamp(Set<String> currentVersions, RevisionTarget target) {
        graph.checkKnown(currentVersions);
        Set<String> newRows = new LinkedHashSet<>(currentVersions);
        Set<String> named = new LinkedHashSet<>();
        for (RevisionTarget.Point each : target.points()) {
            String part = each.text();
            TargetResolver.Scoped scoped = targets.scope(each.target());
            TargetResolver.Branch branch = scoped.branch();
            Target point = scoped.point();
            if (point instanceof Target.Base && branch != null) {
                // the branch not applied: its rows go, the revisions below its start stay
                newRows.removeAll(graph.descendantsOrSelf(List.of(branch.start())));
                newRows.addAll(graph.get(branch.start()).revises());
                named.addAll(graph.get(branch.start()).revises());
                continue;
            }
            Set<String> tips = targets.resolveOn(branch, point, currentVersions, part);
            if (tips.isEmpty()) { // base, or -N down to below a base
                newRows.clear();
                continue;
            }
            Set<String> related = graph.ancestorsOrSelf(tips);
            related.addAll(graph.descendantsOrSelf(tips));
            if (branch != null) {
                related.retainAll(branch.lineage()); // rows on other branches stay
            }
            newRows.removeAll(related);
            newRows.addAll(tips);
            named.addAll(tips);
        }
        // The rows upgrade and downgrade would leave for what the stamp makes applied.
        List<String> finalRows = graph.rowsFor(graph.ancestorsOrSelf(newRows));
        Set<String> keep = new HashSet<>(finalRows);
        List<String> delete = graph.sortTopologically(currentVersions).stream()
                .filter(r -> !keep.contains(r))
                .toList();
        List<String> insert =
                finalRows.stream().filter(r -> !currentVersions.contains(r)).toList();
        return new StampPlan(delete, insert, graph.sortTopologically(named));
    }

    /**
     * The version rows as the planned steps move them. Rows the table holds beyond or short of
     * {@link RevisionGraph#rowsFor} (a table written by an earlier version, or by Alembic, that
     * leaves out a dependency's row) are put right by the first step.
     */
    private final class Bookkeeping {
        private final Set<String> applied;
        private final Map<String, Integer> appliedChildren = new HashMap<>(); // revises edges
        private final Set<String> rows;
        private final List<String> pendingDelete = new ArrayList<>();
        private final List<String> pendingInsert = new ArrayList<>();

        /** @param applied what {@code current} implies, which the bookkeeping then changes step by step */
        Bookkeeping(Set<String> current, Set<String> applied) {
            this.applied = applied;
            for (String id : applied) {
                RevisionInfo child = graph.get(id);
                for (String parent : child.revises()) {
                    if (graph.takesRow(child, parent)) {
                        appliedChildren.merge(parent, 1, Integer::sum);
                    }
                }
            }
            rows = new LinkedHashSet<>(graph.rowsFor(applied));
            for (String row : graph.sortTopologically(current)) {
                if (!rows.contains(row)) {
                    pendingDelete.add(row);
                }
            }
            for (String row : rows) {
                if (!current.contains(row)) {
                    pendingInsert.add(row);
                }
            }
        }

        boolean isApplied(String id) {
            return applied.contains(id);
        }

        /** A copy of the applied set, to plan against. */
        Set<String> applied() {
            return new HashSet<>(applied);
        }

        Step upgrade(RevisionInfo r) {
            List<String> delete = new ArrayList<>(pendingDelete);
            List<String> insert = new ArrayList<>(pendingInsert);
            pendingDelete.clear();
            pendingInsert.clear();
            for (String parent : r.revises()) {
                if (!graph.takesRow(r, parent)) {
                    continue; // a revision of narrower contexts: the parent keeps its row for the runs without them
                }
                appliedChildren.merge(parent, 1, Integer::sum);
                if (rows.remove(parent) && !insert.remove(parent)) {
                    delete.add(parent);
                }
            }
            applied.add(r.id());
            rows.add(r.id());
            if (!delete.remove(r.id())) {
                insert.add(r.id());
            }
            return new Step(r, Direction.UPGRADE, delete, insert);
        }

        /**
         * Runs {@code squash} for every revision it replaces: the table ends as the replaced chain
         * would leave it, so what revises the revision it stands for follows as usual.
         */
        Step upgradeBy(RevisionInfo squash) {
            Set<String> tableBefore = new LinkedHashSet<>(rows);
            tableBefore.removeAll(pendingInsert);
            tableBefore.addAll(pendingDelete);
            for (String id : graph.sortTopologically(squash.replaces())) {
                upgrade(graph.get(id));
            }
            List<String> delete = graph.sortTopologically(
                    tableBefore.stream().filter(r -> !rows.contains(r)).toList());
            List<String> insert = graph.sortTopologically(
                    rows.stream().filter(r -> !tableBefore.contains(r)).toList());
            return new Step(squash, Direction.UPGRADE, delete, insert);
        }

        Step downgrade(RevisionInfo r) {
            List<String> delete = new ArrayList<>(pendingDelete);
            List<String> insert = new ArrayList<>(pendingInsert);
            pendingDelete.clear();
            pendingInsert.clear();
            applied.remove(r.id());
            if (rows.remove(r.id()) && !insert.remove(r.id())) {
                delete.add(r.id());
            }
            for (String parent : r.revises()) {
                if (!graph.takesRow(r, parent)) {
                    continue; // the parent kept its row
                }
                // The parent becomes a row again unless another applied revision still takes its row.
                boolean stillRevised = appliedChildren.merge(parent, -1, Integer::sum) > 0;
                if (!stillRevised && applied.contains(parent) && rows.add(parent) && !delete.remove(parent)) {
                    insert.add(parent);
                }
            }
            return new Step(r, Direction.DOWNGRADE, delete, insert);
        }
    }
}
