package dev.migrate.internal.graph;

import dev.migrate.BadTargetException;
import dev.migrate.MigrateException;
import dev.migrate.RevisionDetails;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.graph.Target;
import dev.migrate.text.Fixes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
 * revisions, and nothing recurses, so long chains cannot overflow
 * the stack.
 */
public final class RevisionGraph {

    private final Map<String, RevisionInfo> byId; // in topological order
    private final List<RevisionInfo> topological;
    private final Map<String, Integer> position; // id -> index in topological
    private final Map<String, List<String>> children; // revises edges, reversed
    private final Map<String, List<String>> dependents; // dependsOn edges, reversed
    private final Map<String, String> labels; // branch label -> id
    private final List<String> heads;
    private final List<String> bases;
    private final List<String> branchPoints;
    private final List<String> mergePoints;
    private final TargetResolver targets;
    private final Planner planner;
    private final Squashes squashes;
    private final Fixes fixes;
    private final ModuleOrder modules;

    /** Called by {@link GraphBuilder} once the revisions are valid and topologically ordered. */
    RevisionGraph(
            List<RevisionInfo> topological,
            Map<String, Integer> position,
            Map<String, List<String>> children,
            Map<String, List<String>> dependents,
            Map<String, String> labels,
            Squashes squashes,
            Fixes fixes,
            ModuleOrder modules) {
        this.squashes = squashes;
        this.fixes = fixes;
        this.modules = modules;
        this.topological = List.copyOf(topological);
        Map<String, RevisionInfo> ids = new LinkedHashMap<>();
        for (RevisionInfo r : topological) {
            ids.put(r.id(), r);
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.position = Collections.unmodifiableMap(position);
        this.children = children;
        this.dependents = dependents;
        this.labels = Collections.unmodifiableMap(labels);
        List<String> h = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> bp = new ArrayList<>();
        List<String> mp = new ArrayList<>();
        for (RevisionInfo r : topological) {
            int childCount = entry(children, r.id()).size();
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
        this.targets = new TargetResolver(this);
        this.planner = new Planner(this, targets);
    }

    /**
     * Builds and validates the graph.
     *
     * @throws MigrateException for an illegal or duplicate id, a missing parent or dependency, a
     *     duplicate branch label or a cycle; the message names the classes involved
     */
    public static RevisionGraph of(Collection<RevisionInfo> revisions) {
        return of(revisions, Fixes.GOALS);
    }

    /**
     * Builds and validates the graph, whose messages name fixes as {@code fixes} spells them.
     *
     * @throws MigrateException as {@link #of(Collection)}
     */
    public static RevisionGraph of(Collection<RevisionInfo> revisions, Fixes fixes) {
        return of(revisions, fixes, ModuleOrder.NONE);
    }

    /**
     * Builds and validates the graph of revisions owned by {@code modules}: an upgrade applies each module's
     * revisions after those of the modules it depends on.
     *
     * @throws MigrateException as {@link #of(Collection)}
     */
    public static RevisionGraph of(Collection<RevisionInfo> revisions, Fixes fixes, ModuleOrder modules) {
        return GraphBuilder.build(revisions, fixes, modules);
    }

    /**
     * The graph of one module's revisions, for the reports scoped to it: its edges to other modules' revisions are
     * left out, as their revisions are.
     *
     * @throws MigrateException when no revision belongs to {@code module}, naming the modules there are
     */
    public RevisionGraph module(String module) {
        List<RevisionInfo> own = new ArrayList<>();
        for (RevisionInfo r : topological) {
            if (ModuleOrder.moduleOf(r.id()).equals(module)) {
                own.add(new RevisionInfo(
                        r.id(),
                        r.revises().stream()
                                .filter(byId::containsKey)
                                .filter(p -> inModule(p, module))
                                .toList(),
                        r.message(),
                        r.branchLabels(),
                        r.dependsOn().stream().filter(d -> inModule(d, module)).toList(),
                        r.transactional(),
                        r.source(),
                        r.replaces(),
                        r.contexts()));
            }
        }
        if (own.isEmpty()) {
            Set<String> named = new java.util.TreeSet<>(modules.dependsOn().keySet());
            throw new MigrateException("No migration belongs to module '" + module + "'; "
                    + (named.isEmpty()
                            ? "no migration of this build names a module."
                            : "the modules of this build are " + String.join(", ", named) + ".")
                    + " Correct the module (" + fixes.setting("module", "<name>") + "), or leave it out for all.");
        }
        return of(own, fixes, new ModuleOrder(Map.of()).including(module.isEmpty() ? Set.of() : Set.of(module)));
    }

    /**
     * Whether the graph has named modules and each module, the application's own included, has one head: then
     * {@code head} means the head of each module, as {@code heads} does.
     */
    boolean hasOneHeadPerModule() {
        if (modules.dependsOn().isEmpty() || heads.size() < 2) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        return heads.stream().allMatch(h -> seen.add(ModuleOrder.moduleOf(h)));
    }

    private static boolean inModule(String id, String module) {
        return ModuleOrder.moduleOf(id).equals(module);
    }

    /** The modules that own this graph's revisions and the order between them. */
    public ModuleOrder modules() {
        return modules;
    }

    /**
     * The rows of {@code rows} this graph can speak for: a row of a module none of its revisions belongs to was
     * written by another application sharing the database, and is left alone.
     */
    public Set<String> ownRows(Set<String> rows) {
        if (rows.stream().allMatch(r -> r.indexOf('.') < 0)) {
            return rows;
        }
        Set<String> own = new LinkedHashSet<>();
        for (String row : rows) {
            String module = ModuleOrder.moduleOf(row);
            if (module.isEmpty() || modules.dependsOn().containsKey(module)) {
                own.add(row);
            }
        }
        return own;
    }

    /**
     * The modules whose version rows a purge of this graph deletes: its named modules, and the application's own
     * ({@link ModuleOrder#APPLICATION}) when it has revisions of no module or names no module at all. Rows of other
     * modules belong to other applications sharing the database, and a purge leaves them alone.
     */
    public Set<String> purgedModules() {
        Set<String> purged = new TreeSet<>(modules.dependsOn().keySet());
        if (purged.isEmpty() || topological.stream().anyMatch(r -> inModule(r.id(), ModuleOrder.APPLICATION))) {
            purged.add(ModuleOrder.APPLICATION);
        }
        return purged;
    }

    /** How this graph's messages name what to run or set. */
    public Fixes fixes() {
        return fixes;
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
        return entry(children, id);
    }

    /** The revisions that list {@code id} in {@code dependsOn}. */
    public List<String> dependents(String id) {
        get(id);
        return entry(dependents, id);
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
        return entry(position, id);
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
            List<String> first = up ? entry(byId, id).revises() : entry(children, id);
            List<String> second = revisesOnly ? List.of() : up ? entry(byId, id).dependsOn() : entry(dependents, id);
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
     * Finds a revision by full id, branch label (the revision that carries it, as Alembic resolves
     * a bare label) or unique prefix.
     *
     * @throws MigrateException when nothing matches (suggesting {@code history}) or the prefix is
     *     ambiguous (listing the candidates)
     */
    public RevisionInfo lookup(String idOrPrefix) {
        RevisionInfo exact = byId.get(idOrPrefix);
        if (exact != null) {
            return exact;
        }
        String alias = squashes.alias(idOrPrefix);
        if (alias != null) {
            return entry(byId, alias);
        }
        String labelled = labels.get(idOrPrefix);
        if (labelled != null) {
            return entry(byId, labelled);
        }
        // a prefix is what a user types, rarely: a scan of the ids keeps building the graph cheaper
        List<String> candidates = new ArrayList<>();
        for (String id : byId.keySet()) {
            if (id.startsWith(idOrPrefix)) {
                candidates.add(id);
            }
        }
        if (candidates.isEmpty()) {
            throw unknownRevision(idOrPrefix);
        }
        if (candidates.size() > 1) {
            Collections.sort(candidates);
            String listed = candidates.size() <= 10
                    ? String.join(", ", candidates)
                    : String.join(", ", candidates.subList(0, 10)) + " and " + (candidates.size() - 10) + " more";
            throw new BadTargetException("The revision prefix '" + idOrPrefix + "' is ambiguous: it matches " + listed
                    + ". Give more characters of the id.");
        }
        return entry(byId, candidates.get(0));
    }

    /** The entry of a revision the graph holds: each of its maps has one for every revision. */
    private static <V> V entry(Map<String, V> map, String id) {
        return Objects.requireNonNull(map.get(id), id);
    }

    private MigrateException unknownRevision(String id) {
        return new BadTargetException("No migration has revision id '" + id + "' (nor an id starting with it). "
                + "Run " + fixes.named("history") + " to see the known revisions.");
    }

    /**
     * Resolves a target to the revisions it names: one id for most forms, every head for
     * {@code heads}, none for {@code base}, the union of them for several comma-separated forms. {@code <label>@base}
     * names the parents of the labelled revision. Relative forms {@code +N} and {@code -N} count from the single
     * current version row.
     */
    public Set<String> resolve(RevisionTarget target, Set<String> currentVersions) {
        checkKnown(currentVersions);
        Set<String> named = new LinkedHashSet<>();
        for (RevisionTarget.Point point : target.points()) {
            named.addAll(targets.resolve(point.target(), currentVersions, point.text()));
        }
        return named;
    }

    /**
     * Checks, without a database, what the graph alone answers of {@code target}: each revision id, prefix and
     * branch it names, on both ends of a {@code <from>:<to>} range; the steps of a relative form are counted later,
     * from the database's revision.
     *
     * @throws MigrateException naming the part that is wrong
     */
    public void checkNames(RevisionTarget target) {
        if (target.isRange()) {
            target.lower().ifPresent(this::checkNames);
            target.upper(RevisionTarget.HEADS).points().forEach(this::checkNames);
            return;
        }
        target.points().forEach(this::checkNames);
    }

    private void checkNames(RevisionTarget.Point point) {
        TargetResolver.Scoped scoped = targets.scope(point.target());
        if (scoped.point() instanceof Target.RevisionRef ref) {
            lookup(ref.idOrPrefix());
        } else if (scoped.point() instanceof Target.RelativeTo relative
                && !relative.fromBase()
                && !relative.fromHead()) {
            lookup(relative.from());
        }
    }

    /**
     * The version rows a database would have at {@code target}, for the offline {@code <from>:<to>}
     * form where there is no database to ask: {@code base} is none, an id is that id and the rows of
     * what it depends on.
     */
    public Set<String> versionsAt(RevisionTarget target) {
        return new LinkedHashSet<>(rowsFor(ancestorsOrSelf(resolve(target, Set.of()))));
    }

    /** Resolves a target that must name exactly one revision, as {@code show} needs. */
    public RevisionInfo resolveOne(RevisionTarget target, Set<String> currentVersions) {
        Set<String> ids = resolve(target, currentVersions);
        if (ids.size() != 1) {
            throw new BadTargetException("The target '" + target + "' names "
                    + (ids.isEmpty() ? "no revision" : "several revisions (" + String.join(", ", ids) + ")")
                    + "; name exactly one revision by its id.");
        }
        return get(ids.iterator().next());
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
    public List<Step> planUpgrade(Set<String> currentVersions, RevisionTarget target) {
        return planner.planUpgrade(currentVersions, target);
    }

    /**
     * The steps that bring the database from {@code currentVersions} down to {@code target}, children
     * first: the target's applied children by {@code revises} and what descends from them by either
     * kind of edge (a revision that only depends on the target stays). {@code base} reverts
     * everything; {@code <branch>@base} reverts the branch from its start; {@code <branch>@<id>}
     * reverts only the id's children on that branch; {@code -N} reverts N revisions from the single
     * current head (the last one may be a merge point). Empty when the target is the current
     * revision.
     *
     * @throws MigrateException when the target is not applied (a downgrade cannot reach it), counts
     *     upwards, or names several revisions
     */
    public List<Step> planDowngrade(Set<String> currentVersions, RevisionTarget target) {
        return planner.planDowngrade(currentVersions, target);
    }

    /**
     * The step that reverts exactly {@code id}, which must be a current version row (nothing applied
     * depends on it): what the round-trip check of {@code verify} needs, where a target would also
     * revert sibling branches.
     */
    public Step planRevert(Set<String> currentVersions, String id) {
        checkKnown(currentVersions);
        if (!currentVersions.contains(id)) {
            throw new MigrateException(
                    "Revision " + id + " is not a current version row, so it cannot be reverted alone.");
        }
        RevisionInfo revision = get(id);
        Set<String> applied = ancestorsOrSelf(currentVersions);
        applied.remove(id);
        Set<String> stillRevised = rowsTakenBy(applied);
        List<String> insert = revision.revises().stream()
                .filter(p -> takesRow(revision, p) && !stillRevised.contains(p) && !currentVersions.contains(p))
                .toList();
        return new Step(revision, Direction.DOWNGRADE, List.of(id), insert);
    }

    /**
     * The version-table change that makes the database look as if it were at {@code target},
     * running nothing: the rows an upgrade or downgrade there would leave, a dependency's own row
     * included. Rows on branches unrelated to the target stay; {@code base} removes every row;
     * {@code a1,b1} stamps several revisions at once. For {@code purge}, the caller empties the
     * table and passes no current versions.
     */
    public StampPlan planStamp(Set<String> currentVersions, RevisionTarget target) {
        return planner.planStamp(currentVersions, target);
    }

    /**
     * Fails when the version table names a revision no class defines: a newer build migrated the
     * database (a rolling deploy), it was migrated from another branch of the code, or the
     * migrations are not on the classpath. The message never advises a stamp: during a rolling
     * deploy, stamping back makes the next upgrade run the newer migrations again.
     */
    public void checkKnown(Set<String> currentVersions) {
        List<String> unknown = unknown(currentVersions);
        if (!unknown.isEmpty()) {
            throw new MigrateException(unknownMessage(unknown));
        }
    }

    /** The version rows no class of this graph defines, as the graph names rows; empty when it knows every one. */
    public List<String> unknown(Set<String> currentVersions) {
        return squashes.canonical(currentVersions).stream()
                .filter(v -> !byId.containsKey(v))
                .sorted()
                .toList();
    }

    private String unknownMessage(List<String> unknown) {
        String rows = String.join(", ", unknown);
        boolean one = unknown.size() == 1;
        return "The database is at revision " + rows + ", which no migration class defines"
                + " in this build. If a newer version of the application migrated it (old instances starting during a "
                + "rolling deploy), set acceptFutureRevisions (" + fixes.setting("acceptFutureRevisions", "true")
                + fixes.api(", migrate.accept-future-revisions=true in Spring Boot,"
                        + " Migrator.builder().acceptFutureRevisions(true)")
                + "): "
                + "this build then reports the database as ahead of it and runs nothing. Otherwise check that the "
                + "configured migration packages are on the classpath and that you are on the right branch of the "
                + "code; if the class of " + rows + " was deleted, restore " + (one ? "it" : "them")
                + ", since only " + (one ? "its" : "their") + " downgrade can take the database back.";
    }

    /**
     * The version rows as this graph names them: where the classes a squash replaced are deleted, a
     * row naming the revision it stands for means the squash.
     *
     * @throws MigrateException for a row inside the range of such a squash, naming the squash and the fix
     */
    public Set<String> canonical(Set<String> rows) {
        return squashes.canonical(rows);
    }

    /**
     * The squashes whose replaced revisions are all still defined, by the revision each stands for:
     * a database at base runs one of them instead of its chain.
     */
    public Map<String, RevisionInfo> squashShortcuts() {
        return squashes.shortcuts();
    }

    /** The squash that replaces {@code id} while the replaced revisions are still defined, if any. */
    public Optional<RevisionInfo> squashReplacing(String id) {
        return Optional.ofNullable(squashes.shortcutReplacing(id));
    }

    /** Version rows as messages name them: {@code a, b}, or {@code base (no revision applied)} for none. */
    public static String describe(Collection<String> rows) {
        return rows.isEmpty() ? "base (no revision applied)" : String.join(", ", rows);
    }

    /** The given known ids in the graph's topological order. */
    public List<String> sortTopologically(Collection<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort((a, b) -> Integer.compare(position(a), position(b)));
        return sorted;
    }

    /** The given revisions and their ancestors through {@code revises} only. */
    Set<String> parentAncestorsOrSelf(Collection<String> ids) {
        return walk(ids, true, true);
    }

    /** The given revisions and their descendants through {@code revises} only: a branch and what grows on it. */
    public Set<String> parentDescendantsOrSelf(Collection<String> ids) {
        return walk(ids, false, true);
    }

    /**
     * The version rows a set of applied revisions (closed under ancestry) is recorded by: each
     * applied revision whose row no applied revision takes ({@link #takesRow}). A dependency keeps its own row, and
     * so does the parent of a revision limited to narrower contexts; the rows imply exactly the applied set again
     * through {@link #ancestorsOrSelf}.
     */
    public List<String> rowsFor(Set<String> applied) {
        Set<String> revised = rowsTakenBy(applied);
        List<String> rows = new ArrayList<>();
        for (String id : applied) {
            if (!revised.contains(id)) {
                rows.add(id);
            }
        }
        return sortTopologically(rows);
    }

    /**
     * Whether {@code child}, once applied, stands for its parent {@code parent} in the version table: it runs in every
     * run the parent runs in. A revision limited to narrower contexts (a test-only revision on a revision that runs
     * everywhere) leaves the parent a row of its own, which the runs without those contexts read as where they are.
     */
    public boolean takesRow(RevisionInfo child, String parent) {
        Set<String> limitedTo = get(parent).contexts();
        return limitedTo.isEmpty()
                ? child.contexts().isEmpty()
                : child.contexts().isEmpty() || child.contexts().containsAll(limitedTo);
    }

    /** The revisions whose version rows one of {@code ids} takes ({@link #takesRow}). */
    private Set<String> rowsTakenBy(Collection<String> ids) {
        Set<String> taken = new HashSet<>();
        for (String id : ids) {
            RevisionInfo child = get(id);
            for (String parent : child.revises()) {
                if (takesRow(child, parent)) {
                    taken.add(parent);
                }
            }
        }
        return taken;
    }

    /**
     * The version rows as a run reports them: without the row a limited branch leaves its parent
     * ({@link #takesRow}) while a revision of that branch is applied, so a run given the branch's contexts is at its
     * tip, as a run without them is at the parent. Unknown rows are kept.
     */
    public Set<String> reported(Set<String> rows) {
        if (rows.size() < 2) {
            return rows;
        }
        Set<String> reported = new LinkedHashSet<>(rows);
        for (String row : rows) {
            if (contains(row)) {
                Set<String> above = parentDescendantsOrSelf(List.of(row));
                above.remove(row);
                if (!Collections.disjoint(above, rows)) {
                    reported.remove(row);
                }
            }
        }
        return reported;
    }

    /** The members of {@code ids} that are not a strict ancestor, by either kind of edge, of another member. */
    Set<String> tips(Set<String> ids) {
        if (ids.size() < 2) {
            return ids;
        }
        Set<String> below = new HashSet<>();
        for (String id : ids) {
            if (!below.contains(id)) {
                Set<String> ancestors = ancestorsOrSelf(List.of(id));
                ancestors.remove(id);
                below.addAll(ancestors);
            }
        }
        Set<String> tips = new LinkedHashSet<>(ids);
        tips.removeAll(below);
        return tips;
    }

    /** The members of {@code ids} that no other member revises. */
    Set<String> parentTips(Set<String> ids) {
        Set<String> tips = new LinkedHashSet<>(ids);
        for (String id : ids) {
            get(id).revises().forEach(tips::remove);
        }
        return tips;
    }

    /** The public description of one revision of this graph, its children included. */
    public RevisionDetails details(RevisionInfo info) {
        return new RevisionDetails(
                info.id(),
                info.revises(),
                info.message(),
                info.branchLabels().stream().sorted().toList(),
                info.dependsOn(),
                info.transactional(),
                info.source(),
                children(info.id()));
    }
}
