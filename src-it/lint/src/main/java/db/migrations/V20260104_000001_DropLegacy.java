package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.SuppressLint;

@SuppressLint(rules = "backward-incompatible", reason = "release 4.2 stopped reading legacy")
@Revision(id = "20260104_000001", revises = "20260103_000001", message = "drop legacy")
public class V20260104_000001_DropLegacy implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.dropColumn("accounts", "legacy");
    }

    @Override
    public void downgrade(Operations op) {
        op.addColumn("accounts", column("legacy", "text"));
    }
}
