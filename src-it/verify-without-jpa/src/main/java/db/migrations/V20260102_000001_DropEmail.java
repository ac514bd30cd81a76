package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Drops a middle column: the downgrade can only add it back at the end, which verify accepts. */
@Revision(id = "20260102_000001", revises = "20260101_000001", message = "drop email")
public class V20260102_000001_DropEmail implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.dropColumn("accounts", "email");
    }

    @Override
    public void downgrade(Operations op) {
        op.addColumn("accounts", column("email", "text"));
    }
}
