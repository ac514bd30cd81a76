package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260301_000004", revises = {"20260301_000002", "20260301_000003"}, message = "merge orders and products")
public class V20260301_000004_MergeOrdersAndProducts implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE order_lines (order_id bigint NOT NULL REFERENCES orders, product_id bigint NOT NULL REFERENCES products, quantity integer NOT NULL, PRIMARY KEY (order_id, product_id))");
        op.execute("CREATE VIEW customer_totals AS SELECT c.id AS customer_id, c.name, sum(o.total) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name");
        op.execute("CREATE MATERIALIZED VIEW best_customers AS SELECT customer_id, total FROM customer_totals ORDER BY total DESC LIMIT 10");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP MATERIALIZED VIEW best_customers");
        op.execute("DROP VIEW customer_totals");
        op.execute("DROP TABLE order_lines");
    }
}
