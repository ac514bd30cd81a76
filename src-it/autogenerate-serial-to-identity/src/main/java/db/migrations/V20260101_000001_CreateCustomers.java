package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "create customers")
public class V20260101_000001_CreateCustomers implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customers",
                column("id", "bigserial").primaryKey(),
                column("email", "varchar(100)").notNull());
        // rows numbered up to 1000, the last ten deleted: the sequence is past the largest id
        op.execute("INSERT INTO customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 1000) g");
        op.execute("DELETE FROM customers WHERE id > 990");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customers");
    }
}
