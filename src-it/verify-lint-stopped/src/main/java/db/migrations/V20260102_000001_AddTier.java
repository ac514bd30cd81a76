package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Round-trips on an empty table, but fails on one with rows: a NOT NULL column without a default. */
@Revision(id = "20260102_000001", revises = "20260101_000001", message = "add tier")
public class V20260102_000001_AddTier implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("accounts", column("tier", "text").notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("accounts", "tier");
    }
}
