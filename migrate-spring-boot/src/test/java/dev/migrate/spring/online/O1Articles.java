package dev.migrate.spring.online;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "a1", message = "articles")
public class O1Articles implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE articles (id bigint PRIMARY KEY, name text NOT NULL)");
        op.execute("INSERT INTO articles VALUES (1, 'first')");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE articles");
    }
}
