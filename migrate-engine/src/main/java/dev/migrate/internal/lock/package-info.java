/**
 * How a run waits for the locks its statements need: the retries after a {@code lock_timeout} ({@link
 * dev.migrate.internal.lock.LockRetries}) and the ends of waits the listener hears ({@link
 * dev.migrate.internal.lock.LockWaits}). The runner and the online phases both wait this way.
 *
 * <p>Internal: it changes without notice.
 */
@NullMarked
package dev.migrate.internal.lock;

import org.jspecify.annotations.NullMarked;
