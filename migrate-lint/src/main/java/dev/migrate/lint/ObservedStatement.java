package dev.migrate.lint;

import java.util.List;

/**
 * What one statement of a migration was seen to do on the throwaway database.
 *
 * @param revision the migration's revision id
 * @param statement the statement, as sent to the server
 * @param created the tables it created
 * @param locks the locks its transaction took with it on tables that existed before the migration, as
 *     {@code table: LockMode}; empty when it ran outside a transaction (such as
 *     {@code CREATE INDEX CONCURRENTLY}), where they cannot be seen
 * @param rewritten the tables existing before the migration that it rewrote (their file changed)
 * @param scanned the tables existing before the migration that it read in full
 * @param inTransaction whether it ran inside a transaction, where its locks are held until the end
 */
public record ObservedStatement(
        String revision,
        String statement,
        List<String> created,
        List<String> locks,
        List<String> rewritten,
        List<String> scanned,
        boolean inTransaction) {

    public ObservedStatement {
        created = List.copyOf(created);
        locks = List.copyOf(locks);
        rewritten = List.copyOf(rewritten);
        scanned = List.copyOf(scanned);
    }
}
