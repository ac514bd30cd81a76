package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The same revision, edited after the cache was filled: it now also adds a column no entity has. */
@Revision(id = "20260102_000001", revises = "20260101_000001", message = "add nickname")
public class V20260102_000001_AddNickname implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("agents", column("nickname", "character varying(40)"));
        op.addColumn("agents", column("legacy_code", "integer"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("agents", "legacy_code");
        op.dropColumn("agents", "nickname");
    }
}
