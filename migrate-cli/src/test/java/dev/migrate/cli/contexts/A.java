package dev.migrate.cli.contexts;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The first plain revision: runs in every context. */
@Revision(id = "a", message = "create currency")
public class A implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("currency", column("code", "text").primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("currency");
    }
}
