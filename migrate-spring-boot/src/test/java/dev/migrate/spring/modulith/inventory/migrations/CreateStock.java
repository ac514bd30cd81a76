package dev.migrate.spring.modulith.inventory.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Fixture: module inventory's first revision, named by no annotation but Spring Modulith's module. */
@Revision(id = "20261129_090000", message = "create stock")
public class CreateStock implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE stock (sku text PRIMARY KEY, count integer NOT NULL)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("stock");
    }
}
