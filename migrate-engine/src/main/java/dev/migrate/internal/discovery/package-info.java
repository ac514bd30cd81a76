/**
 * Finding migration classes on the class path.
 *
 * <p>Internal: the Maven plugin and the autogenerator use it, and it changes without notice. Call
 * {@link dev.migrate.Migrator} instead.
 */
@NullMarked
package dev.migrate.internal.discovery;

import org.jspecify.annotations.NullMarked;
