/**
 * Online migrations at run time: the phase of each online revision in the state table ({@link
 * dev.migrate.internal.online.OnlineState}), the expand an upgrade runs with brief waits for locks and
 * backfills in batches ({@link dev.migrate.internal.online.ExpandPhase}), the contract {@code complete}
 * runs ({@link dev.migrate.internal.online.CompletePhase}), the undoing of an interrupted expand ({@link
 * dev.migrate.internal.online.RollbackPhase}), and the schemas of views of completed revisions. The
 * engine and the runner hand their online steps to {@link dev.migrate.internal.online.OnlineRunner}; what
 * each kind of change does in each phase is its operations' ({@code dev.migrate.op.OnlineOp.Online}).
 *
 * <p>Internal: it changes without notice.
 */
@NullMarked
package dev.migrate.internal.online;

import org.jspecify.annotations.NullMarked;
