package db.migrations;

import dev.migrate.Imported;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** V4 as the import wrote it, then edited after the import: the index is no longer unique. */
@Revision(id = "V4", revises = "V3", message = "V4 email index (Flyway V4__email_index.sql)", transactional = false)
@Imported(from = "flyway", key = "4", downgrade = false)
public class V4_EmailIndex implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE INDEX CONCURRENTLY customers_email ON customers (email)");
    }

    @Override
    public void downgrade(Operations op) {
        throw new MigrateException("Flyway has no undo for V4__email_index.sql (4).");
    }
}
