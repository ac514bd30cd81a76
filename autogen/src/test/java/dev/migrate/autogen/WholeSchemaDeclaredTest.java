package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An index entities cannot express (an expression, another method) that the chain built and the desired schema no
 * longer declares: where the desired side is the whole schema (SQL schema files, a program's DDL), it is dropped, as
 * the docs say of an object no file declares; where it is entities', it is kept, with a warning, as before.
 */
class WholeSchemaDeclaredTest {
    private static final List<String> DDL =
            List.of("create table docs (id bigint not null, title text, primary key (id))");

    @Revision(id = "w1", message = "create docs")
    public static class CreateDocs implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("docs", column("id", "bigint").primaryKey(), column("title", "text"));
            op.execute("CREATE INDEX docs_title_lower ON docs (lower(title))");
            op.execute("CREATE INDEX docs_title_hash ON docs USING hash (title)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("docs");
        }
    }

    @Test
    void anIndexNoLongerDeclaredIsDroppedWhereTheWholeSchemaIsDeclared() {
        AutogenerateResult declared = run(true);
        assertThat(declared.script().descriptions())
                .containsExactlyInAnyOrder(
                        "removed index docs_title_lower on docs", "removed index docs_title_hash on docs");
        assertThat(declared.script().warnings()).noneMatch(w -> w.startsWith("Kept index"));
    }

    @Test
    void entitiesLeaveWhatTheyCannotExpressAlone() {
        AutogenerateResult entities = run(false);
        assertThat(entities.script().descriptions()).isEmpty();
        assertThat(entities.script().warnings())
                .hasSize(2)
                .allSatisfy(w -> assertThat(w).startsWith("Kept index docs_title_"));
    }

    private static AutogenerateResult run(boolean wholeSchema) {
        EntityDdlSource program = PrintedDdl.of(DDL);
        Migrator chain = Migrator.builder().migrations(CreateDocs.class).build();
        return Autogenerate.run(
                AutogenerateRequest.builder(chain, program)
                        .declaringTheWholeSchema(wholeSchema)
                        .build(),
                new TestThrowaways(null),
                line -> {});
    }
}
