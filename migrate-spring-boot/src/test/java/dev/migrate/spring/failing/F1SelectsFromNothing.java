package dev.migrate.spring.failing;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "f1", message = "reads a table that is not there")
public class F1SelectsFromNothing implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO no_such_table VALUES (1)");
    }

    @Override
    public void downgrade(Operations op) {}
}
