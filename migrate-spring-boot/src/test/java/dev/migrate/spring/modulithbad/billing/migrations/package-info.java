/** Fixture: Spring Modulith's module billing, which an annotation names otherwise. */
@MigrationModule(name = "invoices")
@NullMarked
package dev.migrate.spring.modulithbad.billing.migrations;

import dev.migrate.annotations.MigrationModule;
import org.jspecify.annotations.NullMarked;
