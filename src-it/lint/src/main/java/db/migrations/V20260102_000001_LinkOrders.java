package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260102_000001", revises = "20260101_000001", message = "link orders")
public class V20260102_000001_LinkOrders implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addForeignKey("orders", foreignKey("fk_orders_account", "account_id").references("accounts", "id"));
        op.createIndex("ix_accounts_email", "accounts", "email");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_accounts_email");
        op.dropConstraint("orders", "fk_orders_account");
    }
}
