package dev.migrate;

/**
 * A batch of the backfill of an online change that committed, as {@link MigrationListener#onBackfill}
 * hears it: the rows it wrote again, so that the triggers filled the new column.
 *
 * <pre>{@code listener.onBackfill(new BackfillProgress("20261122_101500", "public.customers", "status", 1000, 25000));}</pre>
 *
 * @param revision the online revision whose expand phase backfills
 * @param table the table, qualified when its migration qualified it
 * @param column the column it fills: a new column, or under its temporary name
 *     ({@code _migrate_new_amount}) the new version of a column the change replaces
 * @param rows the rows this batch wrote
 * @param total the rows the backfill has written so far, those of an interrupted run it resumed included
 */
public record BackfillProgress(String revision, String table, String column, long rows, long total) {}
