package dev.migrate.tooling;

import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.graph.ModuleOrder;
import dev.migrate.internal.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code check} and {@code verify} say of a chain that grew on parallel branches: the heads no
 * branch label declares (two changes each added a migration on the same parent), and the revisions
 * whose ids sort before a revision on another such branch (a branch that lands late runs after
 * migrations written after it).
 *
 * <p>A head is declared when a revision below it carries a branch label, or is limited to narrower contexts than
 * its parent, and no other head grows from that revision: the branch is kept apart on purpose, as Alembic's
 * {@code branch_labels} mean.
 * One undeclared head is the chain's trunk; two or more need a merge or a rebase.
 */
public final class BranchReview {
    private final RevisionGraph graph;
    private final List<RevisionInfo> undeclaredHeads;
    private final List<Set<String>> own; // per undeclared head, in the same order

    /**
     * One revision that sorts before revisions on another undeclared branch.
     *
     * @param revision the revision that sorts early
     * @param later the ids on the other branches that sort after it, in id order
     */
    public record OutOfOrder(RevisionInfo revision, List<String> later) {
        public OutOfOrder {
            later = List.copyOf(later);
        }
    }

    private BranchReview(RevisionGraph graph) {
        this.graph = graph;
        this.undeclaredHeads = findUndeclaredHeads();
        this.own = ownBranches();
    }

    /** Reviews {@code graph}. */
    static BranchReview of(RevisionGraph graph) {
        return new BranchReview(graph);
    }

    /** The heads no branch label declares, in the graph's order, when there are two or more; otherwise none. */
    public List<RevisionInfo> undeclaredHeads() {
        return undeclaredHeads;
    }

    /**
     * Each revision on one undeclared head's own branch whose id sorts before a revision on another
     * undeclared head's own branch, in the graph's order; none when the heads are joined or declared.
     */
    public List<OutOfOrder> outOfOrder() {
        List<OutOfOrder> found = new ArrayList<>();
        for (RevisionInfo revision : graph.all()) {
            int branch = branchOf(revision.id());
            if (branch < 0) {
                continue;
            }
            List<String> later = new ArrayList<>();
            for (int other = 0; other < own.size(); other++) {
                if (other != branch) {
                    for (String id : own.get(other)) {
                        if (id.compareTo(revision.id()) > 0) {
                            later.add(id);
                        }
                    }
                }
            }
            if (!later.isEmpty()) {
                later.sort(null);
                found.add(new OutOfOrder(revision, later));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The first revision of an undeclared head's own branch, the one {@code migrate:rebase} moves:
     * down from the head while the parent is on no other undeclared head's branch.
     */
    public RevisionInfo firstOfBranch(RevisionInfo head) {
        int branch = undeclaredHeads.indexOf(head);
        if (branch < 0) {
            throw new IllegalArgumentException(head.id() + " is not an undeclared head");
        }
        RevisionInfo first = head;
        while (first.revises().size() == 1
                && own.get(branch).contains(first.revises().get(0))) {
            first = graph.get(first.revises().get(0));
        }
        return first;
    }

    /**
     * The error {@code check} and {@code verify} fail with when there are undeclared heads: each head
     * with its message and where it is written, and the two ways to join them.
     *
     * @param where the source file of a revision as the user finds it, or its class
     */
    public String headsError(Function<RevisionInfo, String> where) {
        StringBuilder text = new StringBuilder("The chain has " + undeclaredHeads.size()
                + " heads that no branch label declares: changes made in parallel each added a migration on the "
                + "same parent.");
        for (RevisionInfo head : undeclaredHeads) {
            text.append("\n  - ").append(describe(head, where));
        }
        RevisionInfo move = firstOfBranch(earliestHead());
        return text.append("\nJoin them with a merge migration: mvn compile migrate:merge -Dmigrate.message=\"merge ")
                .append(undeclaredHeads.stream().map(RevisionInfo::id).collect(Collectors.joining(" and ")))
                .append("\", or put one branch on top of the other: mvn compile migrate:rebase -Dmigrate.revision=")
                .append(move.id())
                .append(" (only while no database has applied it). A branch kept apart on purpose declares a "
                        + "branch label on its first revision (branchLabels = \"...\").")
                .toString();
    }

    /**
     * One warning per out-of-order revision, with the same two fixes as {@link #headsError}.
     *
     * @param where the source file of a revision as the user finds it, or its class
     */
    public List<String> outOfOrderWarnings(Function<RevisionInfo, String> where) {
        List<String> warnings = new ArrayList<>();
        for (OutOfOrder o : outOfOrder()) {
            String later = o.later().size() <= 5
                    ? String.join(", ", o.later())
                    : String.join(", ", o.later().subList(0, 5)) + " and "
                            + (o.later().size() - 5) + " more";
            warnings.add("Revision " + describe(o.revision(), where) + " is out of order: its id sorts before "
                    + later + " on another branch, which it does not descend from: a database that has already applied "
                    + (o.later().size() == 1 ? "that revision" : "those revisions")
                    + " runs it afterwards. Join the branches with mvn compile migrate:merge, or put it on top of the"
                    + " other head with mvn compile migrate:rebase -Dmigrate.revision="
                    + firstOfBranch(undeclaredHeads.get(branchOf(o.revision().id())))
                            .id() + ".");
        }
        return warnings;
    }

    private static String describe(RevisionInfo revision, Function<RevisionInfo, String> where) {
        return revision.id() + (revision.message().isEmpty() ? "" : " \"" + revision.message() + "\"") + " ("
                + where.apply(revision) + ")";
    }

    /** The undeclared head whose own branch starts with the lowest id: the branch that landed late. */
    private RevisionInfo earliestHead() {
        RevisionInfo earliest = undeclaredHeads.get(0);
        for (RevisionInfo head : undeclaredHeads) {
            if (firstOfBranch(head).id().compareTo(firstOfBranch(earliest).id()) < 0) {
                earliest = head;
            }
        }
        return earliest;
    }

    private int branchOf(String id) {
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i).contains(id)) {
                return i;
            }
        }
        return -1;
    }

    /** For each undeclared head, the revisions below it that no other undeclared head grows from. */
    private List<Set<String>> ownBranches() {
        Map<String, Integer> reachedBy = new HashMap<>();
        List<Set<String>> below = new ArrayList<>();
        for (RevisionInfo head : undeclaredHeads) {
            Set<String> ancestry = graph.ancestorsOrSelf(List.of(head.id()));
            below.add(ancestry);
            ancestry.forEach(id -> reachedBy.merge(id, 1, Integer::sum));
        }
        List<Set<String>> branches = new ArrayList<>();
        for (Set<String> ancestry : below) {
            Set<String> mine = new HashSet<>();
            for (String id : ancestry) {
                if (reachedBy.getOrDefault(id, 0) == 1) {
                    mine.add(id);
                }
            }
            branches.add(Set.copyOf(mine));
        }
        return List.copyOf(branches);
    }

    /**
     * The revisions that start a branch kept apart on purpose: each carrying a branch label, and each limited to
     * narrower contexts than a revision it revises (a test-only revision beside the next one that runs everywhere:
     * a run given the context has both heads, and the graph refuses a merge of the two).
     */
    private Set<String> branchStarts() {
        Set<String> starts = new HashSet<>(graph.labels().values());
        for (RevisionInfo r : graph.all()) {
            if (r.revises().stream().anyMatch(parent -> !graph.takesRow(r, parent))) {
                starts.add(r.id());
            }
        }
        return starts;
    }

    private List<RevisionInfo> findUndeclaredHeads() {
        if (graph.heads().size() < 2) {
            return List.of();
        }
        Set<String> declared = new HashSet<>();
        for (String labelled : branchStarts()) {
            Set<String> headsAbove = new HashSet<>(graph.parentDescendantsOrSelf(List.of(labelled)));
            headsAbove.retainAll(graph.heads());
            if (headsAbove.size() == 1) {
                declared.addAll(headsAbove);
            }
        }
        // each module has a chain of its own: the one head of a module is no branch
        Map<String, List<String>> headsByModule = new HashMap<>();
        graph.heads()
                .forEach(h -> headsByModule
                        .computeIfAbsent(ModuleOrder.moduleOf(h), m -> new ArrayList<>())
                        .add(h));
        headsByModule.values().stream().filter(h -> h.size() == 1).forEach(declared::addAll);
        List<RevisionInfo> undeclared = new ArrayList<>();
        for (String head : graph.heads()) {
            if (!declared.contains(head)) {
                undeclared.add(graph.get(head));
            }
        }
        return undeclared.size() < 2 ? List.of() : List.copyOf(undeclared);
    }
}
