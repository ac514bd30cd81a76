package db.migrations;

import dev.migrate.Imported;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/**
 * Imported from Flyway: V4__email_index.sql (4).
 * <p>Flyway runs it outside a transaction, since it holds a statement PostgreSQL refuses inside one.
 * <p>No downgrade: Flyway has none for it.
 */
@Revision(
        id = "V4",
        revises = "V3",
        message = "V4 email index (Flyway V4__email_index.sql)",
        transactional = false
)
@Imported(
        from = "flyway",
        key = "4",
        checksums = "1608830928",
        downgrade = false
)
public class V4_EmailIndex implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE UNIQUE INDEX CONCURRENTLY customers_email ON customers (email)");
    }

    @Override
    public void downgrade(Operations op) {
        throw new MigrateException("Flyway has no undo for V4__email_index.sql (4), so this revision cannot be downgraded. Write its downgrade here, and set downgrade = true in its @Imported.");
    }
}
