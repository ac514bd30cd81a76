/**
 * The migration lock at the server: the session-level advisory lock a run holds on a connection of
 * its own ({@code AdvisoryLock}), and who a waiting run waits for: the other sessions it names
 * ({@code ServerSessions}) and the watch that says so in the log every few seconds ({@code BlockerWatch}). When and how long the runner waits is
 * {@code dev.migrate.internal.runtime}'s {@code MigrationLock}.
 *
 * <p>Internal: part of the runner, {@code dev.migrate.internal.runtime}, below it; changes without notice.
 */
@NullMarked
package dev.migrate.internal.runtime.lock;

import org.jspecify.annotations.NullMarked;
