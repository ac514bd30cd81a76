package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260301_000002", revises = "20260301_000001", message = "add weight")
public class V20260301_000002_AddWeight implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE parcels ADD COLUMN weight integer CHECK (weight > 0)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("ALTER TABLE parcels DROP COLUMN weight");
    }
}
