package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.op.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared rows through the whole comparison on the embedded default: the chain replayed for the rows at head, the
 * differences after the schema's, and an unchanged project compared again without a server for them.
 */
class DeclaredRowsAutogenerateTest {
    private static final List<String> ENTITIES =
            List.of("create table plans (tier text not null, price numeric(8,2) not null, primary key (tier))");

    @Revision(id = "p1", message = "plans")
    public static class Plans implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "plans",
                    column("tier", "text").primaryKey(),
                    column("price", "numeric(8,2)").notNull());
            op.insertRows(
                    "plans",
                    Rows.keyedBy("tier")
                            .columns("tier", "price")
                            .row("free", "0")
                            .row("pro", "9.90"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("plans");
        }
    }

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    @Test
    void theDeclaredRowsAreComparedAfterTheSchemaAndAnUnchangedProjectStartsNoServerForThem() throws Exception {
        Migrator chain = Migrator.builder().migrations(Plans.class).build();
        TestThrowaways servers = new TestThrowaways(null);

        AutogenerateResult more =
                Autogenerate.run(request(chain, "tier,price\nfree,0\npro,9.90\nteam,29\n"), servers, log::add);
        assertThat(more.script().descriptions()).containsExactly("added 1 row of public.plans (tier team)");

        Autogenerate.run(request(chain, "tier,price\nfree,0.00\npro,9.9\n"), servers, log::add);
        int started = servers.started;
        log.clear();
        AutogenerateResult same =
                Autogenerate.run(request(chain, "tier,price\nfree,0.00\npro,9.9\n"), servers, log::add);
        assertThat(same.script().isEmpty()).isTrue();
        assertThat(servers.started).as("an unchanged project starts no server").isEqualTo(started);
        assertThat(log).anyMatch(line -> line.startsWith("The declared rows match the rows at head"));
    }

    private AutogenerateRequest request(Migrator chain, String plans) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("plans.csv"), plans);
        return AutogenerateRequest.builder(chain, new AutogenerateTest.Entities(ENTITIES))
                .entityCacheIn(dir.resolve("entity-cache"))
                .replayCacheIn(dir.resolve("replay-cache"))
                .declaringRows(DeclaredRows.in(data, "src/main/resources/db/data", "public"), 1000)
                .build();
    }
}
