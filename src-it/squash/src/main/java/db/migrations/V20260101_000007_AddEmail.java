package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** After the squashed range: it keeps revising 000006. */
@Revision(id = "20260101_000007", revises = "20260101_000006", message = "add email")
public class V20260101_000007_AddEmail implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("customers", column("email", "text"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("customers", "email");
    }
}
