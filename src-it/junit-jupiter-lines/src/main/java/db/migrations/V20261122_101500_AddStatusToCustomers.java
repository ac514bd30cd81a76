package db.migrations;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.sql.Statement;

/** Adds a status; customers of the partner domain become partners, everyone else is active. */
@Revision(id = "20261122_101500", revises = "20261120_093000", message = "add status to customers")
public class V20261122_101500_AddStatusToCustomers implements Migration {
    @Override public void upgrade(Operations op) {
        op.addColumn("customers", column("status", "character varying(20)").notNull().defaultValue("'active'"));
        op.jdbc(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE customers SET status = 'partner' WHERE email LIKE '%@partner.example'");
            }
        });
        op.createIndex("ix_customers_status", "customers", "status");
    }

    @Override public void downgrade(Operations op) {
        op.dropIndex("ix_customers_status");
        op.dropColumn("customers", "status");
    }
}
