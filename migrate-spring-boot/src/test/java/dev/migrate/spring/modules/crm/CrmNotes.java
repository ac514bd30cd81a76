package dev.migrate.spring.modules.crm;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Fixture: a library module's revision, its module named by the module.properties its class path element ships. */
@Revision(id = "20261129_090000", message = "create crm_note")
public class CrmNotes implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE crm_note (id bigint PRIMARY KEY, body text)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("crm_note");
    }
}
