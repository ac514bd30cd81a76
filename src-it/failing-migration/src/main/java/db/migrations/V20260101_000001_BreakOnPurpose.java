package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "break on purpose")
public class V20260101_000001_BreakOnPurpose implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE half_done (id int)");
        op.execute("INSERT INTO no_such_table VALUES (1)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE half_done");
    }
}
