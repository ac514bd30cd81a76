package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

// an id picked by hand, far ahead of any clock
@Revision(id = "20991231_235959", revises = "20260101_000001", message = "planned")
public class V20991231_235959_Planned implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE accounts ADD COLUMN email text");
    }

    @Override public void downgrade(Operations op) {
        op.execute("ALTER TABLE accounts DROP COLUMN email");
    }
}
