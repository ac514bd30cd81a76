package dev.migrate.op;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text of a name, as shorthands take it, read back as the same (schema, name) whatever the name holds. */
class QualifiedNameTest {
    @Test
    void plainTextReadsAsBefore() {
        assertThat(QualifiedName.parse("agents")).isEqualTo(QualifiedName.of(null, "agents"));
        assertThat(QualifiedName.parse("app.agents")).isEqualTo(QualifiedName.of("app", "agents"));
        assertThat(QualifiedName.parse("App.Agents")).isEqualTo(QualifiedName.of("App", "Agents"));
        assertThat(QualifiedName.parse("a.b.c")).isEqualTo(QualifiedName.of("a", "b.c"));
        assertThat(QualifiedName.parse("app.unit price")).isEqualTo(QualifiedName.of("app", "unit price"));
    }

    @Test
    void aQuotedPartIsTakenAsItStandsInsideTheQuotes() {
        assertThat(QualifiedName.parse("\"public.ix_orders\"")).isEqualTo(QualifiedName.of(null, "public.ix_orders"));
        assertThat(QualifiedName.parse("public.\"public.ix_orders\""))
                .isEqualTo(QualifiedName.of("public", "public.ix_orders"));
        assertThat(QualifiedName.parse("\"my.app\".\"a\"\"b\"")).isEqualTo(QualifiedName.of("my.app", "a\"b"));
        assertThat(QualifiedName.parse("\"my.app\".orders")).isEqualTo(QualifiedName.of("my.app", "orders"));
    }

    @Test
    void everyNameIsSpelledSoThatItIsReadBack() {
        String[] parts = {
            "orders",
            "Order.Items",
            "public.ix_orders",
            "\"x\".y",
            "say \"hi\"",
            "prix €",
            "ü".repeat(31) + "x",
            "\"",
            "a.",
            ".a"
        };
        for (String schema : new String[] {null, "public", "my.app", "\"q\""}) {
            for (String name : parts) {
                QualifiedName q = QualifiedName.of(schema, name);
                assertThat(QualifiedName.parse(q.text())).as(q.text()).isEqualTo(q);
            }
        }
        assertThat(QualifiedName.of("app", "agents").text()).isEqualTo("app.agents");
        assertThat(QualifiedName.of("public", "public.ix_orders").text()).isEqualTo("public.\"public.ix_orders\"");
    }
}
