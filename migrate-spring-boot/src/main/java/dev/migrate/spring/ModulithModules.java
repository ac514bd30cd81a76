package dev.migrate.spring;

import dev.migrate.Migrator;
import java.lang.annotation.Annotation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.util.ClassUtils;

/**
 * Spring Modulith's application modules as migrate modules: a module that holds revisions (in its base package or
 * below) is a migrate module under its Modulith name, applied after the modules Modulith finds it depends on; a
 * module without revisions is no chain. The model is read, as Spring Modulith reads it, from the application's
 * {@code @Modulithic} (or {@code @Modulith}, or else {@code @SpringBootApplication}) class; a context without one
 * has no modules to read. Loaded only when Spring Modulith is on the class path.
 */
final class ModulithModules implements ModuleModel {
    /** How the engine's messages name where these modules come from. */
    static final String DECLARED_BY = "Spring Modulith";

    private final ListableBeanFactory beans;

    ModulithModules(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void declareOn(Migrator.Builder builder) {
        Class<?> root = root();
        if (root == null) {
            return;
        }
        ApplicationModules modules = ApplicationModules.of(root);
        for (ApplicationModule module : modules) {
            if (module.isRootModule()) {
                continue; // the root package's classes: the application's own revisions stay the application's
            }
            builder.module(
                    name(module),
                    module.getBasePackage().getName(),
                    module.getDirectDependencies(modules)
                            .uniqueModules()
                            .map(ModulithModules::name)
                            .distinct()
                            .sorted()
                            .toList(),
                    DECLARED_BY);
        }
    }

    /** The module's identifier, which Spring Modulith names it by (its package's name, or the one it is given). */
    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    /** The class Spring Modulith reads the modules from; null when the context has none. */
    private @Nullable Class<?> root() {
        for (Class<? extends Annotation> marker : List.of(Modulithic.class, SpringBootApplication.class)) {
            for (String name : beans.getBeanNamesForAnnotation(marker)) {
                Class<?> type = beans.getType(name);
                if (type != null) {
                    return ClassUtils.getUserClass(type);
                }
            }
        }
        return null;
    }
}
