/**
 * The runner: the engine and the steps it runs, which statements share a transaction, the migration lock, the
 * guards, the move in from an old tool, offline SQL. Below it, and knowing nothing of it: what a run is given and
 * how it connects ({@code session}), the version and history tables ({@code history}), the names and the watch of
 * its steps ({@code progress}), the recorded scripts and their checksums ({@code script}), where statements go
 * ({@code sink}) and the advisory lock ({@code lock}).
 *
 * <p>Internal: the Maven plugin and the autogenerator use it, and it changes without notice. Call
 * {@link dev.migrate.Migrator} instead.
 */
@NullMarked
package dev.migrate.internal.runtime;

import org.jspecify.annotations.NullMarked;
