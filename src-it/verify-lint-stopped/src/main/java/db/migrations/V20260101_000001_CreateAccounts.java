package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "create accounts")
public class V20260101_000001_CreateAccounts implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("accounts",
                column("id", "bigint").identity().primaryKey(),
                column("email", "text"),
                column("name", "text"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("accounts");
    }
}
