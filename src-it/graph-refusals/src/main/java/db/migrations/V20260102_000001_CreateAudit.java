package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260102_000001", message = "create audit", branchLabels = "audit", dependsOn = "20260101_000001")
public class V20260102_000001_CreateAudit implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE TABLE audit (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts)");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TABLE audit");
    }
}
