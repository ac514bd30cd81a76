package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260301_000005", revises = "20260301_000004", message = "index orders by customer", transactional = false, dependsOn = "20260301_000003")
public class V20260301_000005_IndexOrders implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP INDEX CONCURRENTLY orders_customer_id_idx");
    }
}
