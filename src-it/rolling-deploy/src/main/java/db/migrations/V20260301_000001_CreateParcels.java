package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260301_000001", message = "create parcels")
public class V20260301_000001_CreateParcels implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE parcels (id bigint PRIMARY KEY)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE parcels");
    }
}
