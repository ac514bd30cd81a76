/**
 * The Flyway side of the import: Flyway's settings as a project keeps them ({@link
 * dev.migrate.imports.flyway.FlywaySettings}), its migrations read as Flyway finds, orders and checksums them
 * ({@link dev.migrate.imports.flyway.FlywayMigrations}), and Flyway itself run in its own class loader ({@link
 * dev.migrate.imports.flyway.FlywayRun}).
 */
@NullMarked
package dev.migrate.imports.flyway;

import org.jspecify.annotations.NullMarked;
