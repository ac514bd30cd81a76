/**
 * New PostgreSQL data directories for the embedded servers of the Maven plugin, migrate-junit and the
 * tests: a copy of one initialized cluster kept per build of the server's binaries, in place of an
 * {@code initdb} per start ({@link dev.migrate.internal.cluster.ClusterTemplate}).
 *
 * <p>Internal: it changes without notice.
 */
@NullMarked
package dev.migrate.internal.cluster;

import org.jspecify.annotations.NullMarked;
