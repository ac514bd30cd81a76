package dev.migrate.internal.discovery;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.graph.ModuleOrder;
import java.util.ArrayList;
import java.util.HashMap;
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

    private Modules(Map<String, ModuleDeclaration> byPackage) {
        this.byPackage = byPackage;
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
        Map<String, ModuleDeclaration> byPackage = new HashMap<>(shipped);
        classFiles.forEach((name, summary) -> {
            if (name.endsWith(PACKAGE_INFO) && summary != null && summary.module() != null) {
                Map<String, Object> values = summary.module();
                String pkg = name.substring(0, name.length() - PACKAGE_INFO.length());
                Object moduleName = values.get("name");
                Object dependsOn = values.get("dependsOn");
                ModuleDeclaration annotated = new ModuleDeclaration(
                        moduleName instanceof String n ? n : "",
                        dependsOn instanceof List<?> list
                                ? list.stream().map(String::valueOf).toList()
                                : List.of(),
                        "@MigrationModule on package " + pkg);
                ModuleDeclaration written = shipped.get(pkg);
                byPackage.put(pkg, written == null ? annotated : annotated.joining(written));
            }
        });
        return new Modules(byPackage);
    }

    /** The declaration of each package that has one. */
    Map<String, ModuleDeclaration> declarations() {
        return Map.copyOf(byPackage);
    }

    /** {@code found}, named within its module, with the modules its module depends on. */
    DiscoveredMigration place(DiscoveredMigration found) {
        RevisionInfo info = found.info();
        String module = ModuleOrder.moduleOf(info.id());
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
