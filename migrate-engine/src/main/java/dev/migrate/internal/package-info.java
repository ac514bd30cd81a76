/**
 * Hooks that other migrate modules use to reach the engine, and nothing else should: they change
 * without notice. The lint ({@code migrate-lint}) replays a migrator's migrations on a throwaway
 * database through {@link dev.migrate.internal.MigratorReplays}, so that {@link dev.migrate.Migrator}
 * itself offers an application nothing that writes sample rows. {@link dev.migrate.internal.Elapsed}
 * writes durations the same way in the run's lines and in the reports.
 */
package dev.migrate.internal;
