package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.op.EnumOp;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An enum type no entity declares but some column still uses after the migration is left in place:
 * PostgreSQL refuses {@code DROP TYPE} while a column (of any table, managed or excluded, of the type
 * or an array of it), a domain over it or a view uses it (2BP01). A JPA provider never declares the
 * type itself, so an entity that names it in {@code columnDefinition} relies on it staying.
 */
class EnumStillInUseTest {
    private static final String[] LIVE = {
        "create type mood as enum ('happy', 'sad')",
        "create type rating as enum ('G', 'PG')",
        "create type genre as enum ('drama', 'comedy')",
        "create type unused as enum ('x')",
        "create table people (id bigint primary key, moods mood[])",
        // a table no entity maps, excluded from the comparison
        "create table legacy_film (id int primary key, rating rating)",
        // a domain over a type, used by nothing but itself
        "create domain genre_d as genre",
    };

    @Test
    void aTypeAColumnOrADomainStillUsesIsNotDroppedAndAnUnusedOneIs() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("enum_in_use").getConnection()) {
            execute(c, LIVE);
            Comparisons comparison =
                    Comparisons.of("public").excluding(List.of("legacy_film"), "migrate_version", "migrate_history");
            // the entity names the types in columnDefinition: "mood[]", "rating"
            MigrationScript diff = comparison.compare(
                    c, List.of("create table people (id bigint not null, moods mood[], r rating, primary key (id))"));

            assertThat(diff.descriptions())
                    .noneMatch(d -> d.contains("enum type public.mood"))
                    .noneMatch(d -> d.contains("enum type public.rating"))
                    .noneMatch(d -> d.contains("enum type public.genre"))
                    .anyMatch(d -> d.contains("removed enum type public.unused"));
            assertThat(diff.upgrade())
                    .filteredOn(op -> op instanceof EnumOp.DropEnum)
                    .singleElement()
                    .matches(op -> ((EnumOp.DropEnum) op).type().name().equals("unused"));

            run(c, diff.upgrade());
            run(c, diff.downgrade());
        }
    }

    @Test
    void aTypeOnlyADroppedColumnUsedIsDroppedAfterIt() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("enum_in_use").getConnection()) {
            execute(c, LIVE[0], "create table people (id bigint primary key, moods mood[])");
            MigrationScript diff = Comparisons.of("public")
                    .compare(c, List.of("create table people (id bigint not null, primary key (id))"));
            assertThat(diff.descriptions()).anyMatch(d -> d.contains("removed enum type public.mood"));
            run(c, diff.upgrade());
            run(c, diff.downgrade());
        }
    }
}
