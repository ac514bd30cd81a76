/**
 * The runner: transactions, the migration lock, version and history tables, offline SQL. Below it, and
 * knowing nothing of it: the recorded scripts and their checksums ({@code script}), where statements go
 * ({@code sink}) and the advisory lock ({@code lock}).
 *
 * <p>Internal: the Maven plugin and the autogenerator use it, and it changes without notice. Call
 * {@link dev.migrate.Migrator} instead.
 */
@NullMarked
package dev.migrate.internal.runtime;

import org.jspecify.annotations.NullMarked;
