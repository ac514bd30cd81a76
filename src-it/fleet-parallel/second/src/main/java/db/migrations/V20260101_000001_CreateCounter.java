package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "create counter")
public class V20260101_000001_CreateCounter implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE counter (n int)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE counter");
    }
}
