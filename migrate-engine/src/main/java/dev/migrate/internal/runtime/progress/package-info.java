/**
 * How the log and the listener hear of a run's steps: their names, as Alembic prints them, and the watch that says
 * every interval that a long step is still running. Knows nothing of the runner above it.
 */
@NullMarked
package dev.migrate.internal.runtime.progress;

import org.jspecify.annotations.NullMarked;
