package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

import java.util.List;
import java.util.Map;

/** A data step by bulkInsert. */
@Revision(id = "20260101_000002", revises = "20260101_000001", message = "create plans")
public class V20260101_000002_CreatePlans implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("plans", column("code", "text").primaryKey(), column("price", "integer").notNull());
        op.bulkInsert("plans", List.of(Map.of("code", "basic", "price", 10), Map.of("code", "pro", "price", 25)));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("plans");
    }
}
