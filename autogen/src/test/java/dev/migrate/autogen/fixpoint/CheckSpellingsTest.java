package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks are compared by what they enforce (SPEC §7), not by how they were spelled: a list of strings
 * against a {@code varchar} column deparses as {@code ARRAY['A'::character varying, ...]} cast to
 * {@code text[]} when written {@code IN (...)}, and as {@code ARRAY['A'::text, ...]} when written
 * {@code = ANY (ARRAY[...])} or {@code col::text IN (...)}; both hold the same {@code text[]}.
 *
 * <p>Peer: Alembic matches check constraints by name only, with a plugin off by default since 1.19.2
 * ({@code alembic.ext.checkconstraint_byname}, whose release note warns of false positives otherwise):
 * it never reports this difference, and never sees a changed expression either. Here expressions are
 * compared, spelling aside.
 */
class CheckSpellingsTest {
    private static final Comparisons COMPARISON = Comparisons.of("public");
    private static final String TABLE = "create table c (id bigint primary key, status varchar(20) not null check (";
    /** How a person, a JPA provider ({@code @Enumerated(STRING)}) or a dump may spell one list. */
    private static final List<String> SPELLINGS = List.of(
            "status in ('ACTIVE', 'SUSPENDED', 'CLOSED')",
            "status = any (array['ACTIVE', 'SUSPENDED', 'CLOSED'])",
            "status::text in ('ACTIVE', 'SUSPENDED', 'CLOSED')",
            "(status)::text = ANY ((ARRAY['ACTIVE'::character varying, 'SUSPENDED'::character varying, "
                    + "'CLOSED'::character varying])::text[])",
            "(status)::text = ANY (ARRAY[('ACTIVE'::character varying)::text, ('SUSPENDED'::character varying)::text, "
                    + "('CLOSED'::character varying)::text])");

    @Test
    void everySpellingOfOneListOfStringsComparesEqualToEveryOtherBothWays() throws Exception {
        for (String live : SPELLINGS) {
            try (Connection c = TestPostgres.freshDatabase("check_spellings").getConnection()) {
                execute(c, TABLE + live + "))");
                for (String entity : SPELLINGS) {
                    assertNoChanges(COMPARISON.compare(c, List.of(TABLE + entity + "))")));
                }
            }
        }
    }

    @Test
    void checksThatEnforceSomethingElseStillDiffer() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("check_spellings").getConnection()) {
            execute(c, TABLE + "status = any (array['ACTIVE', 'SUSPENDED', 'CLOSED'])))");
            // another list
            assertChanged(COMPARISON.compare(c, List.of(TABLE + "status in ('ACTIVE', 'CLOSED')))")));
            // a cast to varchar(3) cuts each string to three characters before the comparison
            assertChanged(COMPARISON.compare(
                    c,
                    List.of(TABLE + "status::text = any (array['ACTIVE'::varchar(3), 'SUSPENDED'::varchar(3), "
                            + "'CLOSED'::varchar(3)]::text[])))")));
            // the strings in another order of case
            assertChanged(COMPARISON.compare(c, List.of(TABLE + "status in ('active', 'suspended', 'closed')))")));
        }
    }

    private static void assertChanged(MigrationScript diff) {
        assertThat(diff.descriptions()).anyMatch(d -> d.contains("check constraint"));
    }
}
