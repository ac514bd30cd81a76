package dev.migrate.spring.modules.support;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Fixture: a module on crm, with the same id as crm's revision; its foreign key needs crm's table first. */
@Revision(id = "20261129_090000", message = "create support_ticket")
public class SupportTickets implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE support_ticket (id bigint PRIMARY KEY, note_id bigint REFERENCES crm_note (id))");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("support_ticket");
    }
}
