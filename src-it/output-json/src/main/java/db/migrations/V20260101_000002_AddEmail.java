package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000002", revises = "20260101_000001", message = "add email")
public class V20260101_000002_AddEmail implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE accounts ADD COLUMN email text");
    }

    @Override public void downgrade(Operations op) {
        op.execute("ALTER TABLE accounts DROP COLUMN email");
    }
}
