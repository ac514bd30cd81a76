package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "create agents and tasks")
public class V20260101_000001_CreateAgentsAndTasks implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("agents",
                column("id", "bigint").identity().primaryKey(),
                column("name", "varchar(100)"),
                column("email", "varchar(200)"));
        op.createTable("tasks",
                column("id", "bigint").identity().primaryKey(),
                column("agent_id", "bigint"),
                column("title", "varchar(200)"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("tasks");
        op.dropTable("agents");
    }
}
