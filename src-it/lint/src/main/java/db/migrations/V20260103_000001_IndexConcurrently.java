package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260103_000001", revises = "20260102_000001", message = "index legacy", transactional = false)
public class V20260103_000001_IndexConcurrently implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createIndex(index("ix_accounts_legacy", "accounts", "legacy").concurrently());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_accounts_legacy");
    }
}
