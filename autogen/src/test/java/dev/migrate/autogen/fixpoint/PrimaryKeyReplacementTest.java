package dev.migrate.autogen.fixpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A primary key that changes while a foreign key still points at the table. */
class PrimaryKeyReplacementTest {
    private static final List<String> LIVE = List.of(
            "CREATE TABLE parent (id bigint NOT NULL, code text NOT NULL, CONSTRAINT parent_pkey PRIMARY KEY (id), "
                    + "CONSTRAINT parent_code_key UNIQUE (code))",
            "CREATE TABLE child (id bigint PRIMARY KEY, parent_code text, "
                    + "CONSTRAINT child_parent_fk FOREIGN KEY (parent_code) REFERENCES parent (code))");

    /** The key moves from id to code; the foreign key on code stays as it is. */
    private static final List<String> ENTITIES = List.of(
            "create table parent (id bigint not null, code text not null, primary key (code), unique (id))",
            "create table child (id bigint primary key, parent_code text)",
            "alter table child add constraint child_parent_fk foreign key (parent_code) references parent (code)");

    @Test
    void foreignKeysLetGoOfTheKeyWhileItIsReplaced() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("pk_replace").getConnection()) {
            run(c, LIVE);
            DatabaseSchema before = new CatalogReader().read(c, List.of("public"));
            MigrationScript diff = Comparisons.of("public").compare(c, ENTITIES);
            assertThat(diff.descriptions())
                    .contains(
                            "removed primary key parent_pkey of parent",
                            "added primary key [code] to parent",
                            "removed foreign key child_parent_fk of public.child");

            run(c, OpSql.renderAll(diff.upgrade()));
            assertThat(Comparisons.of("public").compare(c, ENTITIES).descriptions())
                    .isEmpty();

            run(c, OpSql.renderAll(diff.downgrade()));
            assertThat(new CatalogReader().read(c, List.of("public"))).isEqualTo(before);
        }
    }

    @Test
    void aForeignKeyThatAlsoChangesLetsGoOfTheKeyFirst() throws Exception {
        List<String> entities = List.of(ENTITIES.get(0), ENTITIES.get(1), ENTITIES.get(2) + " on delete cascade");
        try (Connection c = TestPostgres.freshDatabase("pk_replace_fk_change").getConnection()) {
            run(c, LIVE);
            DatabaseSchema before = new CatalogReader().read(c, List.of("public"));
            MigrationScript diff = Comparisons.of("public").compare(c, entities);
            assertThat(diff.descriptions())
                    .contains(
                            "removed primary key parent_pkey of parent",
                            "removed foreign key child_parent_fk of public.child",
                            "foreign key child_parent_fk on public.child: ON DELETE NO ACTION -> CASCADE");

            run(c, OpSql.renderAll(diff.upgrade()));
            assertThat(Comparisons.of("public").compare(c, entities).descriptions())
                    .isEmpty();

            run(c, OpSql.renderAll(diff.downgrade()));
            assertThat(new CatalogReader().read(c, List.of("public"))).isEqualTo(before);
        }
    }

    private static void run(Connection c, List<String> sql) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
