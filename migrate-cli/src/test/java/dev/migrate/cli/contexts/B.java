package dev.migrate.cli.contexts;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The plain head: runs in every context. */
@Revision(id = "b", revises = "a", message = "add name")
public class B implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("currency", column("name", "text"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("currency", "name");
    }
}
