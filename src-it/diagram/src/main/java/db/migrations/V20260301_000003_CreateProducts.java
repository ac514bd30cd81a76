package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260301_000003", revises = "20260301_000001", message = "create products")
public class V20260301_000003_CreateProducts implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE products (id bigint PRIMARY KEY, title text NOT NULL)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE products");
    }
}
