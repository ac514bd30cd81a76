package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260102_000001", revises = "20260101_000001", message = "add nickname")
public class V20260102_000001_AddNickname implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("agents", column("nickname", "varchar(40)"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("agents", "nickname");
    }
}
