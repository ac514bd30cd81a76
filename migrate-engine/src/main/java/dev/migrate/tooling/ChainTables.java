package dev.migrate.tooling;

import dev.migrate.internal.online.OnlineState;

/**
 * Where a chain keeps its bookkeeping, as its migrator was built: the schema migrations run in and the names of
 * the version and history tables, which a comparison, a squash or a picture leaves out of the schema.
 *
 * <pre>{@code
 * ChainTables tables = MigratorTools.of(migrator).tables();
 * List<String> bookkeeping = List.of(tables.versionTable(), tables.historyTable(), tables.onlineStateTable());
 * }</pre>
 *
 * @param schema the schema the migrations run in
 * @param versionTable the version table's name
 * @param historyTable the history table's name
 */
public record ChainTables(String schema, String versionTable, String historyTable) {

    /** The table of online phases beside the version table. */
    public String onlineStateTable() {
        return onlineStateTableOf(versionTable);
    }

    /**
     * The name of the table of online phases beside the version table {@code versionTable}: what every module that
     * leaves the version tables out of a comparison, a scan or a squash leaves out too.
     */
    public static String onlineStateTableOf(String versionTable) {
        return OnlineState.tableOf(versionTable);
    }
}
