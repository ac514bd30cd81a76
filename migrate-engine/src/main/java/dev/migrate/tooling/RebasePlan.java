package dev.migrate.tooling;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code migrate:rebase} changes: the revision that starts a branch is made to revise another
 * head instead of its parent, so the revisions above it follow and the chain has one head less.
 * Their ids stay; only the first one's {@code revises} changes.
 *
 * @param revision the revision whose {@code revises} is rewritten
 * @param from its parent before the rebase
 * @param fromNames the ids its source may name that parent by: {@code from}, and when the parent is a
 *     squash standing in for deleted revisions, the revision it stands for, which the source of a
 *     revision written before the squash names
 * @param onto the head it revises after it
 * @param moved the revision and those above it on its branch, in the graph's order
 */
public record RebasePlan(
        RevisionInfo revision, String from, List<String> fromNames, String onto, List<RevisionInfo> moved) {

    public RebasePlan {
        fromNames = List.copyOf(fromNames);
        moved = List.copyOf(moved);
    }

    /**
     * Plans the rebase of {@code revision}'s branch onto {@code onto}, or onto the other head when
     * {@code onto} is null and the chain has exactly two.
     *
     * @throws MigrateException when the revision starts no branch of a single head, or the head to
     *     rebase onto is not clear; the message names what to give instead
     */
    static RebasePlan of(RevisionGraph graph, String revision, @Nullable String onto) {
        RevisionInfo start = graph.lookup(revision);
        if (start.revises().size() != 1) {
            throw new MigrateException("Revision " + start.id() + " (" + start.source() + ") "
                    + (start.isBase()
                            ? "revises nothing: it starts a chain of its own"
                            : "is a merge of " + String.join(", ", start.revises()))
                    + ", so there is no parent to replace. Name the first revision of the branch to move with "
                    + "-Dmigrate.revision, or join the heads with mvn migrate:merge.");
        }
        Set<String> above = graph.parentDescendantsOrSelf(List.of(start.id()));
        List<String> ownHeads = graph.heads().stream().filter(above::contains).toList();
        if (ownHeads.size() != 1) {
            throw new MigrateException("Revision " + start.id() + " is below " + ownHeads.size() + " heads ("
                    + String.join(", ", ownHeads) + "), not on the branch of one head. Name a revision that only one "
                    + "head grows from (mvn migrate:heads and mvn migrate:history show them), or join the heads with "
                    + "mvn migrate:merge.");
        }
        String head = ownHeads.get(0);
        String target = onto == null
                ? otherHead(graph, start, head)
                : graph.lookup(onto).id();
        if (!graph.isHead(target)) {
            throw new MigrateException("Revision " + target + " is not a head: a rebase puts a branch on top of another"
                    + " head. The heads are " + String.join(", ", graph.heads()) + "; name one with -Dmigrate.onto.");
        }
        if (above.contains(target)) {
            throw new MigrateException("Revision " + target + " is the head of " + start.id()
                    + "'s own branch; name another head with -Dmigrate.onto (the heads are "
                    + String.join(", ", graph.heads()) + ").");
        }
        List<RevisionInfo> moved = new ArrayList<>();
        for (RevisionInfo r : graph.all()) {
            if (above.contains(r.id())) {
                moved.add(r);
            }
        }
        RevisionInfo parent = graph.get(start.revises().get(0));
        List<String> fromNames = parent.isSquash() ? List.of(parent.id(), parent.standsFor()) : List.of(parent.id());
        return new RebasePlan(start, parent.id(), fromNames, target, moved);
    }

    private static String otherHead(RevisionGraph graph, RevisionInfo start, String head) {
        List<String> heads = graph.heads();
        if (heads.size() != 2) {
            throw new MigrateException("The chain has " + heads.size() + " head" + (heads.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", heads) + "), so there is no single other head to put " + start.id()
                    + " on"
                    + (heads.size() == 1 ? ": nothing needs a rebase." : ". Name it with -Dmigrate.onto=<id>."));
        }
        return heads.get(0).equals(head) ? heads.get(1) : heads.get(0);
    }

    /**
     * Refuses the rebase when a database has applied a revision it moves: the revision is released
     * there, and a new parent would rewrite that database's past.
     *
     * @param applied the revisions the database has applied
     * @param database the database as messages name it
     * @throws MigrateException naming the applied revisions and the merge to make instead
     */
    public void refuseWhenApplied(Set<String> applied, String database) {
        List<String> released = movedIds().stream().filter(applied::contains).toList();
        if (!released.isEmpty()) {
            throw new MigrateException("The database at " + database + " has applied " + String.join(", ", released)
                    + " of the branch to rebase, so it is released there and its parents must stay. Join the heads "
                    + "with a merge migration instead: mvn compile migrate:merge.");
        }
    }

    /** The ids of the moved revisions. */
    public List<String> movedIds() {
        return moved.stream().map(RevisionInfo::id).toList();
    }
}
