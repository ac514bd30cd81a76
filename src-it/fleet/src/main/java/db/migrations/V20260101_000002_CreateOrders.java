package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000002", revises = "20260101_000001", message = "create orders, one customer per country")
public class V20260101_000002_CreateOrders implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id))");
        // countries is shared: it lives in public, which follows the tenant's schema on the search_path
        op.execute("INSERT INTO customers (country) SELECT code FROM countries ORDER BY code");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DELETE FROM customers");
        op.execute("DROP TABLE orders");
    }
}
