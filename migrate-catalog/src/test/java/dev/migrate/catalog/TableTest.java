package dev.migrate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void respellingPassesOnlyTheExpressionsTheTableHas() {
        Table table = new Table(
                "public",
                "orders",
                List.of(
                        TableColumn.of("id", "bigint", false),
                        new TableColumn("state", "text", false, "'new'::text", null, null, null, null)),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new Index(
                        "orders_state", false, "btree", List.of("state"), List.of(), null, false, "CREATE INDEX")),
                null);
        List<String> respelled = new ArrayList<>();

        Table result = table.withExpressions(e -> {
            respelled.add(e);
            return e.toUpperCase(Locale.ROOT);
        });

        assertThat(respelled).containsExactly("'new'::text", "state", "CREATE INDEX");
        assertThat(result.columns().get(0).defaultExpression()).isNull();
        assertThat(result.columns().get(1).defaultExpression()).isEqualTo("'NEW'::TEXT");
        assertThat(result.indexes().get(0).where()).isNull();
    }
}
