package dev.migrate.imports.liquibase;

import liquibase.database.core.PostgresDatabase;

/**
 * Liquibase's PostgreSQL offline, answering as the live one where Liquibase's rendering depends on the answer.
 * Runs in the tool's loader only.
 */
final class OfflinePostgres extends PostgresDatabase {
    /**
     * PostgreSQL's driver batches updates, so a live Liquibase sends loadData's rows as prepared inserts; offline it
     * would answer no, and loadData with {@code usePreparedStatements} would then render no rows at all.
     */
    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }
}
