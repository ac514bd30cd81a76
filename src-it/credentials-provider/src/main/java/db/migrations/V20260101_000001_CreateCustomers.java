package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "create customers")
public class V20260101_000001_CreateCustomers implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE customers (id bigint PRIMARY KEY)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE customers");
    }
}
