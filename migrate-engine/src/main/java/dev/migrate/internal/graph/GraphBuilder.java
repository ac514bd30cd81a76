package dev.migrate.internal.graph;

import static java.util.Objects.requireNonNull;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.Target;
import dev.migrate.text.Fixes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Validates revisions and builds a {@link RevisionGraph}: ids, parents and dependencies, branch
 * labels, then a topological order that also proves there is no cycle.
 */
final class GraphBuilder {

    /** Words that mean something as targets or range ends, so they cannot be revision ids. */
    /** The width of the version table's {@code version_num} column. */
    static final int MAX_ID_LENGTH = 64;

    private static final Set<String> RESERVED_IDS = Set.of("head", "heads", "base", "current");

    private GraphBuilder() {}

    /** Validates the revisions and builds the graph's indexes; errors name the classes involved. */
    static RevisionGraph build(Collection<RevisionInfo> all, Fixes fixes, ModuleOrder declaredModules) {
        Map<String, RevisionInfo> declared = new HashMap<>();
        Set<String> named = new HashSet<>();
        for (RevisionInfo r : all) {
            checkId(r);
            String module = ModuleOrder.moduleOf(r.id());
            if (!module.isEmpty()) {
                named.add(module);
            }
            RevisionInfo earlier = declared.putIfAbsent(r.id(), r);
            if (earlier != null) {
                throw new MigrateException("Revision id " + r.id() + " is declared twice: by " + earlier.source()
                        + " and by " + r.source() + ". Give one of them a new id (new ids are UTC timestamps "
                        + "yyyyMMdd_HHmmss) and update every 'revises' that meant it.");
            }
        }
        List<RevisionInfo> revisions = new ArrayList<>(all.size());
        Squashes squashes = Squashes.sort(all, revisions);
        Map<String, RevisionInfo> byId = new HashMap<>();
        for (RevisionInfo r : revisions) {
            byId.put(r.id(), r);
        }
        // Edge lists exist only for revisions that have children or dependents: in a long chain
        // most have one child and none have dependents, and this runs in a JVM that has just started.
        Map<String, List<String>> children = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (RevisionInfo r : revisions) {
            checkEdges(r, r.revises(), "revises", byId);
            checkEdges(r, r.dependsOn(), "depends on", byId);
            checkContexts(r, r.revises(), "revises", byId);
            checkContexts(r, r.dependsOn(), "depends on", byId);
            for (String parent : r.revises()) {
                add(children, parent, r.id());
            }
            for (String dependency : r.dependsOn()) {
                add(dependents, dependency, r.id());
            }
            for (String label : r.branchLabels()) {
                checkLabel(r, label);
                String other = labels.putIfAbsent(label, r.id());
                if (other != null) {
                    RevisionInfo o = requireNonNull(byId.get(other));
                    throw new MigrateException("Branch label '" + label + "' is declared by revision " + o.id() + " ("
                            + o.source() + ") and by revision " + r.id() + " (" + r.source()
                            + "). Branch labels must be unique; rename one of them.");
                }
            }
        }
        ModuleOrder modules = declaredModules.including(named);
        List<RevisionInfo> order = topologicalOrder(byId, children, dependents, modules.ranks());
        // Children lists in topological order make every listing derived from them stable.
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            pos.put(order.get(i).id(), i);
        }
        RevisionGraph graph = new RevisionGraph(
                order,
                pos,
                freeze(order, children, pos),
                freeze(order, dependents, pos),
                labels,
                squashes,
                fixes,
                modules);
        squashes.check(graph);
        return graph;
    }

    private static void add(Map<String, List<String>> edges, String from, String to) {
        List<String> list = edges.get(from);
        if (list == null) {
            list = new ArrayList<>(1);
            edges.put(from, list);
        }
        list.add(to);
    }

    private static void checkId(RevisionInfo r) {
        if (!Target.isRevisionId(r.id())) {
            throw new MigrateException("The revision id '" + r.id() + "' of " + r.source()
                    + " is not valid: use only letters, digits and underscores, for example 20261122_101500.");
        }
        if (r.id().length() > MAX_ID_LENGTH) {
            throw new MigrateException("The revision id '" + r.id() + "' of " + r.source() + " has " + r.id().length()
                    + " characters, more than the " + MAX_ID_LENGTH + " the version table's version_num column holds; "
                    + "shorten it, for example to a UTC timestamp yyyyMMdd_HHmmss.");
        }
        if (RESERVED_IDS.contains(r.id())) {
            throw new MigrateException("The revision id '" + r.id() + "' of " + r.source()
                    + " is a reserved word of the target syntax (head, heads, base, current); choose another id, "
                    + "for example a UTC timestamp yyyyMMdd_HHmmss.");
        }
    }

    /**
     * A revision runs only where each revision it follows runs: one limited to some contexts is followed only by
     * revisions limited to some of those (a run in any other context leaves it out, and them with it).
     */
    private static void checkContexts(RevisionInfo r, List<String> edges, String verb, Map<String, RevisionInfo> byId) {
        for (String id : edges) {
            RevisionInfo parent = byId.get(id);
            if (parent == null
                    || parent.contexts().isEmpty()
                    || (!r.contexts().isEmpty() && parent.contexts().containsAll(r.contexts()))) {
                continue;
            }
            String limited = String.join(", ", new java.util.TreeSet<>(parent.contexts()));
            throw new MigrateException("Revision " + r.id() + " (" + r.source() + ") " + verb + " " + parent.id()
                    + ", which runs only in the context" + (parent.contexts().size() == 1 ? " " : "s ") + limited
                    + ", but "
                    + (r.contexts().isEmpty()
                            ? "runs in every context"
                            : "also runs in " + String.join(", ", new java.util.TreeSet<>(r.contexts())))
                    + ": a run in another context would leave " + parent.id() + " out and run " + r.id()
                    + " without it. Give " + r.id() + " contexts within " + limited + " (@Revision(contexts = ...)), or"
                    + " make it " + verb + " a revision that runs in every context.");
        }
    }

    private static void checkEdges(RevisionInfo r, List<String> targets, String verb, Map<String, RevisionInfo> byId) {
        Set<String> seen = targets.size() > 1 ? new HashSet<>() : null;
        for (String target : targets) {
            if (!byId.containsKey(target)) {
                throw new MigrateException("Revision " + r.id() + " (" + r.source() + ") " + verb + " " + target
                        + ", but no migration class defines revision " + target + ". Add that migration to the "
                        + "migrations packages, or correct '" + ("revises".equals(verb) ? "revises" : "dependsOn")
                        + "' in " + r.source() + ".");
            }
            if (seen != null && !seen.add(target)) {
                throw new MigrateException("Revision " + r.id() + " (" + r.source() + ") " + verb + " " + target
                        + " twice; list it once.");
            }
        }
    }

    private static void checkLabel(RevisionInfo r, String label) {
        if (label == null
                || label.isBlank()
                || !label.equals(label.strip())
                || label.chars().anyMatch(c -> c == '@' || c == ':' || Character.isWhitespace(c))) {
            throw new MigrateException("The branch label '" + label + "' of revision " + r.id() + " (" + r.source()
                    + ") is not valid: it must be non-empty and contain no '@', ':' or spaces, since it is used "
                    + "in targets such as <label>@head.");
        }
    }

    /**
     * Kahn's algorithm over both kinds of edge; ties broken by module, each after the modules it depends on, then by
     * id, so history reads in time order and an upgrade applies a module only once those it depends on are done.
     */
    private static List<RevisionInfo> topologicalOrder(
            Map<String, RevisionInfo> byId,
            Map<String, List<String>> children,
            Map<String, List<String>> dependents,
            Map<String, Integer> moduleRanks) {
        Map<String, Integer> missingParents = new HashMap<>();
        PriorityQueue<String> ready = moduleRanks.size() <= 1
                ? new PriorityQueue<>()
                : new PriorityQueue<>(java.util.Comparator.<String>comparingInt(
                                id -> requireNonNull(moduleRanks.get(ModuleOrder.moduleOf(id))))
                        .thenComparing(java.util.Comparator.naturalOrder()));
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
            order.add(requireNonNull(byId.get(id)));
            release(children.get(id), missingParents, ready);
            release(dependents.get(id), missingParents, ready);
        }
        if (order.size() < byId.size()) {
            throw cycleError(byId, missingParents);
        }
        return order;
    }

    /** Counts {@code id} as applied for each of {@code next}; those with nothing left missing are ready. */
    private static void release(
            @Nullable List<String> next, Map<String, Integer> missingParents, PriorityQueue<String> ready) {
        if (next == null) {
            return;
        }
        for (String c : next) {
            int missing = requireNonNull(missingParents.get(c)) - 1;
            missingParents.put(c, missing);
            if (missing == 0) {
                ready.add(c);
            }
        }
    }

    /**
     * Names one cycle. Every revision Kahn's algorithm left over has a left-over parent, so walking
     * parents from any of them must come back to a revision already seen.
     */
    private static MigrateException cycleError(Map<String, RevisionInfo> byId, Map<String, Integer> missingParents) {
        String start = missingParents.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseThrow();
        List<String> path = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        String current = start;
        while (!index.containsKey(current)) {
            index.put(current, path.size());
            path.add(current);
            RevisionInfo r = requireNonNull(byId.get(current));
            String next = null;
            for (String p : concat(r.revises(), r.dependsOn())) {
                if (requireNonNull(missingParents.get(p)) > 0) {
                    next = p;
                    break;
                }
            }
            current = next;
        }
        List<String> cycle = new ArrayList<>(path.subList(index.get(current), path.size()));
        cycle.add(current);
        String described = cycle.stream()
                .map(id -> id + " (" + requireNonNull(byId.get(id)).source() + ")")
                .collect(Collectors.joining(" -> "));
        return new MigrateException("The revisions form a cycle, each revising or depending on the next: " + described
                + ". A revision cannot descend from itself; correct 'revises' or 'dependsOn' in one of these classes.");
    }

    /** An immutable edge list for every revision, each in topological order. */
    private static Map<String, List<String>> freeze(
            List<RevisionInfo> order, Map<String, List<String>> edges, Map<String, Integer> pos) {
        Map<String, List<String>> frozen = new HashMap<>();
        for (RevisionInfo r : order) {
            List<String> list = edges.get(r.id());
            if (list == null) {
                frozen.put(r.id(), List.of());
            } else if (list.size() == 1) {
                frozen.put(r.id(), List.of(list.get(0)));
            } else {
                list.sort((a, b) -> Integer.compare(requireNonNull(pos.get(a)), requireNonNull(pos.get(b))));
                frozen.put(r.id(), List.copyOf(list));
            }
        }
        return Collections.unmodifiableMap(frozen);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
