package db.migrations;

import static dev.migrate.Ddl.index;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "unique emails", transactional = false)
public class V20260101_000001_UniqueEmails implements Migration {
    @Override public void upgrade(Operations op) {
        op.createIndex(index("ix_accounts_email", "accounts", "email").unique().concurrently());
    }

    @Override public void downgrade(Operations op) {
        op.dropIndexConcurrently("ix_accounts_email");
    }
}
