/**
 * The fleet behind {@link dev.migrate.Fleet}: who is in it ({@link TenantSpec}, {@link FleetMembers}),
 * what their version tables hold, read in bulk ({@link VersionScan}), how their runs share a bounded
 * pool ({@link FleetRunner}), and the summary in the log and in JSON ({@link FleetSummary},
 * {@link FleetJson}). Not API.
 */
@NullMarked
package dev.migrate.internal.fleet;

import dev.migrate.tooling.FleetJson;
import org.jspecify.annotations.NullMarked;
