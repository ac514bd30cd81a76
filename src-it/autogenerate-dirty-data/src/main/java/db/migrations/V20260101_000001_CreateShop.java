package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The shop as it runs in production, with the rows it has gathered: NULLs, duplicates, long values, orphans. */
@Revision(id = "20260101_000001", message = "create shop")
public class V20260101_000001_CreateShop implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customers",
                column("id", "bigint").primaryKey(),
                column("email", "character varying(1000)"),
                column("code", "character varying(50)"));
        op.createTable("orders",
                column("id", "bigint").primaryKey(),
                column("customer_id", "bigint"),
                column("amount", "numeric(12,2)"));
        op.createTable("events",
                column("id", "bigint").primaryKey(),
                column("kind", "character varying(20)").notNull());
        op.execute("INSERT INTO customers VALUES (1, NULL, 'A'), (2, NULL, 'A'), (3, NULL, 'B'),"
                + " (4, repeat('e', 300), 'C'), (5, 'five@example.com', 'D')");
        op.execute("INSERT INTO orders VALUES (1, 1, 10.50), (2, 99, 12345.67)");
        op.execute("INSERT INTO events SELECT g, 'kind' || (g % 7) FROM generate_series(1, 150000) g");
        op.execute("ANALYZE events");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("events");
        op.dropTable("orders");
        op.dropTable("customers");
    }
}
