/**
 * What a run is given and how it reaches the database: its {@link dev.migrate.internal.runtime.session.Settings},
 * the settings of its own sessions, and the connections it opens, with a failure to connect named. Below the rest
 * of the runner, and knowing nothing of it.
 */
@NullMarked
package dev.migrate.internal.runtime.session;

import org.jspecify.annotations.NullMarked;
