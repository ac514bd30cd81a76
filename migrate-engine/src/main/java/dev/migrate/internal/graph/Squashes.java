package dev.migrate.internal.graph;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The squashes of a graph, in one of two forms each. While the revisions a squash replaces are all
 * defined, the squash is a shortcut beside them: a database at base runs it instead of them, and
 * the version table then names the revision it stands for, as after the replaced chain. Once they
 * are all deleted, the squash is an ordinary base in their place: the revisions that revise the one
 * it stands for revise the squash, and a version row naming that one means the squash.
 *
 * <p>The semantics follow Django's {@code replaces} ({@code django/db/migrations/loader.py},
 * {@code build_graph}): the squash is used when none of the replaced revisions is applied, the
 * replaced revisions when some are, and a database part-way through them cannot move once they are
 * gone.
 *
 * <p>A squash written once an earlier squash stands in for its deleted range replaces that squash
 * with the revisions above it; squashes are sorted inner first, so the earlier one is a revision of
 * the chain by then.
 *
 * @param shortcuts squashes whose replaced revisions are all defined, by the id they stand for
 * @param standIns squashes whose replaced revisions are all gone, by the id they stand for
 * @param gone every replaced revision of a stand-in, to the squash that replaced it
 */
record Squashes(
        Map<String, RevisionInfo> shortcuts, Map<String, RevisionInfo> standIns, Map<String, RevisionInfo> gone) {

    static final Squashes NONE = new Squashes(Map.of(), Map.of(), Map.of());

    Squashes {
        shortcuts = Map.copyOf(shortcuts);
        standIns = Map.copyOf(standIns);
        gone = Map.copyOf(gone);
    }

    /**
     * Sorts squashes into shortcuts and stand-ins and returns the revisions the graph is built from:
     * the plain ones, with an edge to a stand-in's replaced head pointing at the stand-in, and the
     * stand-ins themselves.
     */
    static Squashes sort(Collection<RevisionInfo> revisions, List<RevisionInfo> nodes) {
        Set<String> plain = new LinkedHashSet<>();
        List<RevisionInfo> squashes = new ArrayList<>();
        for (RevisionInfo r : revisions) {
            if (r.isSquash()) {
                squashes.add(r);
            } else {
                plain.add(r.id());
            }
        }
        if (squashes.isEmpty()) {
            nodes.addAll(revisions);
            return NONE;
        }
        Map<String, RevisionInfo> shortcuts = new HashMap<>();
        Map<String, RevisionInfo> standIns = new HashMap<>();
        Map<String, RevisionInfo> gone = new HashMap<>();
        Map<String, RevisionInfo> claimed = new HashMap<>();
        Map<String, RevisionInfo> squashById = new HashMap<>();
        squashes.forEach(s -> squashById.put(s.id(), s));
        // what a squash may replace: the plain revisions, and the stand-ins sorted before it (a squash
        // written after an earlier one's replaced classes were deleted replaces that squash)
        Set<String> defined = new HashSet<>(plain);
        for (RevisionInfo s : innerFirst(squashes, squashById)) {
            if (!s.revises().isEmpty() || !s.dependsOn().isEmpty()) {
                throw new MigrateException(
                        "Squash " + s.id() + " (" + s.source() + ") revises or depends on "
                                + String.join(", ", concat(s.revises(), s.dependsOn()))
                                + ", but a squash builds the schema "
                                + "from nothing: remove 'revises' and 'dependsOn' from it, or write it again with the squash goal.");
            }
            List<String> present = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String id : s.replaces()) {
                RevisionInfo other = claimed.putIfAbsent(id, s);
                if (other != null) {
                    throw new MigrateException("Revision " + id + " is replaced by squash " + other.id() + " ("
                            + other.source() + ") and by squash " + s.id() + " (" + s.source() + "), or listed twice. "
                            + "A revision is replaced once: delete the older squash, or list the id once.");
                }
                RevisionInfo inner = squashById.get(id);
                if (inner != null && !defined.contains(id)) {
                    throw new MigrateException("Squash " + s.id() + " (" + s.source() + ") replaces squash " + id
                            + " (" + inner.source() + "), whose own replaced revisions are still defined, so " + id
                            + " is no revision of the chain. List the revisions " + id + " replaces in its place and "
                            + "delete " + id + " (mvn compile migrate:squash writes that), or delete the classes " + id
                            + " replaces first.");
                }
                (defined.contains(id) ? present : missing).add(id);
            }
            if (missing.isEmpty()) {
                shortcuts.put(s.standsFor(), s);
            } else if (present.isEmpty()) {
                standIns.put(s.standsFor(), s);
                s.replaces().forEach(id -> gone.put(id, s));
                defined.add(s.id());
            } else {
                throw new MigrateException("Squash " + s.id() + " (" + s.source() + ") replaces revisions of which "
                        + String.join(", ", present) + " are still defined and " + String.join(", ", missing)
                        + " are not. Keep every replaced class until every database is past " + s.standsFor()
                        + ", then delete them all.");
            }
        }
        for (RevisionInfo r : revisions) {
            if (r.isSquash()) {
                if (standIns.containsKey(r.standsFor())) {
                    nodes.add(r);
                }
                continue;
            }
            nodes.add(new RevisionInfo(
                    r.id(),
                    redirect(r, r.revises(), standIns, gone, shortcuts),
                    r.message(),
                    r.branchLabels(),
                    redirect(r, r.dependsOn(), standIns, gone, shortcuts),
                    r.transactional(),
                    r.source(),
                    List.of(),
                    r.contexts()));
        }
        return new Squashes(shortcuts, standIns, gone);
    }

    /**
     * The squashes, each after the squashes it replaces.
     *
     * @throws MigrateException for squashes that replace each other
     */
    private static List<RevisionInfo> innerFirst(List<RevisionInfo> squashes, Map<String, RevisionInfo> byId) {
        List<RevisionInfo> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<RevisionInfo> left = new ArrayList<>(squashes);
        while (!left.isEmpty()) {
            List<RevisionInfo> ready = left.stream()
                    .filter(s -> s.replaces().stream().allMatch(id -> !byId.containsKey(id) || done.contains(id)))
                    .toList();
            if (ready.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                for (RevisionInfo s : left) {
                    for (String id : s.replaces()) {
                        if (byId.containsKey(id) && !done.contains(id)) {
                            pairs.add(s.id() + " (" + s.source() + ") replaces " + id);
                        }
                    }
                }
                throw new MigrateException("Squashes replace each other in a cycle: " + String.join(", ", pairs)
                        + ". A squash replaces revisions below it, an earlier squash among them; delete the squash "
                        + "that was written by hand, or write it again with the squash goal.");
            }
            ready.forEach(s -> done.add(s.id()));
            ordered.addAll(ready);
            left.removeAll(ready);
        }
        return ordered;
    }

    /** The edges of {@code r}, a stand-in's replaced head read as the stand-in. */
    private static List<String> redirect(
            RevisionInfo r,
            List<String> edges,
            Map<String, RevisionInfo> standIns,
            Map<String, RevisionInfo> gone,
            Map<String, RevisionInfo> shortcuts) {
        List<String> result = new ArrayList<>(edges.size());
        for (String e : edges) {
            RevisionInfo standIn = standIns.get(e);
            RevisionInfo replacedBy = gone.get(e);
            if (standIn != null) {
                result.add(standIn.id());
            } else if (replacedBy != null) {
                throw new MigrateException("Revision " + r.id() + " (" + r.source() + ") revises or depends on " + e
                        + ", which squash " + replacedBy.id() + " (" + replacedBy.source() + ") replaced inside its "
                        + "range. Only the last replaced revision, " + replacedBy.standsFor() + ", may have children "
                        + "outside the squash: make " + r.id() + " revise " + replacedBy.standsFor() + ".");
            } else {
                for (RevisionInfo s : shortcuts.values()) {
                    if (s.id().equals(e)) {
                        throw new MigrateException("Revision " + r.id() + " (" + r.source() + ") revises or depends "
                                + "on the squash " + e + " while the revisions it replaces are still defined. Revise "
                                + s.standsFor() + ", the revision the squash stands for, instead.");
                    }
                }
                result.add(e);
            }
        }
        return result;
    }

    /** Checks, on the graph of the plain revisions, that each shortcut replaces exactly a prefix of the chain. */
    void check(RevisionGraph graph) {
        for (RevisionInfo s : shortcuts.values()) {
            Set<String> expected = graph.ancestorsOrSelf(List.of(s.standsFor()));
            Set<String> listed = new LinkedHashSet<>(s.replaces());
            List<String> unlisted = graph.sortTopologically(
                    expected.stream().filter(id -> !listed.contains(id)).toList());
            List<String> extra = graph.sortTopologically(
                    listed.stream().filter(id -> !expected.contains(id)).toList());
            if (!unlisted.isEmpty() || !extra.isEmpty()) {
                throw new MigrateException("Squash " + s.id() + " (" + s.source() + ") must replace " + s.standsFor()
                        + " and every revision below it, the last listed being " + s.standsFor() + ", but "
                        + (unlisted.isEmpty() ? "" : "it leaves out " + String.join(", ", unlisted))
                        + (!unlisted.isEmpty() && !extra.isEmpty() ? " and " : "")
                        + (extra.isEmpty()
                                ? ""
                                : "it lists " + String.join(", ", extra) + ", which are not below " + s.standsFor())
                        + ". Write the squash again with the squash goal.");
            }
            for (String id : s.replaces()) {
                if (id.equals(s.standsFor())) {
                    continue;
                }
                for (String child : concat(graph.children(id), graph.dependents(id))) {
                    if (!listed.contains(child)) {
                        RevisionInfo c = graph.get(child);
                        throw new MigrateException("Revision " + child + " (" + c.source() + ") revises or depends on "
                                + id + ", inside the range squash " + s.id() + " (" + s.source() + ") replaces, so "
                                + "a database built from the squash could not apply it. Make " + child + " revise "
                                + s.standsFor() + ", or squash up to a revision that includes it.");
                    }
                }
            }
        }
    }

    /**
     * Version rows as the graph names them: a row naming a stand-in's replaced head is the stand-in,
     * and a row naming a shortcut (written while its replaced revisions were deleted, read by a build
     * that has them again) is the revision it stands for.
     *
     * @throws MigrateException for a row inside a stand-in's range: that database cannot move
     */
    Set<String> canonical(Set<String> rows) {
        if (standIns.isEmpty() && shortcuts.isEmpty()) {
            return rows;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String row : rows) {
            RevisionInfo standIn = standIns.get(row);
            RevisionInfo replacedBy = gone.get(row);
            String shortcutFor = shortcutFor(row);
            if (standIn != null) {
                result.add(standIn.id());
            } else if (shortcutFor != null) {
                result.add(shortcutFor);
            } else if (replacedBy != null) {
                throw new MigrateException("The database is at revision " + row + ", inside the range that squash "
                        + replacedBy.id() + " (" + replacedBy.source() + ") replaces, and the classes of those "
                        + "revisions were deleted, so it cannot continue through them. Upgrade this database past "
                        + replacedBy.standsFor() + " with a build that still has them (the release before they were "
                        + "deleted), or restore those classes; then this build takes it on. Nothing was run.");
            } else {
                result.add(row);
            }
        }
        return result;
    }

    /** The revision the shortcut with id {@code id} stands for, if it is one. */
    @Nullable
    private String shortcutFor(String id) {
        for (RevisionInfo s : shortcuts.values()) {
            if (s.id().equals(id)) {
                return s.standsFor();
            }
        }
        return null;
    }

    /** The shortcut that replaces {@code id}, if any. */
    @Nullable
    RevisionInfo shortcutReplacing(String id) {
        for (RevisionInfo s : shortcuts.values()) {
            if (s.replaces().contains(id)) {
                return s;
            }
        }
        return null;
    }

    /** The revision an id given as a target names: a shortcut's id names what it stands for, a stand-in's head the stand-in. */
    @Nullable
    String alias(String id) {
        RevisionInfo standIn = standIns.get(id);
        if (standIn != null) {
            return standIn.id();
        }
        return shortcutFor(id);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
