/**
 * The PostgreSQL servers migrate starts or uses for its own work, for every face alike: the embedded server of a
 * build with no URL ({@link dev.migrate.servers.EmbeddedServer}, the one launcher), the throwaway servers of the
 * commands that replay a chain ({@link dev.migrate.servers.EmbeddedThrowaways}), databases made on a scratch server
 * ({@link dev.migrate.servers.ScratchServer}) or a Citus coordinator ({@link dev.migrate.servers.CitusReplay}), a
 * server another process runs on the same data ({@link dev.migrate.servers.RunningServer}), and the binaries they
 * start from ({@link dev.migrate.servers.PostgresBinaries}). What a comparison may use of them is {@link
 * dev.migrate.servers.ComparisonDatabases}. Where their data directories go is the engine's {@code dev.migrate.cluster},
 * which the engine's own test servers use too.
 *
 * <p>Depends on the engine alone; the faces give what only they know: how the binaries jar is fetched
 * ({@link dev.migrate.servers.EmbeddedServers}) and where the data goes.
 */
@NullMarked
package dev.migrate.servers;

import org.jspecify.annotations.NullMarked;
