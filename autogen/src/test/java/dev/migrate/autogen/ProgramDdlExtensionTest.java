package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.tooling.OpSql;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A program that prints {@code CREATE EXTENSION} before the tables that use its types (LangChain4j's pgvector DDL
 * does): the extension is added first, as the tables need it, and a chain that creates it is in sync, where the
 * statement was named as not handled before.
 */
class ProgramDdlExtensionTest {
    private static final List<String> DDL = List.of(
            "CREATE EXTENSION IF NOT EXISTS citext",
            "create table notes (id bigint not null, tag citext, primary key (id))");

    @Revision(id = "ext1", message = "create notes")
    public static class CreateNotes implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE EXTENSION IF NOT EXISTS citext");
            op.createTable("notes", column("id", "bigint").primaryKey(), column("tag", "citext"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("notes");
            op.execute("DROP EXTENSION citext");
        }
    }

    @Test
    void theExtensionComesFirstAndAChainThatCreatesItIsInSync() {
        AutogenerateResult fromEmpty = run(Migrator.builder().build());
        assertThat(fromEmpty.script().descriptions()).first().isEqualTo("added extension citext");
        assertThat(OpSql.renderAll(fromEmpty.script().upgrade()))
                .first()
                .isEqualTo("CREATE EXTENSION IF NOT EXISTS citext");

        assertThat(run(Migrator.builder().migrations(CreateNotes.class).build())
                        .script()
                        .descriptions())
                .isEmpty();
    }

    private static AutogenerateResult run(Migrator chain) {
        EntityDdlSource program = PrintedDdl.of(DDL);
        return Autogenerate.run(
                AutogenerateRequest.builder(chain, program).build(), new TestThrowaways(null), line -> {});
    }
}
