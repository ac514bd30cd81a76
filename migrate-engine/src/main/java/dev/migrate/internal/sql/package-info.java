/**
 * Rendering operations as PostgreSQL SQL: identifiers, literals, types.
 *
 * <p>Internal: the Maven plugin and the autogenerator use it, and it changes without notice. Call
 * {@link dev.migrate.Migrator} instead.
 */
package dev.migrate.internal.sql;
