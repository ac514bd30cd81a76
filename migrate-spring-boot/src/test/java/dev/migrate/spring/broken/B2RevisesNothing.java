package dev.migrate.spring.broken;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Its parent is in no class: the chain is broken. */
@Revision(id = "b2", revises = "b1", message = "follows a revision nobody wrote")
public class B2RevisesNothing implements Migration {
    @Override
    public void upgrade(Operations op) {}

    @Override
    public void downgrade(Operations op) {}
}
