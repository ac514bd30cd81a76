/**
 * The engine behind {@link dev.migrate.Migrator}, and the hooks other migrate modules use to reach
 * it: nothing here is API, and it changes without notice. {@code runtime} runs steps and keeps the
 * version tables, {@code graph} builds and plans over the revision graph, {@code discovery} finds
 * the migration classes, {@code sql} renders operations for PostgreSQL and scans SQL text,
 * {@code connection} reads database URLs and explains refused connections, {@code text} writes
 * durations the same way in the run's lines and in the reports. {@link
 * dev.migrate.tooling.MigratorTools} gives the plugin, {@code autogen}, the lint and
 * {@code migrate-junit} what a {@code Migrator} offers no application (the replay on a throwaway
 * database, the round trips, the report texts). The packages are layered: none depends on one that
 * depends on it, which {@code PackageCyclesTest} checks.
 */
@NullMarked
package dev.migrate.internal;

import org.jspecify.annotations.NullMarked;
