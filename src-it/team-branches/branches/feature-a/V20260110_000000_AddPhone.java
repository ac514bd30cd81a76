package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260110_000000", revises = "20260101_000002", message = "add phone")
public class V20260110_000000_AddPhone implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE accounts ADD COLUMN phone text");
    }

    @Override public void downgrade(Operations op) {
        op.execute("ALTER TABLE accounts DROP COLUMN phone");
    }
}
