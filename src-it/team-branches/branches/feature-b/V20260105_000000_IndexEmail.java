package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Written before add phone, merged after it. */
@Revision(id = "20260105_000000", revises = "20260101_000002", message = "index email")
public class V20260105_000000_IndexEmail implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE accounts ADD COLUMN email text");
        op.execute("CREATE INDEX ix_accounts_email ON accounts (email)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP INDEX ix_accounts_email");
        op.execute("ALTER TABLE accounts DROP COLUMN email");
    }
}
