package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20261120_093000", message = "create customers")
public class V20261120_093000_CreateCustomers implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customers",
                column("id", "bigint").identity().primaryKey(),
                column("email", "character varying(200)").notNull(),
                unique("customers_email_key", "email"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customers");
    }
}
