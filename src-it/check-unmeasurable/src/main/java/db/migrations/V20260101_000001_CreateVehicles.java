package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The fleet as it runs in production: the vehicle's type stored by name, one vehicle without a name. */
@Revision(id = "20260101_000001", message = "create vehicles")
public class V20260101_000001_CreateVehicles implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("vehicles",
                column("id", "bigint").primaryKey(),
                column("type", "character varying(20)"),
                column("name", "character varying(100)"));
        op.execute("INSERT INTO vehicles VALUES (1, 'CAR', 'first'), (2, 'TRUCK', NULL), (3, 'CAR', 'third')");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("vehicles");
    }
}
