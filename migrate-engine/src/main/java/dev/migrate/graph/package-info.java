/**
 * What migrate's modules read of a chain's revisions: one revision as the graph knows it ({@link
 * dev.migrate.graph.RevisionInfo}), a range {@code <from>:<to>} ({@link dev.migrate.graph.RevisionRange}) and a
 * target whose form was checked where the user wrote it ({@link dev.migrate.graph.RevisionTarget}).
 * The graph itself is reached through {@code dev.migrate.tooling.ChainGraph}.
 *
 * <p>Published for migrate's own modules; an application reads {@link dev.migrate.RevisionDetails}.
 */
@NullMarked
package dev.migrate.graph;

import org.jspecify.annotations.NullMarked;
