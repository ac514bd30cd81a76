package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260301_000004", revises = {"20260301_000002", "20260301_000003"}, message = "merge orders and products")
public class V20260301_000004_MergeOrdersAndProducts implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE order_lines (order_id bigint NOT NULL REFERENCES orders, product_id bigint NOT NULL REFERENCES products, quantity integer NOT NULL, PRIMARY KEY (order_id, product_id))");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE order_lines");
    }
}
