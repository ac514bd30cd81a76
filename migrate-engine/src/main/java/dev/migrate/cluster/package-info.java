/**
 * New PostgreSQL data directories for the embedded servers of the commands, the Maven plugin, migrate-junit
 * and the tests: a copy of one initialized cluster kept per build of the server's binaries, in place of an
 * {@code initdb} per start ({@link dev.migrate.cluster.ClusterTemplate}), in a place that suits the machine
 * ({@link dev.migrate.cluster.ThrowawayPlace}).
 *
 * <p>Published for migrate's own modules; an application needs none of it. Depends on nothing of migrate.
 */
@NullMarked
package dev.migrate.cluster;

import org.jspecify.annotations.NullMarked;
