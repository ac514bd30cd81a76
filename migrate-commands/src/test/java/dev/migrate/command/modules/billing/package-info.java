/** Fixture: a module whose table points at core's. */
@MigrationModule(name = "billing", dependsOn = "core")
@NullMarked
package dev.migrate.command.modules.billing;

import dev.migrate.annotations.MigrationModule;
import org.jspecify.annotations.NullMarked;
