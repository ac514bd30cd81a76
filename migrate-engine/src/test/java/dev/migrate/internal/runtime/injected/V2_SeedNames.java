package dev.migrate.internal.runtime.injected;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.util.List;
import java.util.Map;

/** A data migration that needs what a container gives it: it has no no-argument constructor. */
@Revision(id = "i2", revises = "i1", message = "seed names")
public class V2_SeedNames implements Migration {
    private final List<String> names;

    public V2_SeedNames(List<String> names) {
        this.names = names;
    }

    @Override
    public void upgrade(Operations op) {
        op.bulkInsert(
                "names",
                names.stream().map(n -> Map.<String, Object>of("name", n)).toList());
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM names");
    }
}
