package dev.migrate.internal.discovery;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.graph.ModuleOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Places each found revision in its module: the one its {@code @Revision(module = ...)} names, or else the one
 * declared for the nearest enclosing package, or else the application's own. A revision of a module is named
 * {@code <module>.<id>}, and so are the unqualified ids it revises or depends on, so that ids never clash across
 * modules.
 */
final class Modules {
    /** How the binary name of a package's annotations class ends. */
    static final String PACKAGE_INFO = ".package-info";

    private final Map<String, ModuleDeclaration> byPackage;
    private final Map<String, Set<String>> dependsOnByName;
    /** The modules handed in from outside (a framework's module model), by their base package. */
    private final Map<String, ModuleDeclaration> given;

    private Modules(Map<String, ModuleDeclaration> byPackage, Map<String, ModuleDeclaration> given) {
        this.byPackage = byPackage;
        this.given = given;
        this.dependsOnByName = new HashMap<>();
        byPackage
                .values()
                .forEach(d -> dependsOnByName
                        .computeIfAbsent(d.name(), k -> new TreeSet<>())
                        .addAll(d.dependsOn()));
    }

    /**
     * The modules declared by the {@code package-info} classes among {@code classFiles} and by the jars that ship
     * packages ({@code shipped}); a package both declare depends on the modules either names (the build writes
     * the properties' {@code dependsOn} from its dependencies), under its annotation's name.
     */
    static Modules of(Map<String, ClassFileSummary> classFiles, Map<String, ModuleDeclaration> shipped) {
        return of(classFiles, shipped, Map.of());
    }

    /**
     * As {@link #of(Map, Map)}, with the modules {@code given} from outside by their base packages (Spring Modulith's
     * application modules): a package under one of them that the class path declares as another module is refused,
     * and one that declares the same module adds the modules it depends on.
     *
     * @throws MigrateException naming both declarations when a package's module disagrees with the given one
     */
    static Modules of(
            Map<String, ClassFileSummary> classFiles,
            Map<String, ModuleDeclaration> shipped,
            Map<String, ModuleDeclaration> given) {
        Map<String, ModuleDeclaration> byPackage = new HashMap<>(shipped);
        classFiles.forEach((name, summary) -> {
            if (name.endsWith(PACKAGE_INFO) && summary != null && summary.module() != null) {
                Map<String, Object> values = summary.module();
                String pkg = name.substring(0, name.length() - PACKAGE_INFO.length());
                Object moduleName = values.get("name");
                Object dependsOn = values.get("dependsOn");
                ModuleDeclaration annotated = ModuleDeclaration.checked(
                        moduleName instanceof String n ? n : "",
                        dependsOn instanceof List<?> list
                                ? list.stream().map(String::valueOf).toList()
                                : List.of(),
                        "@MigrationModule on package " + pkg);
                ModuleDeclaration written = shipped.get(pkg);
                byPackage.put(pkg, written == null ? annotated : annotated.joining(written));
            }
        });
        byPackage.forEach((pkg, declared) -> {
            ModuleDeclaration holding = nearest(given, pkg);
            if (holding != null && !holding.name().equals(declared.name())) {
                throw new MigrateException("Package " + pkg + " is declared as module " + declared.name() + " by "
                        + declared.source() + ", and " + holding.source() + " holds it: a module keeps one name, "
                        + "which the version table records. Name it " + holding.name() + ", or remove the "
                        + "declaration: the module that holds the package is a migrate module already, ordered by "
                        + "its dependencies.");
            }
        });
        given.forEach((pkg, module) -> byPackage.merge(pkg, module, ModuleDeclaration::joining));
        return new Modules(byPackage, Map.copyOf(given));
    }

    /** The declaration of {@code pkg} or of the nearest package enclosing it, null where there is none. */
    private static @Nullable ModuleDeclaration nearest(Map<String, ModuleDeclaration> declared, String pkg) {
        for (String at = pkg; ; at = at.substring(0, at.lastIndexOf('.'))) {
            ModuleDeclaration found = declared.get(at);
            if (found != null || at.lastIndexOf('.') < 0) {
                return found;
            }
        }
    }

    /** The declaration of each package that has one. */
    Map<String, ModuleDeclaration> declarations() {
        return Map.copyOf(byPackage);
    }

    /** {@code found}, named within its module, with the modules its module depends on. */
    DiscoveredMigration place(DiscoveredMigration found) {
        RevisionInfo info = found.info();
        String module = ModuleOrder.moduleOf(info.id());
        ModuleDeclaration holding = given.isEmpty() ? null : nearest(given, packageOf(info.source()));
        if (holding != null && !module.isEmpty() && !module.equals(holding.name())) {
            throw new MigrateException("Class " + info.source() + " names module " + module + " in its @Revision, and "
                    + holding.source() + " holds its package: a module keeps one name, which the version table "
                    + "records. Remove module = \"" + module + "\" from its @Revision, or move the class to the "
                    + "package of module " + module + ".");
        }
        if (module.isEmpty()) {
            ModuleDeclaration declared = declaredFor(info.source());
            if (declared == null) {
                return found;
            }
            module = declared.name();
            info = inModule(info, module);
        }
        return found.inModule(info, List.copyOf(dependsOnByName.getOrDefault(module, Set.of())));
    }

    /**
     * {@code found}, where a module given from outside that holds no revision is no chain: a module that depends on it
     * depends instead on the modules it depends on, through as many such modules as there are.
     */
    List<DiscoveredMigration> settled(List<DiscoveredMigration> found) {
        if (given.isEmpty()) {
            return found;
        }
        Set<String> holding = new HashSet<>();
        found.forEach(m -> holding.add(ModuleOrder.moduleOf(m.info().id())));
        Map<String, ModuleDeclaration> givenByName = new HashMap<>();
        given.values().forEach(d -> givenByName.merge(d.name(), d, ModuleDeclaration::joining));
        List<DiscoveredMigration> settled = new ArrayList<>(found.size());
        for (DiscoveredMigration m : found) {
            Set<String> on = new TreeSet<>();
            m.moduleDependsOn().forEach(module -> through(module, holding, givenByName, on, new HashSet<>()));
            settled.add(m.inModule(m.info(), List.copyOf(on)));
        }
        return settled;
    }

    private static void through(
            String module,
            Set<String> holding,
            Map<String, ModuleDeclaration> givenByName,
            Set<String> into,
            Set<String> seen) {
        ModuleDeclaration declared = givenByName.get(module);
        if (holding.contains(module) || declared == null) {
            into.add(module);
        } else if (seen.add(module)) {
            declared.dependsOn().forEach(on -> through(on, holding, givenByName, into, seen));
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private @Nullable ModuleDeclaration declaredFor(String className) {
        String pkg = className;
        for (int dot = pkg.lastIndexOf('.'); dot > 0; dot = pkg.lastIndexOf('.')) {
            pkg = pkg.substring(0, dot);
            ModuleDeclaration declared = byPackage.get(pkg);
            if (declared != null) {
                return declared;
            }
        }
        return null;
    }

    /**
     * The graph's view of a {@code @Revision}: within {@code module} (empty: the application's own), its id and the
     * unqualified ids it names become {@code <module>.<id>}; an id naming another module ({@code core.<id>}) stays.
     *
     * @throws MigrateException for a module name that is not letters, digits and underscores, or an id with a dot
     */
    static RevisionInfo qualified(
            String id,
            List<String> revises,
            String message,
            Set<String> branchLabels,
            List<String> dependsOn,
            boolean transactional,
            String source,
            List<String> replaces,
            Set<String> contexts,
            String module) {
        if (id.indexOf('.') >= 0) {
            throw new MigrateException("The revision id '" + id + "' of " + source + " contains a dot, which only "
                    + "separates a module from an id; write the id alone and name the module with "
                    + "@Revision(module = \"" + id.substring(0, id.indexOf('.')) + "\", id = \""
                    + id.substring(id.indexOf('.') + 1) + "\").");
        }
        RevisionInfo plain = new RevisionInfo(
                id, revises, message, branchLabels, dependsOn, transactional, source, replaces, contexts);
        return module.isEmpty() ? plain : inModule(plain, module);
    }

    private static RevisionInfo inModule(RevisionInfo r, String module) {
        ModuleDeclaration.checkName(module, r.source());
        return new RevisionInfo(
                ModuleOrder.qualify(module, r.id()),
                qualify(module, r.revises()),
                r.message(),
                r.branchLabels(),
                qualify(module, r.dependsOn()),
                r.transactional(),
                r.source(),
                qualify(module, r.replaces()),
                r.contexts());
    }

    private static List<String> qualify(String module, List<String> ids) {
        List<String> qualified = new ArrayList<>(ids.size());
        ids.forEach(id -> qualified.add(ModuleOrder.qualify(module, id)));
        return qualified;
    }
}
