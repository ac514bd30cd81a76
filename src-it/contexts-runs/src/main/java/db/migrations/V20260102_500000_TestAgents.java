package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260102_500000", revises = "20260102_000001", message = "test agents", contexts = "test")
public class V20260102_500000_TestAgents implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO agents (name, nickname) VALUES ('Tester', 'tt')");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM agents WHERE name = 'Tester'");
    }
}
