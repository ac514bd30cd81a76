/** The Quarkus extension at build time: the revisions found in the index, the beans, and the dev loop. */
@NullMarked
package dev.migrate.quarkus.deployment;

import org.jspecify.annotations.NullMarked;
