package dev.migrate.command.modules.core;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Fixture: core's first revision. */
@Revision(id = "20261129_090000", message = "create customers")
public class CreateCustomers implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE customers (id bigint PRIMARY KEY)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE customers");
    }
}
