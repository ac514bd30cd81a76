package dev.migrate.spring.contexts;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Test rows on top of the plain head: only a run given the context test applies them. */
@Revision(id = "c", revises = "b", message = "test currencies", contexts = "test")
public class C implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO currency VALUES ('XTS', 'testing')");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM currency WHERE code = 'XTS'");
    }
}
