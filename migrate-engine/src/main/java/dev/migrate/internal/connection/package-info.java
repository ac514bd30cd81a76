/**
 * What the published {@code dev.migrate.connection} explains with: a privilege the connected role lacks
 * ({@link dev.migrate.internal.connection.Privileges}) and the server's own words of a failure.
 *
 * <p>Internal: it changes without notice.
 */
@NullMarked
package dev.migrate.internal.connection;

import org.jspecify.annotations.NullMarked;
