package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260301_000002", revises = "20260301_000001", message = "create orders")
public class V20260301_000002_CreateOrders implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers, total numeric(12,2) NOT NULL)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE orders");
    }
}
