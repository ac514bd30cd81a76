/**
 * The runner: transactions, the migration lock, version and history tables, checksums, offline SQL.
 *
 * <p>Internal: the Maven plugin and the autogenerator use it, and it changes without notice. Call
 * {@link dev.migrate.Migrator} instead.
 */
@NullMarked
package dev.migrate.internal.runtime;

import org.jspecify.annotations.NullMarked;
