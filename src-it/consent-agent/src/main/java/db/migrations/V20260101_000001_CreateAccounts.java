package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "create accounts")
public class V20260101_000001_CreateAccounts implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL)");
        op.execute("INSERT INTO accounts VALUES (1, 'ada'), (2, 'grace'), (3, 'edsger')");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE accounts");
    }
}
