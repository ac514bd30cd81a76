package com.example.shop.db.migrations;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20261101_000002", revises = "20261101_000001", message = "create purchase_order")
public class V20261101_000002_CreatePurchaseOrder implements Migration {
    @Override public void upgrade(Operations op) {
        op.createTable("purchase_order", column("id", "bigint").identity().primaryKey(),
                column("customer_id", "bigint"), column("total", "numeric(10,2)"));
        op.addForeignKey("purchase_order", foreignKey("fk_purchase_order_customer", "customer_id").references("customer", "id"));
    }

    @Override public void downgrade(Operations op) {
        op.dropTable("purchase_order");
    }
}
