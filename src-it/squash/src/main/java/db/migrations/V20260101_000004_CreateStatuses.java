package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The other branch from 000002, with a data step by op.execute. */
@Revision(id = "20260101_000004", revises = "20260101_000002", message = "create statuses")
public class V20260101_000004_CreateStatuses implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("statuses", column("code", "text").primaryKey());
        op.execute("INSERT INTO statuses (code) VALUES ('active'), ('closed')");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("statuses");
    }
}
