package dev.migrate.tooling;

import static dev.migrate.internal.graph.Revs.graph;
import static dev.migrate.internal.graph.Revs.labelled;
import static dev.migrate.internal.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.Revs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heads that no branch label declares, out-of-order revisions and the rebase plan. The maps are
 * those of Alembic's {@code tests/test_revision.py}, named on each test; Alembic refuses the
 * {@code head} target on them ("Multiple heads are present"), where {@code check} and {@code verify}
 * here fail with both fixes.
 */
class BranchReviewTest {

    private static List<String> ids(List<RevisionInfo> revisions) {
        return revisions.stream().map(RevisionInfo::id).toList();
    }

    @Test // APITest.test_add_revision_one_head
    void aSingleHeadIsNoBranch() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"));
        assertThat(BranchReview.of(g).undeclaredHeads()).isEmpty();
        assertThat(BranchReview.of(g).outOfOrder()).isEmpty();
    }

    /** Each module has a chain of its own: its one head is no branch, two heads of one module are. */
    @Test
    void theOneHeadOfEachModuleIsNoBranchAndTwoInOneModuleAre() {
        RevisionGraph modules =
                graph(rev("outbox.a"), rev("billing.a"), rev("billing.b", "billing.a"), rev("shipping.a"), rev("app"));
        assertThat(BranchReview.of(modules).undeclaredHeads()).isEmpty();
        RevisionGraph split = graph(
                rev("outbox.a"), rev("shipping.a"), rev("shipping.b1", "shipping.a"), rev("shipping.b2", "shipping.a"));
        assertThat(ids(BranchReview.of(split).undeclaredHeads())).containsExactly("shipping.b1", "shipping.b2");
    }

    @Test // APITest.test_add_revision_two_head, test_get_revision_head_multiple
    void twoHeadsOnTheSameParentAreUndeclared() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("c2", "b"));
        BranchReview review = BranchReview.of(g);
        assertThat(ids(review.undeclaredHeads())).containsExactly("c1", "c2");
        String error = review.headsError(r -> r.source().replace('.', '/') + ".java");
        assertThat(error)
                .contains("The chain has 2 heads that no branch label declares")
                .contains("  - c1 \"msg c1\" (db/migrations/V_c1.java)")
                .contains("  - c2 \"msg c2\" (db/migrations/V_c2.java)")
                .contains("mvn compile migrate:merge -Dmigrate.message=\"merge c1 and c2\"")
                .contains("mvn compile migrate:rebase -Dmigrate.revision=c1");
    }

    @Test // MultipleBranchTest: heads d1cb1, d2cb1, d3cb2 and the merge point d1d2cb2
    void everyHeadOfManyBranchesIsNamed() {
        RevisionGraph g = graph(
                rev("a"),
                rev("b1", "a"),
                rev("b2", "a"),
                rev("cb1", "b1"),
                rev("cb2", "b2"),
                rev("d1cb1", "cb1"),
                rev("d2cb1", "cb1"),
                rev("d1cb2", "cb2"),
                rev("d2cb2", "cb2"),
                rev("d3cb2", "cb2"),
                rev("d1d2cb2", "d1cb2", "d2cb2"));
        assertThat(ids(BranchReview.of(g).undeclaredHeads()))
                .containsExactlyInAnyOrder("d1cb1", "d2cb1", "d3cb2", "d1d2cb2");
    }

    @Test // LabeledBranchTest: a (abranch) ... c and d -> e (ebranch) ... f, two bases each labelled
    void headsOfLabelledBranchesAreDeclared() {
        RevisionGraph g = Revs.labelledBranches();
        assertThat(g.heads()).hasSize(2);
        assertThat(BranchReview.of(g).undeclaredHeads()).isEmpty();
        assertThat(BranchReview.of(g).outOfOrder()).isEmpty();
    }

    @Test // test_filter_for_lineage_labeled_head_across_merge, before its merge: c1 (c1branch) and c2 on b
    void oneLabelledBranchBesideTheTrunkPasses() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), labelled("c1", "c1branch", "b"), rev("c2", "b"));
        assertThat(BranchReview.of(g).undeclaredHeads()).isEmpty();
    }

    @Test
    void aLabelBelowTwoHeadsDeclaresNeither() {
        RevisionGraph g = graph(labelled("a", "main"), rev("b", "a"), rev("c1", "b"), rev("c2", "b"));
        assertThat(ids(BranchReview.of(g).undeclaredHeads())).containsExactly("c1", "c2");
    }

    @Test // MultipleBaseTest: three bases; base1's two heads are undeclared, base2 and base3 merge
    void unlabelledBasesAreUndeclaredHeads() {
        RevisionGraph g = graph(
                rev("base1"),
                rev("base2"),
                rev("base3"),
                rev("a1a", "base1"),
                rev("a1b", "base1"),
                rev("a2", "base2"),
                rev("a3", "base3"),
                rev("b1a", "a1a"),
                rev("b1b", "a1b"),
                rev("b2", "a2"),
                rev("b3", "a3"),
                rev("c2", "b2"),
                rev("d2", "c2"),
                rev("mergeb3d2", "b3", "d2"));
        assertThat(ids(BranchReview.of(g).undeclaredHeads())).containsExactlyInAnyOrder("b1a", "b1b", "mergeb3d2");
    }

    @Test
    void aBranchThatLandsLateIsOutOfOrder() {
        // main: 20260101 -> 20260105; a long branch wrote 20260102 -> 20260103 on 20260101 before
        RevisionGraph g = graph(
                rev("r20260101"),
                rev("r20260102", "r20260101"),
                rev("r20260103", "r20260102"),
                rev("r20260105", "r20260101"));
        BranchReview review = BranchReview.of(g);
        assertThat(review.outOfOrder())
                .extracting(o -> o.revision().id(), BranchReview.OutOfOrder::later)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r20260102", List.of("r20260105")),
                        org.assertj.core.groups.Tuple.tuple("r20260103", List.of("r20260105")));
        assertThat(review.firstOfBranch(g.get("r20260103")).id()).isEqualTo("r20260102");
        assertThat(review.outOfOrderWarnings(RevisionInfo::source).get(0))
                .startsWith("Revision r20260102 \"msg r20260102\" (db.migrations.V_r20260102) is out of order")
                .contains("migrate:merge")
                .contains("migrate:rebase -Dmigrate.revision=r20260102");
        assertThat(review.headsError(RevisionInfo::source)).contains("-Dmigrate.revision=r20260102 ");
    }

    @Test
    void aMergeOrARebaseLeavesNothingOutOfOrder() {
        RevisionGraph merged = graph(
                rev("r20260101"),
                rev("r20260102", "r20260101"),
                rev("r20260105", "r20260101"),
                rev("r20260106", "r20260102", "r20260105"));
        assertThat(BranchReview.of(merged).outOfOrder()).isEmpty();
        RevisionGraph rebased = graph(rev("r20260101"), rev("r20260105", "r20260101"), rev("r20260102", "r20260105"));
        assertThat(BranchReview.of(rebased).outOfOrder()).isEmpty();
    }

    @Test
    void aRebaseMovesTheBranchOntoTheOtherHead() {
        RevisionGraph g = graph(
                rev("r20260101"),
                rev("r20260102", "r20260101"),
                rev("r20260103", "r20260102"),
                rev("r20260105", "r20260101"));
        RebasePlan plan = RebasePlan.of(g, "r20260102", null);
        assertThat(plan.revision().id()).isEqualTo("r20260102");
        assertThat(plan.from()).isEqualTo("r20260101");
        assertThat(plan.onto()).isEqualTo("r20260105");
        assertThat(plan.movedIds()).containsExactly("r20260102", "r20260103");
        // the other way round, by prefix
        assertThat(RebasePlan.of(g, "r20260105", null).onto()).isEqualTo("r20260103");
    }

    @Test
    void aRebaseRefusesWhatItCannotMove() {
        RevisionGraph two = graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("c2", "b"));
        assertThatThrownBy(() -> RebasePlan.of(two, "b", null))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Revision b is below 2 heads (c1, c2)");
        assertThatThrownBy(() -> RebasePlan.of(two, "a", null))
                .hasMessageContaining("Revision a (db.migrations.V_a) revises nothing");
        assertThatThrownBy(() -> RebasePlan.of(two, "c1", "c1"))
                .hasMessageContaining("Revision c1 is the head of c1's own branch");
        assertThatThrownBy(() -> RebasePlan.of(two, "c1", "b"))
                .hasMessageContaining("Revision b is not a head")
                .hasMessageContaining("-Dmigrate.onto");
        assertThatThrownBy(() -> RebasePlan.of(two, "zz", null))
                .hasMessageContaining("No migration has revision id 'zz'");

        RevisionGraph three = graph(rev("a"), rev("c1", "a"), rev("c2", "a"), rev("c3", "a"));
        assertThatThrownBy(() -> RebasePlan.of(three, "c1", null))
                .hasMessageContaining("The chain has 3 heads (c1, c2, c3)")
                .hasMessageContaining("Name it with -Dmigrate.onto=<id>.");
        assertThat(RebasePlan.of(three, "c1", "c3").onto()).isEqualTo("c3");

        RevisionGraph one = graph(rev("a"), rev("b", "a"));
        assertThatThrownBy(() -> RebasePlan.of(one, "b", null)).hasMessageContaining("nothing needs a rebase");
    }
}
