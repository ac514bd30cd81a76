/**
 * What migrate's own modules (the commands, autogen, the lint, the catalog, the plugin, the command line,
 * migrate-junit, the starter) need of the engine beyond the application API: {@link
 * dev.migrate.tooling.MigratorTools}, the door into a built {@link dev.migrate.Migrator} (fingerprint, rendered
 * statements, reports, round trips, replays), the revision graph as tools query it ({@link
 * dev.migrate.tooling.ChainGraph}), reviews and plans made from it ({@link dev.migrate.tooling.BranchReview},
 * {@link dev.migrate.tooling.RebasePlan}), operations as SQL ({@link dev.migrate.tooling.OpSql}) and the
 * fleet's reports ({@link dev.migrate.tooling.FleetReports}, {@link dev.migrate.tooling.FleetJson}).
 *
 * <p>Published for migrate's modules, which need nothing of {@code dev.migrate.internal}; kept narrow, its types
 * wrap the engine's. An application calls {@link dev.migrate.Migrator} and {@link dev.migrate.Fleet} instead:
 * this package may change with migrate's tools.
 */
@NullMarked
package dev.migrate.tooling;

import org.jspecify.annotations.NullMarked;
