package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "create accounts and orders")
public class V20260101_000001_CreateAccounts implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("accounts", column("id", "bigint").primaryKey(), column("email", "text"), column("legacy", "text"));
        op.createTable("orders", column("id", "bigint").primaryKey(), column("account_id", "bigint"));
        op.createIndex("ix_orders_account", "orders", "account_id");
        // rows, and the planner's estimate of them, for the lint with a URL to weigh its findings by
        op.execute("INSERT INTO accounts (id, email) SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 3000) g");
        op.execute("INSERT INTO orders (id, account_id) SELECT g, g FROM generate_series(1, 10) g");
        op.execute("ANALYZE accounts");
        op.execute("ANALYZE orders");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("orders");
        op.dropTable("accounts");
    }
}
