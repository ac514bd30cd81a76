package dev.migrate.spring.modulith.orders.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Fixture: the same id as inventory's revision, and a foreign key that needs inventory's table first. */
@Revision(id = "20261129_090000", message = "create purchase_order")
public class CreateOrders implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE purchase_order (id bigint PRIMARY KEY, sku text NOT NULL REFERENCES stock (sku))");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("purchase_order");
    }
}
