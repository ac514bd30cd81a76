package dev.migrate.internal.graph;

import static dev.migrate.internal.graph.Revs.depending;
import static dev.migrate.internal.graph.Revs.labelled;
import static dev.migrate.internal.graph.Revs.rev;
import static dev.migrate.internal.graph.Revs.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plans Django's loader tests expect of squashed migrations ({@code replaces}), on migrate's
 * graph: a version-row state in, the revisions an upgrade runs out. Django records every applied
 * migration; the version table here holds only the heads of what is applied, so Django's "1 and 2
 * recorded" reads as the row {@code 2}. Django squashes any stretch of a chain; a squash here builds
 * the schema from nothing, so it replaces a prefix from the base, and Django's fixtures are moved to
 * the nearest prefix where they squash a middle stretch (each test says how).
 */
class SquashPlanningTest {

    private static RevisionInfo squash(String id, String... replaces) {
        return new RevisionInfo(id, List.of(), "msg " + id, Set.of(), List.of(), true, source(id), List.of(replaces));
    }

    private static RevisionGraph graph(RevisionInfo... revisions) {
        return RevisionGraph.of(Arrays.asList(revisions));
    }

    /** The ids an upgrade from {@code rows} (as the version table holds them) to {@code target} runs. */
    private static List<String> plan(RevisionGraph g, Set<String> rows, String target) {
        return PlanningTest.ids(g.planUpgrade(g.canonical(rows), RevisionTarget.of(target)));
    }

    /** Django's test_migrations_complex: 1 -> 2 -> ... -> 7, each revising the one before. */
    private static List<RevisionInfo> complexChain() {
        List<RevisionInfo> chain = new ArrayList<>();
        chain.add(rev("1_auto"));
        for (int i = 2; i <= 7; i++) {
            chain.add(rev(i + "_auto", (i - 1) + "_auto"));
        }
        return chain;
    }

    private static RevisionGraph complex(RevisionInfo squash, boolean replacedDeleted) {
        List<RevisionInfo> all = new ArrayList<>();
        for (RevisionInfo r : complexChain()) {
            if (!(replacedDeleted && squash.replaces().contains(r.id()))) {
                all.add(r);
            }
        }
        all.add(squash);
        return RevisionGraph.of(all);
    }

    // Django tests/migrations/test_loader.py, LoaderTests.test_loading_squashed (fixture test_migrations_squashed:
    // 0001_initial, 0002_second and 0001_squashed_0002 replacing both)
    @Test
    void aSquashStandsInOnlyWhileNothingItReplacesIsApplied() {
        RevisionGraph g = graph(
                rev("0001_initial"),
                rev("0002_second", "0001_initial"),
                squash("0001_squashed_0002", "0001_initial", "0002_second"));
        assertThat(plan(g, Set.of(), "head")).containsExactly("0001_squashed_0002");
        assertThat(plan(g, Set.of("0001_initial"), "head")).containsExactly("0002_second");
        assertThat(plan(g, Set.of("0002_second"), "head")).isEmpty();
        // the squash's id names the revision it stands for, so a database past it has nothing to run
        assertThat(plan(g, Set.of("0002_second"), "0001_squashed_0002")).isEmpty();
        assertThat(plan(g, Set.of(), "0001_squashed_0002")).containsExactly("0001_squashed_0002");
        // a row naming the squash (written by a build without the replaced classes) means the same
        assertThat(g.canonical(Set.of("0001_squashed_0002"))).containsExactly("0002_second");
        assertThat(plan(g, Set.of("0001_squashed_0002"), "head")).isEmpty();
    }

    // Django tests/migrations/test_loader.py, LoaderTests.test_loading_squashed_complex (fixture
    // test_migrations_squashed_complex: 1 .. 7 with 3_squashed_5 revising 2). A squash here revises
    // nothing, so Django's shape is refused with the fix ...
    @Test
    void aSquashOfAMiddleStretchIsRefusedWithTheFix() {
        RevisionInfo middle = new RevisionInfo(
                "3_squashed_5",
                List.of("2_auto"),
                "",
                Set.of(),
                List.of(),
                true,
                source("3_squashed_5"),
                List.of("3_auto", "4_auto", "5_auto"));
        assertThatThrownBy(() -> complex(middle, false))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Squash 3_squashed_5 (db.migrations.V_3_squashed_5) revises or depends on 2_auto")
                .hasMessageContaining("a squash builds the schema from nothing")
                .hasMessageContaining("write it again with the squash goal");
        // ... and so is one that revises nothing but leaves out the revisions below its range
        assertThatThrownBy(() -> complex(squash("3_squashed_5", "3_auto", "4_auto", "5_auto"), false))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Squash 3_squashed_5 (db.migrations.V_3_squashed_5) must replace 5_auto and "
                        + "every revision below it")
                .hasMessageContaining("it leaves out 1_auto, 2_auto");
    }

    // ... and the same walk through the applied states, with the squash over the prefix 1 .. 5. Django
    // counts 5, 4, 3 (squash used from 0, 1 and 2 applied), 4, 3 (3 and 4 applied: the replaced ones),
    // 2, 1, 0; the prefix squash is used only from an empty database, the rule being the same: the squash
    // runs while none of what it replaces is applied.
    @Test
    void theComplexChainInEachAppliedState() {
        RevisionGraph g = complex(squash("1_squashed_5", "1_auto", "2_auto", "3_auto", "4_auto", "5_auto"), false);
        assertThat(plan(g, Set.of(), "7_auto")).containsExactly("1_squashed_5", "6_auto", "7_auto");
        assertThat(plan(g, Set.of("1_auto"), "7_auto"))
                .containsExactly("2_auto", "3_auto", "4_auto", "5_auto", "6_auto", "7_auto");
        assertThat(plan(g, Set.of("2_auto"), "7_auto"))
                .containsExactly("3_auto", "4_auto", "5_auto", "6_auto", "7_auto");
        assertThat(plan(g, Set.of("3_auto"), "7_auto")).containsExactly("4_auto", "5_auto", "6_auto", "7_auto");
        assertThat(plan(g, Set.of("4_auto"), "7_auto")).containsExactly("5_auto", "6_auto", "7_auto");
        assertThat(plan(g, Set.of("5_auto"), "7_auto")).containsExactly("6_auto", "7_auto");
        assertThat(plan(g, Set.of("6_auto"), "7_auto")).containsExactly("7_auto");
        assertThat(plan(g, Set.of("7_auto"), "7_auto")).isEmpty();
        // an upgrade that stops inside the range takes the replaced revisions, from an empty database too
        assertThat(plan(g, Set.of(), "4_auto")).containsExactly("1_auto", "2_auto", "3_auto", "4_auto");
    }

    // Django tests/migrations/test_loader.py, LoaderTests.test_loading_squashed_erroneous (fixture
    // test_migrations_squashed_erroneous: 3_squashed_5 with 3, 4 and 5 deleted). With 3 or 4 recorded Django fails
    // ("Django tried to replace migration 5_auto ... some of the replaced migrations are already applied"); here
    // every state inside the deleted range fails the same way, naming the squash and the fix, and the states
    // Django accepts plan the same.
    @Test
    void theErroneousChainRefusesADatabaseInsideTheDeletedRange() {
        RevisionGraph g = complex(squash("1_squashed_5", "1_auto", "2_auto", "3_auto", "4_auto", "5_auto"), true);
        assertThat(g.heads()).containsExactly("7_auto");
        assertThat(g.get("6_auto").revises()).containsExactly("1_squashed_5");
        assertThat(plan(g, Set.of(), "7_auto")).containsExactly("1_squashed_5", "6_auto", "7_auto");
        for (String inside : List.of("1_auto", "2_auto", "3_auto", "4_auto")) {
            assertThatThrownBy(() -> plan(g, Set.of(inside), "7_auto"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("The database is at revision " + inside
                            + ", inside the range that squash 1_squashed_5 (db.migrations.V_1_squashed_5) replaces")
                    .hasMessageContaining("Upgrade this database past 5_auto with a build that still has them");
        }
        assertThat(plan(g, Set.of("5_auto"), "7_auto")).containsExactly("6_auto", "7_auto");
        assertThat(plan(g, Set.of("1_squashed_5"), "7_auto")).containsExactly("6_auto", "7_auto");
        assertThat(plan(g, Set.of("6_auto"), "7_auto")).containsExactly("7_auto");
        assertThat(plan(g, Set.of("7_auto"), "7_auto")).isEmpty();
    }

    // The other erroneous shape of the same Django test: some replaced revisions deleted, some still defined.
    @Test
    void aSquashWhoseReplacedRevisionsArePartlyDeletedIsRefused() {
        List<RevisionInfo> all = new ArrayList<>(complexChain());
        all.removeIf(r -> r.id().equals("4_auto"));
        all.set(3, rev("5_auto", "3_auto")); // the chain stays whole without 4
        all.add(squash("1_squashed_5", "1_auto", "2_auto", "3_auto", "4_auto", "5_auto"));
        assertThatThrownBy(() -> RevisionGraph.of(all))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Squash 1_squashed_5 (db.migrations.V_1_squashed_5) replaces revisions of "
                        + "which 1_auto, 2_auto, 3_auto, 5_auto are still defined and 4_auto are not")
                .hasMessageContaining("Keep every replaced class until every database is past 5_auto");
    }

    /**
     * Django's test_migrations_squashed_complex_multi_apps as branches of one graph: app1 is
     * {@code a1 -> a2 -> a3 -> a4} with {@code a3} depending on app2's {@code b2}, app2 the labelled
     * {@code b1 -> b2}. Django squashes app1's 2 and 3 (after 1) and app2's 1 and 2 (depending on
     * app1's 1); here each squash is a prefix of its own branch: {@code a1_squashed_a2} and
     * {@code b1_squashed_b2}, and app2 depends on nothing.
     */
    private static RevisionGraph multiApps() {
        return graph(
                rev("a1"),
                rev("a2", "a1"),
                labelled("b1", "app2"),
                rev("b2", "b1"),
                depending("a3", List.of("a2"), List.of("b2")),
                rev("a4", "a3"),
                squash("a1_squashed_a2", "a1", "a2"),
                squash("b1_squashed_b2", "b1", "b2"));
    }

    // Django tests/migrations/test_loader.py, LoaderTests.test_loading_squashed_complex_multi_apps: from nothing,
    // app1.4 takes both squashes.
    @Test
    void twoBranchesEachTakeTheirSquash() {
        RevisionGraph g = multiApps();
        assertThat(plan(g, Set.of(), "a4")).containsExactlyInAnyOrder("a1_squashed_a2", "b1_squashed_b2", "a3", "a4");
        assertThat(plan(g, Set.of(), "a4")).endsWith("a3", "a4");
        // the rows the replaced revisions would leave: a4, and b2 as the dependency no revision revises
        assertThat(PlanningTest.replay(Set.of(), g.planUpgrade(Set.of(), RevisionTarget.of("a4"))))
                .containsExactlyInAnyOrder("b2", "a4");
    }

    // Django tests/migrations/test_loader.py, LoaderTests.test_loading_squashed_complex_multi_apps_partially_applied:
    // app1's squashed range applied, app2 not: app2 still takes its squash.
    @Test
    void aBranchPastItsSquashLeavesTheOtherBranchItsSquash() {
        RevisionGraph g = multiApps();
        assertThat(plan(g, Set.of("a2"), "a4")).containsExactly("b1_squashed_b2", "a3", "a4");
        // part-way through app1's range: its replaced revisions, app2's squash
        assertThat(plan(g, Set.of("a1"), "a4")).containsExactlyInAnyOrder("a2", "b1_squashed_b2", "a3", "a4");
        // part-way through app2's range: app2's replaced revisions
        assertThat(plan(g, Set.of("a2", "b1"), "a4")).containsExactly("b2", "a3", "a4");
    }

    // Django tests/migrations/test_loader.py, LoaderTests.test_loading_squashed_ref_squashed (app1.4 revises the
    // squash 2_sq_3 itself). Django accepts it; here, while the replaced revisions are defined, a revision that
    // revises the squash is refused with the revision to name instead, and once they are deleted the squash's id
    // and the revision it stands for are the same parent.
    @Test
    void aRevisionOnTheSquashItselfNamesTheRevisionItStandsFor() {
        assertThatThrownBy(() -> graph(
                        rev("1_auto"),
                        rev("2_auto", "1_auto"),
                        squash("1_squashed_2", "1_auto", "2_auto"),
                        rev("3_auto", "1_squashed_2")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Revision 3_auto (db.migrations.V_3_auto) revises or depends on the squash "
                        + "1_squashed_2 while the revisions it replaces are still defined. Revise 2_auto");

        RevisionGraph onSquash = graph(squash("1_squashed_2", "1_auto", "2_auto"), rev("3_auto", "1_squashed_2"));
        RevisionGraph onReplaced = graph(squash("1_squashed_2", "1_auto", "2_auto"), rev("3_auto", "2_auto"));
        for (RevisionGraph g : List.of(onSquash, onReplaced)) {
            assertThat(g.get("3_auto").revises()).containsExactly("1_squashed_2");
            assertThat(plan(g, Set.of(), "head")).containsExactly("1_squashed_2", "3_auto");
            assertThat(plan(g, Set.of("2_auto"), "head")).containsExactly("3_auto");
        }
    }

    // Django tests/migrations/test_graph.py, GraphTests.test_remove_replaced_nodes: app_b.0001 depends on app_a.0002,
    // which a squash replaced; once the replaced nodes are removed it depends on the squash. Here the dependency of
    // another branch on the revision a deleted range stands for follows the squash the same way.
    @Test
    void aDependencyOnTheRevisionADeletedRangeStandsForFollowsTheSquash() {
        RevisionGraph g = graph(
                squash("a_0001_squashed_0002", "a_0001", "a_0002"),
                new RevisionInfo("b_0001", List.of(), "", Set.of("app_b"), List.of("a_0002"), true, source("b_0001")));
        assertThat(g.get("b_0001").dependsOn()).containsExactly("a_0001_squashed_0002");
        assertThat(plan(g, Set.of(), "b_0001")).containsExactly("a_0001_squashed_0002", "b_0001");
        assertThat(plan(g, Set.of("a_0002"), "b_0001")).containsExactly("b_0001");
        // a dependency on a revision inside the range has nothing to follow
        assertThatThrownBy(() -> graph(
                        squash("a_0001_squashed_0002", "a_0001", "a_0002"),
                        depending("b_0001", List.of(), List.of("a_0001"))))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "Revision b_0001 (db.migrations.V_b_0001) revises or depends on a_0001, which "
                                + "squash a_0001_squashed_0002 (db.migrations.V_a_0001_squashed_0002) replaced inside its range")
                .hasMessageContaining("make b_0001 revise a_0002");
    }

    // Django tests/migrations/test_commands.py, SquashMigrationsTests.test_squashmigrations_squashes_already_squashed:
    // squashing again over an earlier squash lists that squash among what it replaces ("0001_double_squash"
    // replaces 1_auto, 2_auto, 3_squashed_5), and a new database runs the new squash, then 6 and 7. Here the earlier
    // squash is a revision of the chain once its replaced classes are deleted, so the new one replaces it and the
    // revisions above it, up to 6.
    @Test
    void aSecondSquashReplacesTheEarlierSquashThatStandsInForItsRange() {
        RevisionInfo first = squash("1_squashed_5", "1_auto", "2_auto", "3_auto", "4_auto", "5_auto");
        RevisionInfo second = squash("double_squash", "1_squashed_5", "6_auto");
        List<RevisionInfo> all = new ArrayList<>(complexChain().subList(5, 7)); // 6 and 7
        all.add(second);
        all.add(first);
        RevisionGraph g = RevisionGraph.of(all);
        // what the squash goal lists for a squash up to 6: 6 and everything below it, the earlier squash included
        assertThat(g.sortTopologically(g.ancestorsOrSelf(List.of("6_auto")))).containsExactly("1_squashed_5", "6_auto");
        assertThat(plan(g, Set.of(), "head")).containsExactly("double_squash", "7_auto");
        assertThat(PlanningTest.replay(Set.of(), g.planUpgrade(Set.of(), RevisionTarget.of("head"))))
                .containsExactly("7_auto");
        assertThat(plan(g, Set.of("1_squashed_5"), "head")).containsExactly("6_auto", "7_auto");
        assertThat(plan(g, Set.of("5_auto"), "head")).containsExactly("6_auto", "7_auto"); // a row never renamed
        assertThat(plan(g, Set.of("6_auto"), "head")).containsExactly("7_auto");
        assertThat(plan(g, Set.of(), "6_auto")).containsExactly("double_squash");
        assertThat(plan(g, Set.of(), "1_squashed_5")).containsExactly("1_squashed_5");

        // once the earlier squash and 6 are deleted too, the new squash stands in for 6
        RevisionGraph later = graph(rev("7_auto", "6_auto"), second);
        assertThat(plan(later, Set.of(), "head")).containsExactly("double_squash", "7_auto");
        assertThat(plan(later, Set.of("6_auto"), "head")).containsExactly("7_auto");
        assertThatThrownBy(() -> plan(later, Set.of("1_squashed_5"), "head"))
                .hasMessageContaining("The database is at revision 1_squashed_5, inside the range that squash "
                        + "double_squash (db.migrations.V_double_squash) replaces");
    }

    // ... while Django's exact shape, a squash over an earlier squash whose replaced revisions are still defined,
    // is refused: the earlier squash is no revision of the chain then, so there is nothing for the new one to list.
    @Test
    void aSquashOverASquashWhoseReplacedRevisionsAreDefinedIsRefusedWithTheFix() {
        List<RevisionInfo> all = new ArrayList<>(complexChain());
        all.add(squash("1_squashed_5", "1_auto", "2_auto", "3_auto", "4_auto", "5_auto"));
        all.add(squash("double_squash", "1_squashed_5", "6_auto"));
        assertThatThrownBy(() -> RevisionGraph.of(all))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Squash double_squash (db.migrations.V_double_squash) replaces squash "
                        + "1_squashed_5 (db.migrations.V_1_squashed_5), whose own replaced revisions are still defined")
                .hasMessageContaining("List the revisions 1_squashed_5 replaces in its place and delete 1_squashed_5");
    }

    // Django tests/migrations/test_commands.py, SquashMigrationsTests.test_squashmigrations_replacement_cycle (fixture
    // test_migrations_squashed_loop: 2_auto replaces 2_squashed, which replaces 2_auto): "Cyclical squash replacement
    // found".
    @Test
    void squashesThatReplaceEachOtherAreRefused() {
        assertThatThrownBy(() -> graph(rev("1_auto"), squash("2_auto", "2_squashed"), squash("2_squashed", "2_auto")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "Squashes replace each other in a cycle: 2_auto (db.migrations.V_2_auto) replaces "
                                + "2_squashed, 2_squashed (db.migrations.V_2_squashed) replaces 2_auto");
    }
}
