/**
 * Reading database URLs in the forms users bring (postgresql://, postgres://, jdbc:postgresql://), and
 * the one explanation of a failure to connect ({@link dev.migrate.internal.connection.ConnectionFailure}) or of a
 * privilege the connected role lacks ({@link dev.migrate.internal.connection.Privileges}).
 *
 * <p>Internal: the Maven plugin, the Spring Boot starter and the autogenerator use it, and it changes without notice. Call
 * {@link dev.migrate.Migrator} instead.
 */
@NullMarked
package dev.migrate.internal.connection;

import org.jspecify.annotations.NullMarked;
