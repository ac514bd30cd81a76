/**
 * What migrate's modules read of a chain's revisions: one revision as the graph knows it ({@link
 * dev.migrate.graph.RevisionInfo}) and a range {@code <from>:<to>} ({@link dev.migrate.graph.RevisionRange}).
 * The graph itself is reached through {@code dev.migrate.tooling.ChainGraph}.
 *
 * <p>Published for migrate's own modules; an application reads {@link dev.migrate.RevisionDetails}.
 */
@NullMarked
package dev.migrate.graph;

import org.jspecify.annotations.NullMarked;
