package dev.migrate.spring.modules.app;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Fixture: the application's own revision, applied after every module. */
@Revision(id = "a1", message = "create app_setting")
public class AppSettings implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE app_setting (name text PRIMARY KEY, ticket_id bigint REFERENCES support_ticket (id))");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("app_setting");
    }
}
