package com.example.shop.db.migrations;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20261101_000003", revises = "20261101_000002", message = "add customer email")
public class V20261101_000003_AddCustomerEmail implements Migration {
    @Override public void upgrade(Operations op) {
        op.addColumn("customer", column("email", "varchar(200)"));
    }

    @Override public void downgrade(Operations op) {
        op.dropColumn("customer", "email");
    }
}
