/**
 * The revision graph, target syntax and planning of upgrade, downgrade and stamp.
 *
 * <p>Internal: the Maven plugin and the autogenerator use it, and it changes without notice. Call
 * {@link dev.migrate.Migrator} instead.
 */
@NullMarked
package dev.migrate.internal.graph;

import org.jspecify.annotations.NullMarked;
