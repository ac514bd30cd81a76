package dev.migrate.spring.modulithbad.billing.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Fixture: a revision in a package whose module two declarations name differently. */
@Revision(id = "20261129_090000", message = "create invoice")
public class CreateInvoices implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE invoice (id bigint PRIMARY KEY)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("invoice");
    }
}
