package db.migrations;

import dev.migrate.Imported;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/**
 * Imported from Flyway: V1__create_customers.sql (1).
 * <p>No downgrade: Flyway has none for it.
 */
@Revision(
        id = "V1",
        message = "V1 create customers (Flyway V1__create_customers.sql)"
)
@Imported(
        from = "flyway",
        key = "1",
        checksums = "884241148",
        downgrade = false
)
public class V1_CreateCustomers implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE customers (\n"
                        + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "    name text NOT NULL\n"
                        + ")");
        op.execute("COMMENT ON TABLE customers IS 'who buys; kept by shop-team'");
    }

    @Override
    public void downgrade(Operations op) {
        throw new MigrateException("Flyway has no undo for V1__create_customers.sql (1), so this revision cannot be downgraded. Write its downgrade here, and set downgrade = true in its @Imported.");
    }
}
