package db.beans;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.util.List;
import java.util.Map;

/** A data migration written as a Spring bean: its constructor takes what the container injects. */
@Revision(id = "20260101_000002", message = "seed accounts")
public class V20260101_000002_SeedAccounts implements Migration {
    private final List<String> names;

    public V20260101_000002_SeedAccounts(List<String> names) {
        this.names = names;
    }

    @Override
    public void upgrade(Operations op) {
        op.bulkInsert("accounts", names.stream().map(n -> Map.<String, Object>of("name", n)).toList());
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM accounts");
    }
}
