/**
 * Reading database URLs in the forms users bring (postgresql://, postgres://, jdbc:postgresql://).
 *
 * <p>Internal: the Maven plugin and the autogenerator use it, and it changes without notice. Call
 * {@link dev.migrate.Migrator} instead.
 */
package dev.migrate.internal.connection;
