package com.example.lines.db.migrations;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20261101_000001", message = "create customer")
public class V20261101_000001_CreateCustomer implements Migration {
    @Override public void upgrade(Operations op) {
        op.createTable("customer", column("id", "bigint").identity().primaryKey(),
                column("name", "varchar(100)").notNull());
    }

    @Override public void downgrade(Operations op) {
        op.dropTable("customer");
    }
}
