package dev.migrate.cli.mcpchain;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The second: a column, which its downgrade drops. */
@Revision(id = "b", revises = "a", message = "add email")
public class B implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("account", column("email", "text"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("account", "email");
    }
}
