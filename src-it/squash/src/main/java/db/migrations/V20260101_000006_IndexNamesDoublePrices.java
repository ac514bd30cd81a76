package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The last revision the squash replaces: an index and an UPDATE. */
@Revision(id = "20260101_000006", revises = "20260101_000005", message = "index names, double prices")
public class V20260101_000006_IndexNamesDoublePrices implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createIndex("ix_customers_name", "customers", "name");
        op.execute("UPDATE plans SET price = price * 2");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("UPDATE plans SET price = price / 2");
        op.dropIndex("ix_customers_name");
    }
}
