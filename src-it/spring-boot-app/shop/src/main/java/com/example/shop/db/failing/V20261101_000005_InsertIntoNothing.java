package com.example.shop.db.failing;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Started with the profile failing-migration: the next migration after head, which fails on the database. */
@Revision(id = "20261101_000005", revises = "20261101_000004", message = "insert into a table that is not there")
public class V20261101_000005_InsertIntoNothing implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("INSERT INTO no_such_table VALUES (1)");
    }

    @Override public void downgrade(Operations op) {
    }
}
