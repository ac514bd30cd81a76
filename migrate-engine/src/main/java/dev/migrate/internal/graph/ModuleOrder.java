package dev.migrate.internal.graph;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modules that own revisions and the modules each depends on, as their declarations say: an upgrade applies a
 * module's revisions only after those of every module it depends on, so nobody orders modules by hand. A revision
 * of module {@code billing} is named {@code billing.<id>}; one without module belongs to the application's own
 * module, named {@code ""}, whose ids stand alone and which comes after every named module (the application sits on
 * its libraries).
 *
 * @param dependsOn every named module, with the modules it depends on
 */
public record ModuleOrder(Map<String, List<String>> dependsOn) {

    /** A build whose revisions all belong to the application's own module. */
    public static final ModuleOrder NONE = new ModuleOrder(Map.of());

    /** The application's own module: revisions without a module. */
    public static final String APPLICATION = "";

    /**
     * @throws MigrateException when a module depends on one no revision or declaration names, or when modules
     *     depend on each other in a cycle; the message names them
     */
    public ModuleOrder {
        Map<String, List<String>> copy = new TreeMap<>();
        dependsOn.forEach((module, on) -> copy.put(module, List.copyOf(on)));
        dependsOn = java.util.Collections.unmodifiableMap(copy);
        for (var e : dependsOn.entrySet()) {
            for (String on : e.getValue()) {
                if (!dependsOn.containsKey(on)) {
                    throw new MigrateException("Module " + e.getKey() + " depends on module " + on
                            + ", but no migration on the class path belongs to " + on + ". Put the jar or the "
                            + "package of module " + on + " on the class path, or remove '" + on
                            + "' from the dependsOn of module " + e.getKey() + ".");
                }
            }
        }
        checkAcyclic(dependsOn);
    }

    /** This order with {@code modules} added, those it did not know depending on none. */
    ModuleOrder including(Set<String> modules) {
        if (dependsOn.keySet().containsAll(modules)) {
            return this;
        }
        Map<String, List<String>> all = new HashMap<>(dependsOn);
        modules.forEach(m -> all.putIfAbsent(m, List.of()));
        return new ModuleOrder(all);
    }

    /** The module of a revision id as the graph names it: what comes before its dot, or the application's. */
    public static String moduleOf(String id) {
        int dot = id.indexOf('.');
        return dot < 0 ? APPLICATION : id.substring(0, dot);
    }

    /** The graph's name of revision {@code id} of {@code module}: {@code module.id}, or {@code id} alone. */
    public static String qualify(String module, String id) {
        return module.isEmpty() || id.indexOf('.') >= 0 ? id : module + "." + id;
    }

    /** How a module is spelled in messages. */
    public static String describe(String module) {
        return module.isEmpty() ? "the application's own module" : "module " + module;
    }

    /** The named modules in the order an upgrade applies them, each after the modules it depends on. */
    public List<String> order() {
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String module : dependsOn.keySet()) {
            visit(module, done, order);
        }
        return List.copyOf(order);
    }

    private void visit(String module, Set<String> done, List<String> order) {
        if (!done.add(module)) {
            return;
        }
        for (String on : dependsOn.getOrDefault(module, List.of())) {
            visit(on, done, order);
        }
        order.add(module);
    }

    /** Each module's place in {@link #order()}; the application's own module comes last. */
    Map<String, Integer> ranks() {
        Map<String, Integer> ranks = new HashMap<>();
        List<String> order = order();
        for (int i = 0; i < order.size(); i++) {
            ranks.put(order.get(i), i);
        }
        ranks.put(APPLICATION, order.size());
        return ranks;
    }

    /**
     * The modules that depend on {@code module}, directly or through others, sorted; the application's own module
     * depends on every named one.
     */
    public Set<String> dependents(String module) {
        Set<String> found = new TreeSet<>();
        if (module.isEmpty()) {
            return found;
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var e : dependsOn.entrySet()) {
                if (!found.contains(e.getKey())
                        && (e.getValue().contains(module)
                                || e.getValue().stream().anyMatch(found::contains))) {
                    grew |= found.add(e.getKey());
                }
            }
        }
        found.add(APPLICATION);
        return found;
    }

    private static void checkAcyclic(Map<String, List<String>> dependsOn) {
        Map<String, Integer> state = new HashMap<>(); // 1: on the path, 2: done
        for (String module : dependsOn.keySet()) {
            List<String> path = new ArrayList<>();
            walk(module, dependsOn, state, path);
        }
    }

    private static void walk(
            String module, Map<String, List<String>> dependsOn, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(module);
        if (seen != null && seen == 2) {
            return;
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(module), path.size()));
            cycle.add(module);
            throw new MigrateException("Modules " + String.join(" and ", new TreeSet<>(cycle))
                    + " depend on each other (" + String.join(" -> ", cycle) + "), so neither can be applied "
                    + "first. Remove one of these dependsOn, or move the shared tables into a module both depend on.");
        }
        state.put(module, 1);
        path.add(module);
        for (String on : dependsOn.getOrDefault(module, List.of())) {
            walk(on, dependsOn, state, path);
        }
        path.remove(path.size() - 1);
        state.put(module, 2);
    }
}
