package dev.migrate.spring;

import dev.migrate.Migrator;

/**
 * The modules of the application's own module model (Spring Modulith's application modules), handed to the migrator
 * as migrate modules, so that nobody declares a module or its dependencies twice.
 */
@FunctionalInterface
interface ModuleModel {
    /** Declares each module on {@code builder}: {@code model.declareOn(Migrator.builder())}. */
    void declareOn(Migrator.Builder builder);
}
