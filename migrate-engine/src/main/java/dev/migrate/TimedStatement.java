package dev.migrate;

import java.time.Duration;

/**
 * A statement of a migration that ran against a database, with how long it took, as
 * {@link MigrationListener#afterStatement} hears it: for traces of slow statements.
 *
 * <pre>{@code listener.afterStatement(new TimedStatement(new MigrationStep("20261122_101500", "add status", StepDirection.UPGRADE), "ALTER TABLE customers ADD COLUMN status text", Duration.ofMillis(12)));}</pre>
 *
 * @param step the migration it belongs to
 * @param sql the statement as it was sent; for the JDBC code of a migration, a description in
 *     parentheses; for the backfill of an online change, its one {@code UPDATE}, timed over all its
 *     batches
 * @param duration how long it took, lock-timeout retries and their waits included; a migration of one
 *     statement goes to the server with its version-table update and {@code COMMIT} in one round trip,
 *     timed together
 */
public record TimedStatement(MigrationStep step, String sql, Duration duration) {}
