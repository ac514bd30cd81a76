package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order the script puts its groups in runs on PostgreSQL, both ways. */
class ScriptOrderOnPostgresTest {
    /** Two tables that point at each other: one foreign key must wait for the other table. */
    private static final List<String> CYCLE = List.of(
            "create table parents (id bigint primary key, favourite_child_id bigint)",
            "create table children (id bigint primary key, parent_id bigint not null)",
            "alter table if exists children add constraint fk_children_parent foreign key (parent_id) references parents",
            "alter table if exists parents add constraint fk_parents_child foreign key (favourite_child_id) references children");

    @Test
    void tablesThatPointAtEachOtherAreCreatedAndDroppedInAnOrderThatRuns() throws Exception {
        Comparisons comparison = Comparisons.of("public");
        try (Connection c = TestPostgres.freshDatabase("order_cycle").getConnection()) {
            MigrationScript script = comparison.compare(c, CYCLE);
            assertThat(script.upgradeGroups())
                    .extracting(g -> g.table().name())
                    .containsExactly("children", "parents", "children");

            run(c, script.upgrade());
            assertNoChanges(comparison.compare(c, CYCLE));
            run(c, script.downgrade());
            assertThat(comparison.compare(c, List.of()).descriptions()).isEmpty();
        }
    }

    @Test
    void aTableThatGoesIsDroppedBeforeANewOneTakesItsIndexName() throws Exception {
        Comparisons comparison = Comparisons.of("public");
        try (Connection c = TestPostgres.freshDatabase("order_replace").getConnection()) {
            execute(
                    c,
                    "CREATE TABLE old_codes (id bigint PRIMARY KEY, code text)",
                    "CREATE INDEX ix_code ON old_codes (code)");
            List<String> entities = List.of(
                    "create table new_codes (id bigint primary key, code text, label text)",
                    "create index ix_code on new_codes (code)");

            MigrationScript script = comparison.compare(c, entities);
            assertThat(script.upgradeGroups())
                    .extracting(OpGroup::table)
                    .extracting(t -> t.name())
                    .containsExactly("old_codes", "new_codes");

            run(c, script.upgrade());
            assertNoChanges(comparison.compare(c, entities));
            run(c, script.downgrade());
            assertThat(comparison.compare(c, entities).descriptions()).containsExactlyElementsOf(script.descriptions());
        }
    }
}
