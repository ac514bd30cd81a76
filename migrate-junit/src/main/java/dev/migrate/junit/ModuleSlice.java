package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.graph.Target;
import dev.migrate.tooling.MigratorTools;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code @MigrateTo(module = "billing")} upgrades to: the module's heads (or the revision of it the annotation
 * names) and the heads of every module it depends on, directly or through others, and nothing of the other modules
 * or of the application's own revisions, as a slice test of one module wants.
 *
 * @param module the module the test is about
 * @param modules the module and those it depends on, each after those it depends on
 */
record ModuleSlice(String module, List<String> modules) {
    ModuleSlice {
        modules = List.copyOf(modules);
    }

    /**
     * The slice of {@code module} in {@code migrator}'s graph.
     *
     * @throws MigrateException when no revision belongs to {@code module}, naming the modules there are
     */
    static ModuleSlice of(String module, Migrator migrator) {
        MigratorTools tools = MigratorTools.of(migrator);
        List<String> known = tools.modules();
        if (!known.contains(module)) {
            throw new MigrateException("No migration on the test class path belongs to module '" + module + "'; "
                    + (known.isEmpty()
                            ? "no migration there names a module (@MigrationModule on its package, or "
                                    + "@Revision(module = ...)). Leave module out to upgrade the whole chain, or "
                                    + "put the module's package or jar on the test class path."
                            : "the modules there are " + String.join(", ", known) + ". Name one of them."));
        }
        List<String> slice = new ArrayList<>();
        for (String other : known) {
            if (other.equals(module) || tools.modulesDependingOn(other).contains(module)) {
                slice.add(other);
            }
        }
        return new ModuleSlice(module, slice);
    }

    /**
     * The target of the slice: {@code value} read within the module ({@code heads}, {@code head} or a revision id of
     * it), with the heads of the modules it depends on.
     *
     * @throws MigrateException for another form of target, naming the forms a slice takes
     */
    String target(String value, Migrator migrator) {
        Set<String> points = new LinkedHashSet<>();
        List<String> heads = migrator.heads();
        for (String each : modules) {
            if (!each.equals(module)) {
                heads.stream()
                        .filter(h -> MigratorTools.moduleOf(h).equals(each))
                        .forEach(points::add);
            }
        }
        List<String> own = heads.stream()
                .filter(h -> MigratorTools.moduleOf(h).equals(module))
                .toList();
        List<RevisionTarget.Point> parsed = RevisionTarget.of(value).points();
        Target point = parsed.get(0).target();
        if (parsed.size() != 1) {
            throw notInSlice(value);
        } else if (point instanceof Target.Heads) {
            points.addAll(own);
        } else if (point instanceof Target.Head) {
            if (own.size() != 1) {
                throw new MigrateException("Module " + module + " has " + own.size() + " heads ("
                        + String.join(", ", own) + "), so its head names no one revision. Write "
                        + "@MigrateTo(module = \"" + module + "\") for all of them, or name one revision.");
            }
            points.addAll(own);
        } else if (point instanceof Target.RevisionRef ref) {
            String id = ref.idOrPrefix();
            points.add(id.indexOf('.') >= 0 ? id : module + "." + id);
        } else {
            throw notInSlice(value);
        }
        return String.join(",", points);
    }

    private MigrateException notInSlice(String value) {
        return new MigrateException("The target '" + value + "' is not one a slice of module " + module + " takes: "
                + "with a module, @MigrateTo takes heads (the default), head, or a revision id of the module "
                + "(@MigrateTo(value = \"20261129_090000\", module = \"" + module + "\")). Move the database further "
                + "in the test with MigrationDatabase.upgrade.");
    }
}
