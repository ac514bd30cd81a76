package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The shop as it runs in production, with its rows. */
@Revision(id = "20260101_000001", message = "create shop")
public class V20260101_000001_CreateShop implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name varchar(100) NOT NULL, fax text)");
        op.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, amount integer NOT NULL, note text)");
        op.execute("INSERT INTO customers SELECT g, 'customer ' || g, '555-' || g FROM generate_series(1, 20) g");
        op.execute("INSERT INTO orders SELECT g, 1 + g % 20, g, NULL FROM generate_series(1, 2500) g");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE orders, customers");
    }
}
