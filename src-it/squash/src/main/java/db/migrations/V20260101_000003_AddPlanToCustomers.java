package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** One branch from 000002. */
@Revision(id = "20260101_000003", revises = "20260101_000002", message = "add plan to customers")
public class V20260101_000003_AddPlanToCustomers implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("customers", column("plan_code", "text"));
        op.addForeignKey("customers", foreignKey("fk_customers_plan", "plan_code").references("plans", "code"));
        // objects beside tables: the squash keeps them, each after what it reads
        op.execute("CREATE FUNCTION yearly(price numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT price * 12'");
        op.execute("CREATE VIEW customer_plans AS SELECT c.name, p.code, yearly(p.price) AS yearly_price "
                + "FROM customers c JOIN plans p ON p.code = c.plan_code");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP VIEW customer_plans");
        op.execute("DROP FUNCTION yearly(numeric)");
        op.dropConstraint("customers", "fk_customers_plan");
        op.dropColumn("customers", "plan_code");
    }
}
