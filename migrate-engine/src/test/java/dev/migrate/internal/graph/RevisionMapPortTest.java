package dev.migrate.internal.graph;

import static dev.migrate.internal.graph.Revs.depending;
import static dev.migrate.internal.graph.Revs.graph;
import static dev.migrate.internal.graph.Revs.labelled;
import static dev.migrate.internal.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionTarget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cases of Alembic's {@code tests/test_revision.py} on the revision map itself: how targets with
 * branches resolve, and which graphs are refused. Where migrate differs on purpose, the comment
 * says so.
 */
class RevisionMapPortTest {

    @Test // test_get_current_named_rev, test_branch_at_syntax, test_branch_at_heads
    void branchAtHeadAndHeads() {
        RevisionGraph g = Revs.labelledBranches();
        assertThat(g.resolve(RevisionTarget.of("ebranch@head"), Set.of())).containsExactly("f");
        assertThat(g.resolve(RevisionTarget.of("abranch@head"), Set.of())).containsExactly("c");
        assertThat(g.resolve(RevisionTarget.of("abranch@heads"), Set.of())).containsExactly("c");
        assertThat(g.resolve(RevisionTarget.of("ebranch@d"), Set.of())).containsExactly("d");
    }

    @Test // test_branch_at_self, test_retrieve_branch_revision, test_actually_short_rev_name
    void aLabelAloneNamesTheRevisionThatCarriesIt() {
        RevisionGraph g = Revs.labelledBranches();
        assertThat(g.resolve(RevisionTarget.of("abranch"), Set.of())).containsExactly("a");
        assertThat(g.resolve(RevisionTarget.of("ebranch"), Set.of())).containsExactly("e");
        assertThat(g.resolve(RevisionTarget.of("ebranch@ebranch"), Set.of())).containsExactly("e");
        assertThat(g.resolve(RevisionTarget.of("e"), Set.of())).containsExactly("e");
    }

    @Test // test_partial_id_resolve
    void aPrefixResolvesWithinTheBranch() {
        RevisionGraph g = Revs.labelledBranches();
        assertThat(g.resolve(RevisionTarget.of("ebranch@someoth"), Set.of())).containsExactly("someothername");
        assertThat(g.resolve(RevisionTarget.of("abranch@somelong"), Set.of())).containsExactly("somelongername");
    }

    @Test // test_rev_not_in_branch
    void aRevisionOffTheBranchIsRefused() {
        RevisionGraph g = Revs.labelledBranches();
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("ebranch@b"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("names revision b, which is not on branch 'ebranch'");
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("abranch@d"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("names revision d, which is not on branch 'abranch'");
    }

    @Test // test_no_revision_exists, test_no_such_branch
    void unknownRevisionsAndBranchesAreNamed() {
        RevisionGraph g = Revs.labelledBranches();
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("abranch@qprstuv"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'qprstuv'");
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("x@d"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("No revision has the branch label 'x'")
                .hasMessageContaining("abranch, ebranch");
    }

    @Test // test_not_actually_a_branch, test_not_actually_a_branch_partial_resolution
    void aRevisionBeforeTheAtNamesItsBranch() {
        RevisionGraph g = Revs.labelledBranches();
        assertThat(g.resolve(RevisionTarget.of("e@d"), Set.of())).containsExactly("d");
        assertThat(g.resolve(RevisionTarget.of("someoth@d"), Set.of())).containsExactly("d");
    }

    @Test // test_branch_w_down_relative, test_branch_w_up_relative
    void relativeOnABranch() {
        RevisionGraph g = Revs.labelledBranches();
        assertThat(g.resolve(RevisionTarget.of("ebranch@-2"), Set.of("c", "f"))).containsExactly("e");
        assertThat(g.resolve(RevisionTarget.of("ebranch@+2"), Set.of())).containsExactly("e");
        assertThat(g.resolve(RevisionTarget.of("abranch@+2"), Set.of())).containsExactly("b");
    }

    @Test // test_iterate_head_to_named_base, test_iterate_head_to_version_specific_base
    void downgradeToTheBaseOfABranch() {
        RevisionGraph g = Revs.labelledBranches();
        Set<String> heads = Set.of("c", "f");
        // Alembic also takes d down for ebranch@base: the root of the chain, below the labelled e.
        // Here <label>@base is the branch from its labelled revision up.
        assertThat(PlanningTest.ids(g.planDowngrade(heads, RevisionTarget.of("ebranch@base"))))
                .containsExactly("f", "someothername", "e");
        // a revision's branch is its straight run down to the base: the same as Alembic
        assertThat(PlanningTest.ids(g.planDowngrade(heads, RevisionTarget.of("e@base"))))
                .containsExactly("f", "someothername", "e", "d");
        assertThat(PlanningTest.ids(g.planDowngrade(heads, RevisionTarget.of("c@base"))))
                .containsExactly("c", "somelongername", "b", "a");
    }

    @Test // LabeledBranchTest.test_dupe_branch_collection
    void aLabelDeclaredTwiceIsRefused() {
        assertThatThrownBy(() ->
                        graph(rev("a"), rev("b", "a"), labelled("c", "xy1", "b"), rev("d"), labelled("e", "xy1", "d")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Branch label 'xy1'");
    }

    @Test // MultipleBaseCrossDependencyTestOne.test_what_are_the_heads
    void headsOfSeveralBases() {
        assertThat(crossDependencies().heads()).containsExactlyInAnyOrder("b1a", "b1b", "d2", "b3");
        assertThat(crossDependencies().bases()).containsExactly("base1", "base2", "base3");
    }

    /** MultipleBaseCrossDependencyTestOne: three bases; b1b and c2 depend on a3. */
    static RevisionGraph crossDependencies() {
        return graph(
                labelled("base1", "b_1"),
                rev("a1a", "base1"),
                rev("a1b", "base1"),
                rev("b1a", "a1a"),
                depending("b1b", List.of("a1b"), List.of("a3")),
                labelled("base2", "b_2"),
                rev("a2", "base2"),
                rev("b2", "a2"),
                depending("c2", List.of("b2"), List.of("a3")),
                rev("d2", "c2"),
                labelled("base3", "b_3"),
                rev("a3", "base3"),
                rev("b3", "a3"));
    }

    @Test // test_we_need_head2_upgrade, test_we_need_head3_upgrade, test_we_need_head1_upgrade
    void upgradingABranchTakesItsDependencies() {
        RevisionGraph g = crossDependencies();
        assertThat(PlanningTest.ids(g.planUpgrade(Set.of(), RevisionTarget.of("b_2@head"))))
                .containsExactlyInAnyOrder("d2", "c2", "b2", "a2", "base2", "a3", "base3");
        assertThat(PlanningTest.ids(g.planUpgrade(Set.of(), RevisionTarget.of("b_3@head"))))
                .containsExactly("base3", "a3", "b3");
        assertThat(PlanningTest.ids(g.planUpgrade(Set.of(), RevisionTarget.of("b1b@head"))))
                .containsExactlyInAnyOrder("b1b", "a1b", "base1", "a3", "base3");
    }

    @Test // test_we_need_head2_downgrade, test_we_need_base2_downgrade, test_we_need_base3_downgrade
    void downgradingABranchTakesWhatDependsOnIt() {
        RevisionGraph g = crossDependencies();
        Set<String> heads = Set.of("b1a", "b1b", "d2", "b3");
        assertThat(PlanningTest.ids(g.planDowngrade(heads, RevisionTarget.of("b_2@base"))))
                .containsExactlyInAnyOrder("d2", "c2", "b2", "a2", "base2");
        assertThat(PlanningTest.ids(g.planDowngrade(heads, RevisionTarget.of("b_3@base"))))
                .containsExactlyInAnyOrder("b1b", "d2", "c2", "b3", "a3", "base3");
        // b1b's branch runs from a1b, its straight run above the branch point base1, which b1a still needs;
        // Alembic takes base1 (and with it b1a's branch) down too
        assertThat(PlanningTest.ids(g.planDowngrade(heads, RevisionTarget.of("b1b@base"))))
                .containsExactly("b1b", "a1b");
    }

    @Test // test_same_branch_wrong_direction, test_different_branch_not_wrong_direction
    void anOfflineRangeTheWrongWayIsRefusedAndAnotherBranchIsNot() {
        RevisionGraph g = crossDependencies();
        assertThat(g.planUpgrade(g.versionsAt(RevisionTarget.of("d2")), RevisionTarget.of("b2")))
                .isEmpty();
        assertThat(PlanningTest.ids(g.planUpgrade(g.versionsAt(RevisionTarget.of("d2")), RevisionTarget.of("b3"))))
                .containsExactly("b3");
        assertThat(g.versionsAt(RevisionTarget.of("d2"))).containsExactlyInAnyOrder("a3", "d2");
    }

    @Test // GraphWithLoopTest.test_revision_map_solitary_loop, test_revision_map_solitary_dependency_loop
    void aRevisionThatRevisesOrDependsOnItselfIsRefused() {
        assertThatThrownBy(() -> graph(rev("a", "a"))).isInstanceOf(MigrateException.class);
        assertThatThrownBy(() -> graph(depending("a", List.of(), List.of("a")))).isInstanceOf(MigrateException.class);
    }

    @Test // GraphWithCycleTest.test_revision_map_simple_cycle, test_revision_map_simple_dep_cycle
    void cyclesAreRefused() {
        assertThatThrownBy(() -> graph(rev("a", "c"), rev("b", "a"), rev("c", "b")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(
                        () -> graph(rev("a"), rev("b", "a"), depending("c", List.of("b"), List.of("d")), rev("d", "c")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("cycle");
    }

    @Test // GraphWithLoopTest.test_revision_map_no_loop_w_overlapping_substrings(_dependencies)
    void idsThatContainOneAnotherAreNoLoop() {
        RevisionGraph g = graph(rev("aa"), rev("aaa", "aa"), depending("aaaa", List.of("aaa"), List.of("aa")));
        assertThat(g.heads()).containsExactly("aaaa");
    }

    @Test // DepResolutionFailedTest.test_failure_message
    void aMissingDependencyIsNamed() {
        assertThatThrownBy(() -> graph(rev("base1"), depending("a1", List.of("base1"), List.of("b1"))))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("a1")
                .hasMessageContaining("depends on b1");
    }
}
