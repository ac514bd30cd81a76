package dev.migrate.graph;

import dev.migrate.MigrateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The validated, immutable graph of revisions, with the target syntax and the planning of
 * {@code upgrade}, {@code downgrade} and {@code stamp}.
 *
 * <p>Edges: a revision's {@code revises} are its parents; its {@code dependsOn} must be applied
 * before it without being parents (they do not make a branch, and are never version rows it
 * replaces). Ancestors and descendants follow both kinds of edge; heads, bases, branch points and
 * merge points follow {@code revises} only, as in Alembic.
 *
 * <p>All indexes are built once in {@link #of}; every query and plan is linear in the number of
 * revisions (prefix lookup is logarithmic), and nothing recurses, so long chains cannot overflow
 * the stack.
 */
public final class RevisionGraph {

    /** Words that mean something as targets or range ends, so they cannot be revision ids. */
    private static final Set<String> RESERVED_IDS = Set.of("head", "heads", "base", "current");

    private final Map<String, RevisionInfo> byId;          // in topological order
    private final List<RevisionInfo> topological;
    private final Map<String, Integer> position;            // id -> index in topological
    private final Map<String, List<String>> children;       // revises edges, reversed
    private final Map<String, List<String>> dependents;     // dependsOn edges, reversed
    private final Map<String, String> labels;               // branch label -> id
    private final NavigableMap<String, String> sortedIds;   // for prefix lookup
    private final List<String> heads;
    private final List<String> bases;
    private final List<String> branchPoints;
    private final List<String> mergePoints;

    private RevisionGraph(List<RevisionInfo> topological, Map<String, List<String>> children,
                          Map<String, List<String>> dependents, Map<String, String> labels) {
        this.topological = List.copyOf(topological);
        Map<String, RevisionInfo> ids = new LinkedHashMap<>();
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < topological.size(); i++) {
            RevisionInfo r = topological.get(i);
            ids.put(r.id(), r);
            pos.put(r.id(), i);
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.position = Collections.unmodifiableMap(pos);
        this.children = children;
        this.dependents = dependents;
        this.labels = Collections.unmodifiableMap(labels);
        this.sortedIds = Collections.unmodifiableNavigableMap(new TreeMap<>(
                ids.keySet().stream().collect(Collectors.toMap(id -> id, id -> id))));
        List<String> h = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> bp = new ArrayList<>();
        List<String> mp = new ArrayList<>();
        for (RevisionInfo r : topological) {
            int childCount = children.get(r.id()).size();
            if (childCount == 0) {
                h.add(r.id());
            }
            if (childCount > 1) {
                bp.add(r.id());
            }
            if (r.isBase()) {
                b.add(r.id());
            }
            if (r.isMergePoint()) {
                mp.add(r.id());
            }
        }
        this.heads = List.copyOf(h);
        this.bases = List.copyOf(b);
        this.branchPoints = List.copyOf(bp);
        this.mergePoints = List.copyOf(mp);
    }

    // ------------------------------------------------------------------ building and validation

    /**
     * Builds and validates the graph.
     *
     * @throws MigrateException for an illegal or duplicate id, a missing parent or dependency, a
     *     duplicate branch label or a cycle; the message names the classes involved
     */
    public static RevisionGraph of(Collection<RevisionInfo> revisions) {
        Map<String, RevisionInfo> byId = new HashMap<>();
        for (RevisionInfo r : revisions) {
            checkId(r);
            RevisionInfo earlier = byId.putIfAbsent(r.id(), r);
            if (earlier != null) {
                throw new MigrateException("Revision id " + r.id() + " is declared twice: by " + earlier.source()
                        + " and by " + r.source() + ". Give one of them a new id (new ids are UTC timestamps "
                        + "yyyyMMdd_HHmmss) and update every 'revises' that meant it.");
            }
        }
        Map<String, List<String>> children = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (String id : byId.keySet()) {
            children.put(id, new ArrayList<>());
            dependents.put(id, new ArrayList<>());
        }
        Map<String, String> labels = new HashMap<>();
        for (RevisionInfo r : revisions) {
            checkEdges(r, r.revises(), "revises", byId);
            checkEdges(r, r.dependsOn(), "depends on", byId);
            for (String parent : r.revises()) {
                children.get(parent).add(r.id());
            }
            for (String dependency : r.dependsOn()) {
                dependents.get(dependency).add(r.id());
            }
            for (String label : r.branchLabels()) {
                checkLabel(r, label);
                String other = labels.putIfAbsent(label, r.id());
                if (other != null) {
                    RevisionInfo o = byId.get(other);
                    throw new MigrateException("Branch label '" + label + "' is declared by revision " + o.id() + " ("
                            + o.source() + ") and by revision " + r.id() + " (" + r.source()
                            + "). Branch labels must be unique; rename one of them.");
                }
            }
        }
        List<RevisionInfo> order = topologicalOrder(byId, children, dependents);
        // Children lists in topological order make every listing derived from them stable.
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            pos.put(order.get(i).id(), i);
        }
        Map<String, List<String>> frozenChildren = freeze(children, pos);
        Map<String, List<String>> frozenDependents = freeze(dependents, pos);
        return new RevisionGraph(order, frozenChildren, frozenDependents, labels);
    }

    private static void checkId(RevisionInfo r) {
        if (r.id() == null || !Patterns.ID.matcher(r.id()).matches()) {
            throw new MigrateException("The revision id '" + r.id() + "' of " + r.source()
                    + " is not valid: use only letters, digits and underscores, for example 20261122_101500.");
        }
        if (RESERVED_IDS.contains(r.id())) {
            throw new MigrateException("The revision id '" + r.id() + "' of " + r.source()
                    + " is a reserved word of the target syntax (head, heads, base, current); choose another id, "
                    + "for example a UTC timestamp yyyyMMdd_HHmmss.");
        }
    }

    private static void checkEdges(RevisionInfo r, List<String> targets, String verb, Map<String, RevisionInfo> byId) {
        Set<String> seen = new HashSet<>();
        for (String target : targets) {
            if (!byId.containsKey(target)) {
                throw new MigrateException("Revision " + r.id() + " (" + r.source() + ") " + verb + " " + target
                        + ", but no migration class defines revision " + target + ". Add that migration to the "
                        + "migrations packages, or correct '" + ("revises".equals(verb) ? "revises" : "dependsOn")
                        + "' in " + r.source() + ".");
            }
            if (!seen.add(target)) {
                throw new MigrateException("Revision " + r.id() + " (" + r.source() + ") " + verb + " " + target
                        + " twice; list it once.");
            }
        }
    }

    private static void checkLabel(RevisionInfo r, String label) {
        if (label == null || label.isBlank() || !label.equals(label.strip())
                || label.chars().anyMatch(c -> c == '@' || c == ':' || Character.isWhitespace(c))) {
            throw new MigrateException("The branch label '" + label + "' of revision " + r.id() + " (" + r.source()
                    + ") is not valid: it must be non-empty and contain no '@', ':' or spaces, since it is used "
                    + "in targets such as <label>@head.");
        }
    }

    /** Kahn's algorithm over both kinds of edge; ties broken by id, so history reads in time order. */
    private static List<RevisionInfo> topologicalOrder(Map<String, RevisionInfo> byId,
                                                       Map<String, List<String>> children,
                                                       Map<String, List<String>> dependents) {
        Map<String, Integer> missingParents = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>();
        for (RevisionInfo r : byId.values()) {
            int n = r.revises().size() + r.dependsOn().size();
            missingParents.put(r.id(), n);
            if (n == 0) {
                ready.add(r.id());
            }
        }
        List<RevisionInfo> order = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(byId.get(id));
            for (List<String> next : List.of(children.get(id), dependents.get(id))) {
                for (String c : next) {
                    if (missingParents.merge(c, -1, Integer::sum) == 0) {
                        ready.add(c);
                    }
                }
            }
        }
        if (order.size() < byId.size()) {
            throw cycleError(byId, missingParents);
        }
        return order;
    }

    /**
     * Names one cycle. Every revision Kahn's algorithm left over has a left-over parent, so walking
     * parents from any of them must come back to a revision already seen.
     */
    private static MigrateException cycleError(Map<String, RevisionInfo> byId, Map<String, Integer> missingParents) {
        String start = missingParents.entrySet().stream()
                .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        String current = start;
        while (!index.containsKey(current)) {
            index.put(current, path.size());
            path.add(current);
            RevisionInfo r = byId.get(current);
            String next = null;
            for (String p : concat(r.revises(), r.dependsOn())) {
                if (missingParents.get(p) > 0) {
                    next = p;
                    break;
                }
            }
            current = next;
        }
        List<String> cycle = new ArrayList<>(path.subList(index.get(current), path.size()));
        cycle.add(current);
        String described = cycle.stream().map(id -> id + " (" + byId.get(id).source() + ")")
                .collect(Collectors.joining(" -> "));
        return new MigrateException("The revisions form a cycle, each revising or depending on the next: " + described
                + ". A revision cannot descend from itself; correct 'revises' or 'dependsOn' in one of these classes.");
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> edges, Map<String, Integer> pos) {
        Map<String, List<String>> frozen = new HashMap<>();
        for (Map.Entry<String, List<String>> e : edges.entrySet()) {
            List<String> sorted = new ArrayList<>(e.getValue());
            sorted.sort((a, b) -> Integer.compare(pos.get(a), pos.get(b)));
            frozen.put(e.getKey(), List.copyOf(sorted));
        }
        return Collections.unmodifiableMap(frozen);
    }

    // ------------------------------------------------------------------ queries

    /** The revision with this exact id; a {@link MigrateException} when there is none. */
    public RevisionInfo get(String id) {
        RevisionInfo r = byId.get(id);
        if (r == null) {
            throw unknownRevision(id);
        }
        return r;
    }

    /** The revision with this exact id, if any. */
    public Optional<RevisionInfo> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether a revision has this exact id. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The number of revisions. */
    public int size() {
        return topological.size();
    }

    /** Every revision, parents and dependencies before the revisions that need them (bases first). */
    public List<RevisionInfo> all() {
        return topological;
    }

    /** Revisions no other revision revises, in topological order. */
    public List<String> heads() {
        return heads;
    }

    /** Revisions that revise nothing, in topological order. */
    public List<String> bases() {
        return bases;
    }

    /** Revisions that two or more revisions revise. */
    public List<String> branchPoints() {
        return branchPoints;
    }

    /** Revisions that revise two or more revisions. */
    public List<String> mergePoints() {
        return mergePoints;
    }

    /** The revisions that revise {@code id}. */
    public List<String> children(String id) {
        get(id);
        return children.get(id);
    }

    /** The revisions that list {@code id} in {@code dependsOn}. */
    public List<String> dependents(String id) {
        get(id);
        return dependents.get(id);
    }

    /** Whether no revision revises {@code id}. */
    public boolean isHead(String id) {
        return children(id).isEmpty();
    }

    /** Whether two or more revisions revise {@code id}. */
    public boolean isBranchPoint(String id) {
        return children(id).size() > 1;
    }

    /** Branch label to the id of the revision that declares it. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The position of a revision in {@link #all()}; useful to sort ids the way the graph does. */
    public int position(String id) {
        get(id);
        return position.get(id);
    }

    /** The strict ancestors of {@code id}, through {@code revises} and {@code dependsOn}. */
    public Set<String> ancestors(String id) {
        get(id);
        Set<String> result = ancestorsOrSelf(List.of(id));
        result.remove(id);
        return Collections.unmodifiableSet(result);
    }

    /** The given revisions and all their ancestors, through {@code revises} and {@code dependsOn}. */
    public Set<String> ancestorsOrSelf(Collection<String> ids) {
        return walk(ids, true, false);
    }

    /** The given revisions and everything that descends from them, through {@code revises} and {@code dependsOn}. */
    public Set<String> descendantsOrSelf(Collection<String> ids) {
        return walk(ids, false, false);
    }

    /** Breadth-first walk, iterative so that long chains cannot overflow the stack. */
    private Set<String> walk(Collection<String> start, boolean up, boolean revisesOnly) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String id : start) {
            get(id);
            if (seen.add(id)) {
                todo.add(id);
            }
        }
        while (!todo.isEmpty()) {
            String id = todo.poll();
            List<String> first = up ? byId.get(id).revises() : children.get(id);
            List<String> second = revisesOnly ? List.of() : up ? byId.get(id).dependsOn() : dependents.get(id);
            for (String next : first) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
            for (String next : second) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }

    // ------------------------------------------------------------------ targets

    /**
     * Finds a revision by full id or unique prefix.
     *
     * @throws MigrateException when nothing matches (suggesting {@code history}) or the prefix is
     *     ambiguous (listing the candidates)
     */
    public RevisionInfo lookup(String idOrPrefix) {
        RevisionInfo exact = byId.get(idOrPrefix);
        if (exact != null) {
            return exact;
        }
        // Every id starting with the prefix sorts between the prefix and the prefix followed by the largest char.
        NavigableMap<String, String> matches = sortedIds.subMap(idOrPrefix, true, idOrPrefix + Character.MAX_VALUE, false);
        if (matches.isEmpty()) {
            throw unknownRevision(idOrPrefix);
        }
        if (matches.size() > 1) {
            List<String> candidates = new ArrayList<>(matches.keySet());
            String listed = candidates.size() <= 10 ? String.join(", ", candidates)
                    : String.join(", ", candidates.subList(0, 10)) + " and " + (candidates.size() - 10) + " more";
            throw new MigrateException("The revision prefix '" + idOrPrefix + "' is ambiguous: it matches " + listed
                    + ". Give more characters of the id.");
        }
        return byId.get(matches.firstKey());
    }

    private static MigrateException unknownRevision(String id) {
        return new MigrateException("No migration has revision id '" + id + "' (nor an id starting with it). "
                + "Run the history goal to see the known revisions.");
    }

    /**
     * Resolves a target to the revisions it names: one id for most forms, every head for
     * {@code heads}, none for {@code base}. {@code <label>@base} names the parents of the labelled
     * revision. Relative forms {@code +N} and {@code -N} count from the single current version row.
     */
    public Set<String> resolve(String target, Set<String> currentVersions) {
        checkKnown(currentVersions);
        return resolve(Target.parse(target), currentVersions, target);
    }

    /**
     * The version rows a database would have at {@code target}, for the offline {@code <from>:<to>}
     * form where there is no database to ask: {@code base} is none, an id is that id.
     */
    public Set<String> versionsAt(String target) {
        return resolve(target, Set.of());
    }

    /** Resolves a target that must name exactly one revision, as {@code show} needs. */
    public RevisionInfo resolveOne(String target, Set<String> currentVersions) {
        Set<String> ids = resolve(target, currentVersions);
        if (ids.size() != 1) {
            throw new MigrateException("The target '" + target + "' names " + (ids.isEmpty() ? "no revision"
                    : "several revisions (" + String.join(", ", ids) + ")") + "; name exactly one revision by its id.");
        }
        return get(ids.iterator().next());
    }

    private Set<String> resolve(Target target, Set<String> current, String text) {
        if (target instanceof Target.Head) {
            return singleHead(text).map(Set::of).orElse(Set.of());
        } else if (target instanceof Target.Heads) {
            return orderedSet(heads);
        } else if (target instanceof Target.Base) {
            return Set.of();
        } else if (target instanceof Target.RevisionRef ref) {
            return Set.of(lookup(ref.idOrPrefix()).id());
        } else if (target instanceof Target.Relative rel) {
            String from = singleCurrent(current, text).orElse(null);
            return walkRelative(from, rel.steps(), text);
        } else if (target instanceof Target.RelativeTo rel) {
            return walkRelative(lookup(rel.idOrPrefix()).id(), rel.steps(), text);
        } else if (target instanceof Target.LabelHead lh) {
            return Set.of(labelHead(lh.label(), text));
        } else if (target instanceof Target.LabelBase lb) {
            return orderedSet(get(labelled(lb.label())).revises());
        }
        throw new IllegalStateException("unhandled target " + target);
    }

    private Set<String> walkRelative(String from, int steps, String text) {
        Optional<String> to = steps >= 0 ? walkUp(from, steps, text) : walkDown(from, -steps, text);
        return to.map(Set::of).orElse(Set.of());
    }

    /**
     * The single head; with none (an empty graph) nothing, and with several an error that lists
     * them and names the alternatives.
     */
    private Optional<String> singleHead(String text) {
        if (heads.size() > 1) {
            throw new MigrateException("The target '" + text + "' needs a single head, but there are " + heads.size()
                    + " heads: " + String.join(", ", heads) + ". Use 'heads' for all of them, <label>@head for one "
                    + "branch, or a revision id; or write a merge migration (the merge goal) to join them.");
        }
        return heads.stream().findFirst();
    }

    private Optional<String> singleCurrent(Set<String> current, String text) {
        if (current.size() > 1) {
            throw new MigrateException("The relative target '" + text + "' counts from the database's current revision, "
                    + "but the database is at several: " + String.join(", ", sortTopologically(current))
                    + ". Use <id>+N, <id>-N or a revision id instead.");
        }
        return current.stream().findFirst();
    }

    private String labelled(String label) {
        String id = labels.get(label);
        if (id == null) {
            String known = labels.isEmpty() ? "no revision declares a branch label"
                    : "the known labels are " + String.join(", ", new TreeMap<>(labels).keySet());
            throw new MigrateException("No revision has the branch label '" + label + "' (" + known
                    + "). Check the spelling, or set branchLabels on the revision that starts the branch.");
        }
        return id;
    }

    private String labelHead(String label, String text) {
        String labelledId = labelled(label);
        Set<String> branch = descendantsOrSelf(List.of(labelledId));
        List<String> branchHeads = heads.stream().filter(branch::contains).toList();
        if (branchHeads.size() > 1) {
            throw new MigrateException("The target '" + text + "' needs a single head on branch '" + label
                    + "', but it has " + branchHeads.size() + ": " + String.join(", ", branchHeads)
                    + ". Use a revision id, or merge them first.");
        }
        return branchHeads.get(0);
    }

    /** {@code steps} revisions up from {@code from} (null: from base) along single children. */
    private Optional<String> walkUp(String from, int steps, String text) {
        String at = from;
        for (int i = 0; i < steps; i++) {
            List<String> next = at == null ? bases : children.get(at);
            String where = at == null ? "base" : at;
            if (next.isEmpty()) {
                throw new MigrateException("The relative target '" + text + "' goes " + (steps - i)
                        + " revision(s) past " + (at == null ? "the base: there are no revisions" : "the head " + at)
                        + ". Use a smaller number, or 'head'.");
            }
            if (next.size() > 1) {
                throw new MigrateException("The relative target '" + text + "' is ambiguous: " + where + " is followed by "
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
                throw new MigrateException("The relative target '" + text + "' goes " + (steps - i)
                        + " revision(s) below the base. Use a smaller number, or 'base'.");
            }
            List<String> parents = byId.get(at).revises();
            if (parents.size() > 1) {
                throw new MigrateException("The relative target '" + text + "' is ambiguous: " + at
                        + " is a merge point of " + String.join(", ", parents) + ". Use a revision id instead.");
            }
            at = parents.isEmpty() ? null : parents.get(0);
        }
        return Optional.ofNullable(at);
    }

    // ------------------------------------------------------------------ planning

    /**
     * Every revision the version rows imply as applied: the rows and all their ancestors.
     *
     * @throws MigrateException when a row names a revision no class defines
     */
    public Set<String> appliedRevisions(Set<String> currentVersions) {
        checkKnown(currentVersions);
        return Collections.unmodifiableSet(ancestorsOrSelf(currentVersions));
    }

    /**
     * The steps that bring the database from {@code currentVersions} to {@code target}: every
     * ancestor-or-self of the target not yet applied, parents and dependencies first. Empty when
     * the target is already applied.
     */
    public List<Step> planUpgrade(Set<String> currentVersions, String target) {
        checkKnown(currentVersions);
        Target parsed = Target.parse(target);
        if (parsed instanceof Target.Relative r && r.steps() < 0) {
            throw new MigrateException("The upgrade target '" + target + "' counts downwards; use downgrade " + target
                    + ", or an upgrade target such as +" + (-r.steps()) + " or head.");
        }
        Set<String> tips = resolve(parsed, currentVersions, target);
        Set<String> applied = ancestorsOrSelf(currentVersions);
        Set<String> wanted = ancestorsOrSelf(tips);
        Set<String> rows = new LinkedHashSet<>(sortTopologically(currentVersions));
        List<Step> steps = new ArrayList<>();
        for (RevisionInfo r : topological) {
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

    /**
     * The steps that bring the database from {@code currentVersions} down to {@code target}: the
     * applied strict descendants of the target, children first. {@code base} reverts everything;
     * {@code <label>@base} reverts the labelled revision and what descends from it; {@code -N}
     * reverts N revisions from the single current head (the last one may be a merge point). Empty
     * when the target is not below the current state.
     */
    public List<Step> planDowngrade(Set<String> currentVersions, String target) {
        checkKnown(currentVersions);
        Target parsed = Target.parse(target);
        Set<String> applied = ancestorsOrSelf(currentVersions);
        Set<String> revert;
        if (parsed instanceof Target.Base) {
            revert = new HashSet<>(applied);
        } else if (parsed instanceof Target.LabelBase lb) {
            revert = descendantsOrSelf(List.of(labelled(lb.label())));
        } else if (parsed instanceof Target.Relative r && r.steps() > 0) {
            throw new MigrateException("The downgrade target '" + target + "' counts upwards; use upgrade " + target
                    + ", or a downgrade target such as -" + r.steps() + " or base.");
        } else if (parsed instanceof Target.Relative r) {
            revert = relativeRevertSet(currentVersions, -r.steps(), target);
        } else {
            Set<String> tips = resolve(parsed, currentVersions, target);
            revert = descendantsOrSelf(tips);
            revert.removeAll(ancestorsOrSelf(tips));
        }
        Set<String> rows = new LinkedHashSet<>(sortTopologically(currentVersions));
        List<Step> steps = new ArrayList<>();
        for (int i = topological.size() - 1; i >= 0; i--) {
            RevisionInfo r = topological.get(i);
            if (!revert.contains(r.id()) || !applied.contains(r.id())) {
                continue;
            }
            List<String> delete = rows.remove(r.id()) ? List.of(r.id()) : List.of();
            applied.remove(r.id());
            List<String> insert = new ArrayList<>();
            for (String parent : r.revises()) {
                // The parent becomes a row again unless another applied revision still revises it.
                boolean stillCovered = children.get(parent).stream().anyMatch(applied::contains);
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
        String at = singleCurrent(current, target).orElseThrow(() -> new MigrateException(
                "The downgrade target '" + target + "' counts down from the current revision, but the database has "
                        + "no revision applied. Nothing to downgrade."));
        for (int i = 1; i < steps; i++) {
            List<String> parents = byId.get(at).revises();
            if (parents.isEmpty()) {
                throw new MigrateException("The downgrade target '" + target + "' goes " + (steps - i)
                        + " revision(s) below the base; only " + i + " revision(s) are applied on this branch. "
                        + "Use -" + i + " or 'base'.");
            }
            if (parents.size() > 1) {
                throw new MigrateException("The downgrade target '" + target + "' is ambiguous: " + at
                        + " is a merge point of " + String.join(", ", parents) + ". Downgrade to one of them by id.");
            }
            at = parents.get(0);
        }
        return descendantsOrSelf(List.of(at));
    }

    /**
     * The version-table change that makes the database look as if it were at {@code target},
     * running nothing. Rows on branches unrelated to the target stay; {@code base} removes every
     * row. For {@code purge}, the caller empties the table and passes no current versions.
     */
    public StampPlan planStamp(Set<String> currentVersions, String target) {
        checkKnown(currentVersions);
        Target parsed = Target.parse(target);
        Set<String> newRows;
        if (parsed instanceof Target.Base) {
            newRows = Set.of();
        } else if (parsed instanceof Target.LabelBase lb) {
            Set<String> branch = descendantsOrSelf(List.of(labelled(lb.label())));
            newRows = new HashSet<>(currentVersions);
            newRows.removeIf(branch::contains);
            newRows.addAll(get(labelled(lb.label())).revises());
        } else {
            Set<String> tips = resolve(parsed, currentVersions, target);
            if (tips.isEmpty()) { // -N down to below a base
                newRows = Set.of();
            } else {
                Set<String> related = ancestorsOrSelf(tips);
                related.addAll(descendantsOrSelf(tips));
                newRows = new HashSet<>(tips);
                currentVersions.stream().filter(v -> !related.contains(v)).forEach(newRows::add);
            }
        }
        // Keep only the heads of what the rows imply, as upgrade and downgrade leave the table.
        Set<String> implied = new HashSet<>();
        for (String row : newRows) {
            implied.addAll(walk(byId.get(row).revises(), true, true));
        }
        List<String> finalRows = sortTopologically(newRows).stream().filter(r -> !implied.contains(r)).toList();
        List<String> delete = sortTopologically(currentVersions).stream().filter(r -> !finalRows.contains(r)).toList();
        List<String> insert = finalRows.stream().filter(r -> !currentVersions.contains(r)).toList();
        return new StampPlan(delete, insert);
    }

    /**
     * Fails when the version table names a revision no class defines: the database was migrated
     * from another branch of the code, or the migrations are not on the classpath.
     */
    public void checkKnown(Set<String> currentVersions) {
        for (String v : currentVersions) {
            if (!byId.containsKey(v)) {
                throw new MigrateException("The database is at revision " + v + ", which no migration class defines. "
                        + "Check that the configured migration packages are on the classpath and that you are on the "
                        + "right branch of the code, or use the stamp goal to set the version table to a known revision.");
            }
        }
    }

    /** The given known ids in the graph's topological order. */
    public List<String> sortTopologically(Collection<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort((a, b) -> Integer.compare(position(a), position(b)));
        return sorted;
    }

    private Set<String> orderedSet(Collection<String> ids) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
