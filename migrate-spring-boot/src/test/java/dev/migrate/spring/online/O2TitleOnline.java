package dev.migrate.spring.online;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.op.OnlineChange;

@Revision(id = "a2", revises = "a1", message = "titles")
public class O2TitleOnline implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.online(OnlineChange.renameColumn("articles", "name", "title"));
    }

    @Override
    public void downgrade(Operations op) {
        op.renameColumn("articles", "title", "name");
    }
}
