package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000002", revises = "20260101_000001", message = "create orders")
public class V20260101_000002_CreateOrders implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE orders");
    }
}
