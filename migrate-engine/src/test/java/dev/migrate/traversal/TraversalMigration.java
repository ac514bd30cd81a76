package dev.migrate.traversal;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/**
 * What every generated migration of a {@link Shape} does: its upgrade creates a table named after
 * its revision and notes the run in {@code ran}; its downgrade drops that table and notes it. So
 * a migration that runs twice fails ("relation already exists"), a downgrade of the wrong revision
 * drops the wrong table, and the tables present always show what the database really applied.
 */
public abstract class TraversalMigration implements Migration {

    private String id() {
        return getClass().getAnnotation(Revision.class).id();
    }

    @Override
    public void upgrade(Operations op) {
        op.createTable("t_" + id(), column("id", "int"));
        op.execute("INSERT INTO ran (step) VALUES ('up " + id() + "')");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t_" + id());
        op.execute("INSERT INTO ran (step) VALUES ('down " + id() + "')");
    }
}
