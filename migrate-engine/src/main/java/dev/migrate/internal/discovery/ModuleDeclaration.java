package dev.migrate.internal.discovery;

import dev.migrate.MigrateException;
import java.util.List;

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
        checkName(name, source);
        for (String on : dependsOn) {
            checkName(on, source);
            if (on.equals(name)) {
                throw new MigrateException("Module " + name + " (" + source + ") depends on itself; remove '" + name
                        + "' from its dependsOn.");
            }
        }
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
