package dev.migrate.cli.mcpchain;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The first revision of the chain the MCP server's tests read and move. */
@Revision(id = "a", message = "create account")
public class A implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("account", column("id", "bigint").primaryKey(), column("name", "text"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("account");
    }
}
