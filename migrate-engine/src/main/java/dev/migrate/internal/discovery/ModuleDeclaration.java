package dev.migrate.internal.discovery;

import dev.migrate.MigrateException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A module declared for a package: by {@code @MigrationModule} on its {@code package-info}, or by the
 * {@code META-INF/migrate/module.properties} of the jar that ships it.
 *
 * @param name the module's name
 * @param dependsOn the modules whose revisions are applied before its own
 * @param source where it is declared, for messages
 */
record ModuleDeclaration(String name, List<String> dependsOn, String source) {
    ModuleDeclaration {
        dependsOn = List.copyOf(dependsOn);
        for (String on : dependsOn) {
            if (on.equals(name)) {
                throw new MigrateException("Module " + name + " (" + source + ") depends on itself; remove '" + name
                        + "' from its dependsOn.");
            }
        }
    }

    /**
     * A declaration the class path writes (an annotation, a {@code module.properties}), its names checked at once. A
     * module handed in from outside (a framework's module model) is not: its name is checked when a revision is
     * placed in it, so that a module of the model that holds none may have a name no revision id could carry.
     *
     * @throws MigrateException for a name that is not letters, digits and underscores, naming where it is declared
     */
    static ModuleDeclaration checked(String name, List<String> dependsOn, String source) {
        checkName(name, source);
        dependsOn.forEach(on -> checkName(on, source));
        return new ModuleDeclaration(name, dependsOn, source);
    }

    /**
     * This declaration (a package's annotation) with the modules {@code written} (its jar's or build's
     * {@code module.properties}) depends on added.
     *
     * @throws MigrateException when the two name different modules, naming both and the fix
     */
    ModuleDeclaration joining(ModuleDeclaration written) {
        if (!written.name().equals(name)) {
            throw new MigrateException("The package of " + source + " is declared as module " + name + " there and as "
                    + "module " + written.name() + " by " + written.source() + ": a module keeps one name, which the "
                    + "version table records. Write the same name in both, or remove the file so that the build "
                    + "writes it again (migrate:module).");
        }
        Set<String> both = new LinkedHashSet<>(dependsOn);
        both.addAll(written.dependsOn());
        return new ModuleDeclaration(name, List.copyOf(both), source);
    }

    /**
     * Refuses a module name that could not prefix a revision id in the version table and the targets.
     *
     * @throws MigrateException naming the name, where it is declared and the rule
     */
    static void checkName(String name, String source) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new MigrateException("The module name '" + name + "' of " + source + " is not valid: use only "
                    + "letters, digits and underscores, for example billing or order_history.");
        }
    }
}
