/** Fixture: the module the others build on. */
@MigrationModule(name = "core")
@NullMarked
package dev.migrate.command.modules.core;

import dev.migrate.annotations.MigrationModule;
import org.jspecify.annotations.NullMarked;
