package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000002", revises = "20260101_000001", message = "count once")
public class V20260101_000002_CountOnce implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("INSERT INTO counter VALUES (1)");
        op.execute("SELECT pg_sleep(0.5)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DELETE FROM counter");
    }
}
