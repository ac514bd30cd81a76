package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

// released long ago: its index build without CONCURRENTLY is a lint finding no pull request should see again
@Revision(id = "20260101_000002", revises = "20260101_000001", message = "index names")
public class V20260101_000002_IndexNames implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE INDEX ix_accounts_name ON accounts (name)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP INDEX ix_accounts_name");
    }
}
