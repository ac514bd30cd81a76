package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** A slow data migration: a deploy log must show that it is still running, and where. */
@Revision(id = "20260101_000002", revises = "20260101_000001", message = "backfill names")
public class V20260101_000002_BackfillNames implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("UPDATE accounts SET name = upper(name)");
        op.execute("SELECT pg_sleep(5)");
    }

    @Override public void downgrade(Operations op) {
    }
}
