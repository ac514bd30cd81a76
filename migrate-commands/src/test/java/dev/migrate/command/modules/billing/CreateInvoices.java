package dev.migrate.command.modules.billing;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Fixture: billing's first revision, the same id as core's. */
@Revision(id = "20261129_090000", message = "create invoices")
public class CreateInvoices implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id))");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE invoices");
    }
}
