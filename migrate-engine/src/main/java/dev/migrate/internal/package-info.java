/**
 * The engine behind {@link dev.migrate.Migrator}: nothing here is API, it changes without notice, and no other
 * module imports it (their {@code ModuleImportsTest} says so). {@code runtime} runs steps and keeps the
 * version tables, {@code graph} builds and plans over the revision graph, {@code discovery} finds
 * the migration classes, {@code sql} renders operations for PostgreSQL,
 * {@code connection} explains a privilege the role lacks, {@code text} writes durations the same way in the
 * run's lines and in the reports. What the other modules need is published around it: {@code dev.migrate.sql},
 * {@code dev.migrate.graph}, {@code dev.migrate.connection} below it, and {@link
 * dev.migrate.tooling.MigratorTools} above it, which gives the plugin, {@code autogen}, the lint and
 * {@code migrate-junit} what a {@code Migrator} offers no application (the replay on a throwaway database, the
 * round trips, the report texts) through {@link dev.migrate.internal.MigratorAccess}. The packages are layered: none depends on one that
 * depends on it, which {@code PackageCyclesTest} checks.
 */
@NullMarked
package dev.migrate.internal;

import org.jspecify.annotations.NullMarked;
