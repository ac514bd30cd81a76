package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "create agents")
public class V20260101_000001_CreateAgents implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("agents",
                column("id", "bigint").identity().primaryKey(),
                column("name", "character varying(100)").notNull());
        // a statement the reading of the chain's SQL does not take: a cold check replays this chain, as the
        // project is about the schema that replay keeps (check-reads-plain-chain has the chain read instead)
        op.execute("ANALYZE agents");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("agents");
    }
}
