package db.migrations;

import dev.migrate.Imported;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/**
 * Imported from Flyway: V2__add_orders.sql (2).
 * <p>No downgrade: Flyway has none for it.
 */
@Revision(
        id = "V2",
        revises = "V1",
        message = "V2 add orders (Flyway V2__add_orders.sql)"
)
@Imported(
        from = "flyway",
        key = "2",
        checksums = "-725649585",
        downgrade = false
)
public class V2_AddOrders implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE orders (\n"
                        + "    id bigserial PRIMARY KEY,\n"
                        + "    customer_id bigint NOT NULL REFERENCES customers (id),\n"
                        + "    total numeric(12, 2) NOT NULL DEFAULT 0\n"
                        + ")");
        op.execute("CREATE INDEX orders_customer ON orders (customer_id)");
        op.execute("INSERT INTO customers (name) VALUES ('ada'), ('grace')");
        op.execute("INSERT INTO orders (customer_id, total) VALUES (1, 10.50), (1, 4.25), (2, 99.00)");
    }

    @Override
    public void downgrade(Operations op) {
        throw new MigrateException("Flyway has no undo for V2__add_orders.sql (2), so this revision cannot be downgraded. Write its downgrade here, and set downgrade = true in its @Imported.");
    }
}
