package com.example.shop.db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A data migration that is a Spring bean: the starter runs this instance, with its injected setting. */
@Component
@Revision(id = "20261101_000004", revises = "20261101_000003", message = "seed customers")
public class V20261101_000004_SeedCustomers implements Migration {
    private final List<String> names;

    public V20261101_000004_SeedCustomers(@Value("${shop.seed-customers}") List<String> names) {
        this.names = names;
    }

    @Override public void upgrade(Operations op) {
        op.bulkInsert("customer", names.stream().map(n -> Map.<String, Object>of("name", n)).toList());
    }

    @Override public void downgrade(Operations op) {
        op.execute("DELETE FROM customer");
    }
}
