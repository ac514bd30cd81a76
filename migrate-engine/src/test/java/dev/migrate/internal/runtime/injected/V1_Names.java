package dev.migrate.internal.runtime.injected;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "i1", message = "create names")
public class V1_Names implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("names", column("name", "text").primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("names");
    }
}
