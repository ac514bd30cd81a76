package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260301_000003", revises = "20260301_000002", message = "add status")
public class V20260301_000003_AddStatus implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE parcels ADD COLUMN status text");
    }

    @Override public void downgrade(Operations op) {
        op.execute("ALTER TABLE parcels DROP COLUMN status");
    }
}
