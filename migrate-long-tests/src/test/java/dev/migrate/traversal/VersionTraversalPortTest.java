package dev.migrate.traversal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.BadTargetException;
import dev.migrate.traversal.Shape.Database;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The graph shapes and cases of Alembic's {@code tests/test_version_traversal.py}, run through
 * {@code Migrator} on the embedded server with real migration classes: each case checks what ran,
 * in which order, what the version table holds, and that the tables the migrations made are
 * exactly those of the revisions the version rows imply.
 *
 * <p>Where the expected result differs from Alembic's, on purpose, the comment says why. Three
 * differences recur: branches run interleaved in id order (Alembic runs one branch to its end);
 * {@code -1} with several current heads is refused (Alembic warns and picks one); and a
 * dependency keeps its own version row (Alembic folds it into the row of what depends on it).
 */
class VersionTraversalPortTest {

    /** Upgrades to each revision in turn, each running only itself, and checks the version rows after each. */
    private static void upgradeOneByOne(Database db, List<String> order, List<List<String>> rowsAfter) {
        for (int i = 0; i < order.size(); i++) {
            assertThat(db.upgrade(order.get(i))).containsExactly("up " + order.get(i));
            assertThat(db.rows()).as("after %s", order.get(i)).containsExactlyElementsOf(rowsAfter.get(i));
        }
    }

    /** RevisionPathTest: a linear chain with Alembic's own ids, so prefixes are tested as Alembic tests them. */
    @Nested
    class RevisionPath {
        static final String A = "e6239818bb3a";
        static final String B = "548bbb905360";
        static final String C = "b7ea43dc85e4";
        static final String D = "1bbe33445780";
        static final String E = "3975fb1a0125";
        final Shape shape =
                Shape.named("revisionpath").rev(A).rev(B, A).rev(C, B).rev(D, C).rev(E, D);

        @Test // test_downgrade_base_no_version
        void downgradeBaseWithNoVersion() {
            Database db = shape.database();
            assertThat(db.downgrade("base")).isEmpty();
            assertThat(db.rows()).isEmpty();
        }

        @Test // test_downgrade_to_existing (#838), test_downgrade_to_existing_head (#839)
        void downgradeToTheCurrentRevisionDoesNothing() {
            Database db = shape.database().at(A);
            assertThat(db.downgrade(A)).isEmpty();
            assertThat(db.rows()).containsExactly(A);
            db.at(E);
            assertThat(db.downgrade(E)).isEmpty();
            assertThat(db.rows()).containsExactly(E);
        }

        @Test // test_upgrade_path
        void upgradePath() {
            Database db = shape.database();
            assertThat(db.upgrade(C)).containsExactly("up " + A, "up " + B, "up " + C);
            assertThat(db.rows()).containsExactly(C);
            assertThat(db.upgrade(E)).containsExactly("up " + D, "up " + E);
            assertThat(db.rows()).containsExactly(E);
        }

        @Test // test_relative_upgrade_path
        void relativeUpgradePath() {
            assertThat(shape.database().at(A).upgrade("+2")).containsExactly("up " + B, "up " + C);
            assertThat(shape.database().at(A).upgrade("+1")).containsExactly("up " + B);
            assertThat(shape.database().at(B).upgrade("+3")).containsExactly("up " + C, "up " + D, "up " + E);
            assertThat(shape.database().at(A).upgrade(B + "+2")).containsExactly("up " + B, "up " + C, "up " + D);
            Database db = shape.database().at(A);
            assertThat(db.upgrade(D + "-2")).containsExactly("up " + B);
            assertThat(db.rows()).containsExactly(B);
        }

        @Test // test_invalid_relative_upgrade_path
        void invalidRelativeUpgradePath() {
            Database db = shape.database().at(B);
            assertThatThrownBy(() -> db.upgrade("-2"))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining("counts downwards");
            assertThatThrownBy(() -> db.upgrade("+5"))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining("past the head " + E);
            assertThat(db.rows()).containsExactly(B);
            db.assertConsistent();
        }

        @Test // test_downgrade_path
        void downgradePath() {
            Database db = shape.database().at(E);
            assertThat(db.downgrade(C)).containsExactly("down " + E, "down " + D);
            assertThat(db.rows()).containsExactly(C);
            assertThat(db.downgrade("base")).containsExactly("down " + C, "down " + B, "down " + A);
            assertThat(db.rows()).isEmpty();
        }

        @Test // test_relative_downgrade_path
        void relativeDowngradePath() {
            Database db = shape.database().at(C);
            assertThat(db.downgrade("-1")).containsExactly("down " + C);
            assertThat(db.rows()).containsExactly(B);
            db.at(E);
            assertThat(db.downgrade("-3")).containsExactly("down " + E, "down " + D, "down " + C);
            assertThat(db.rows()).containsExactly(B);
            db.at(D);
            assertThat(db.downgrade(A + "+2")).containsExactly("down " + D);
            assertThat(db.rows()).containsExactly(C);
            db.at(D);
            assertThat(db.downgrade(C + "-2")).containsExactly("down " + D, "down " + C, "down " + B);
            assertThat(db.rows()).containsExactly(A);
        }

        @Test // test_invalid_relative_downgrade_path
        void invalidRelativeDowngradePath() {
            Database db = shape.database().at(B);
            assertThatThrownBy(() -> db.downgrade("-5"))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining("below the base");
            assertThatThrownBy(() -> db.downgrade("+2"))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining("counts upwards");
            assertThat(db.rows()).containsExactly(B);
        }

        @Test // test_invalid_move_rev_to_none
        void downgradeFromBaseToARevisionIsRefused() {
            Database db = shape.database();
            assertThatThrownBy(() -> db.downgrade(B.substring(0, 3)))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining("Destination 548 is not a valid downgrade target")
                    .hasMessageContaining("base (no revision applied)");
            assertThat(db.rows()).isEmpty();
        }

        @Test // test_invalid_move_higher_to_lower
        void downgradeToARevisionAboveTheCurrentOneIsRefusedAndChangesNothing() {
            Database db = shape.database().at(B);
            assertThatThrownBy(() -> db.downgrade(C.substring(0, 4)))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining(
                            "Destination b7ea is not a valid downgrade target from the current " + "revision(s) " + B)
                    .hasMessageContaining(C + " is not applied");
            assertThat(db.rows()).containsExactly(B);
            assertThat(db.query("SELECT count(*) FROM ran")).containsExactly("0");
            db.assertConsistent();
        }

        @Test // test_stamp_to_base
        void stampToBase() {
            Database db = shape.database().at(D);
            db.migrator.stamp("base", false);
            assertThat(db.rows()).isEmpty();
        }
    }

    /** BranchedPathTest: a -> b -> c1 (c1branch) -> d1, b -> c2 (c2branch) -> d2. */
    @Nested
    class BranchedPath {
        final Shape shape = Shape.named("branchedpath")
                .rev("a")
                .rev("b", "a")
                .rev("c1", "b")
                .label("c1branch")
                .rev("d1", "c1")
                .rev("c2", "b")
                .label("c2branch")
                .rev("d2", "c2");

        private Database stampedAt(String... rows) {
            Database db = shape.database();
            db.migrator.stamp(String.join(",", rows), false);
            assertThat(db.rows()).containsExactlyInAnyOrder(rows);
            return db;
        }

        @Test // test_stamp_down_across_multiple_branch_to_branchpoint
        void stampDownAcrossBothBranchesToTheBranchPoint() {
            Database db = stampedAt("d1", "c2");
            db.migrator.stamp("b", false);
            assertThat(db.rows()).containsExactly("b");
        }

        @Test // test_stamp_to_labeled_base_multiple_heads
        void stampToALabelledBase() {
            Database db = stampedAt("d1", "c2");
            db.migrator.stamp("c1branch@base", false);
            assertThat(db.rows()).containsExactly("c2");
        }

        @Test // test_stamp_to_labeled_head_multiple_heads
        void stampToALabelledHead() {
            Database db = stampedAt("d1", "c2");
            db.migrator.stamp("c2branch@head", false);
            assertThat(db.rows()).containsExactly("d1", "d2");
        }

        @Test // test_upgrade_single_branch
        void upgradeOneBranch() {
            Database db = shape.database().at("b");
            assertThat(db.upgrade("d1")).containsExactly("up c1", "up d1");
            assertThat(db.rows()).containsExactly("d1");
        }

        @Test // test_upgrade_multiple_branch; ours interleaves the branches in id order
        void upgradeToBothBranches() {
            Database db = shape.database().at("a");
            assertThat(db.upgrade("d1,d2")).containsExactly("up b", "up c1", "up c2", "up d1", "up d2");
            assertThat(db.rows()).containsExactly("d1", "d2");
        }

        @Test // test_downgrade_multiple_branch; ours interleaves the branches in id order
        void downgradeBothBranches() {
            Database db = shape.database().at("d1,d2");
            assertThat(db.downgrade("a")).containsExactly("down d2", "down d1", "down c2", "down c1", "down b");
            assertThat(db.rows()).containsExactly("a");
        }

        @Test // test_relative_upgrade
        void upgradeToABranchHeadMinusOne() {
            Database db = shape.database().at("b");
            assertThat(db.upgrade("c2branch@head-1")).containsExactly("up c2");
            assertThat(db.rows()).containsExactly("c2");
        }

        @Test // test_relative_downgrade_baseplus2
        void downgradeToBasePlusTwoTakesDownEverythingAboveIt() {
            Database db = shape.database().at("d2,d1");
            assertThat(db.downgrade("base+2")).containsExactly("down d2", "down d1", "down c2", "down c1");
            assertThat(db.rows()).containsExactly("b");
        }

        @Test // test_relative_downgrade_branchplus2
        void downgradeToABranchBasePlusTwoTakesDownThatBranchOnly() {
            Database db = shape.database().at("d2,d1");
            assertThat(db.downgrade("c2branch@base+2")).containsExactly("down d2", "down c2");
            assertThat(db.rows()).containsExactly("d1");
        }

        @Test // test_relative_downgrade_branchplus3
        void downgradeToABranchBasePlusThree() {
            Database db = shape.database().at("d2,d1");
            assertThat(db.downgrade("c2")).containsExactly("down d2");
            assertThat(db.rows()).containsExactly("c2", "d1");
            db.at("d2");
            assertThat(db.downgrade("c2branch@base+3")).containsExactly("down d2");
            assertThat(db.rows()).containsExactly("c2", "d1");
        }

        @Test // test_downgrade_once_order_right/left(_unbalanced): Alembic warns and picks one; we refuse
        void minusOneWithTwoCurrentHeadsIsRefused() {
            Database db = shape.database().at("d2,d1");
            assertThatThrownBy(() -> db.downgrade("-1"))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining("several: d1, d2")
                    .hasMessageContaining("<label>@-N");
            assertThat(db.rows()).containsExactly("d1", "d2");
        }

        @Test // test_downgrade_once_order_left_unbalanced_labelled
        void labelledMinusOneTakesDownThatBranch() {
            Database db = shape.database().at("d1,d2");
            assertThat(db.downgrade("c1branch@-1")).containsExactly("down d1");
            assertThat(db.rows()).containsExactly("c1", "d2");
        }

        @Test // test_downgrade_relative_order_right/left (#765)
        void downgradeRelativeToARevisionOnOneBranch() {
            Database db = shape.database().at("d2,c1");
            assertThat(db.downgrade("d2-1")).containsExactly("down d2");
            assertThat(db.rows()).containsExactly("c1", "c2");
        }

        @Test // test_downgrade_single_branch_c1branch
        void downgradeOneBranchByLabelToTheBranchPoint() {
            Database db = shape.database().at("c1,d2");
            assertThat(db.downgrade("c1branch@b")).containsExactly("down c1");
            assertThat(db.rows()).containsExactly("d2");
        }

        @Test // test_downgrade_single_branch_c1branch_from_d1_head
        void downgradeTheOtherBranchByLabelToTheBranchPoint() {
            Database db = shape.database().at("c1,d2");
            assertThat(db.downgrade("c2branch@b")).containsExactly("down d2", "down c2");
            assertThat(db.rows()).containsExactly("c1");
        }

        @Test // test_downgrade_single_branch_c2
        void downgradeTheBranchOfARevision() {
            Database db = shape.database().at("d1,d2");
            assertThat(db.downgrade("c2@b")).containsExactly("down d2", "down c2");
            assertThat(db.rows()).containsExactly("d1");
        }

        @Test // test_downgrade_single_branch_d1
        void downgradeTheBranchOfItsHead() {
            Database db = shape.database().at("d1,d2");
            assertThat(db.downgrade("d1@b")).containsExactly("down d1", "down c1");
            assertThat(db.rows()).containsExactly("d2");
        }

        @Test // test_downgrade_relative_to_branch_head
        void downgradeToABranchHeadMinusOne() {
            Database db = shape.database().at("d1,d2");
            assertThat(db.downgrade("c1branch@head-1")).containsExactly("down d1");
            assertThat(db.rows()).containsExactly("c1", "d2");
        }

        @Test // test_upgrade_other_branch_from_mergepoint
        void upgradeTheOtherBranchByOne() {
            Database db = shape.database().at("c1");
            assertThat(db.upgrade("c2branch@+1")).containsExactly("up c2");
            assertThat(db.rows()).containsExactly("c1", "c2");
        }

        @Test // test_upgrade_one_branch_of_heads
        void upgradeOneOfTwoCurrentBranchesByOne() {
            Database db = shape.database().at("c1,c2");
            assertThat(db.upgrade("c2branch@+1")).containsExactly("up d2");
            assertThat(db.rows()).containsExactly("c1", "d2");
        }

        @Test // test_ambiguous_upgrade
        void plusOneFromTwoCurrentRevisionsIsAmbiguous() {
            Database db = shape.database().at("c1,c2");
            assertThatThrownBy(() -> db.upgrade("+1"))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining("several: c1, c2");
        }

        @Test // test_upgrade_from_base, test_upgrade_from_base_implicit
        void upgradeFromBaseByOne() {
            assertThat(shape.database().upgrade("base+1")).containsExactly("up a");
            assertThat(shape.database().upgrade("+1")).containsExactly("up a");
        }

        @Test // test_downgrade_minus1_to_base, test_downgrade_minus1_from_base
        void minusOneToAndFromBase() {
            Database db = shape.database().at("a");
            assertThat(db.downgrade("-1")).containsExactly("down a");
            assertThat(db.rows()).isEmpty();
            assertThatThrownBy(() -> db.downgrade("-1"))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining("no revision applied");
        }

        @Test // test_downgrade_no_effect_branched
        void downgradeToACurrentRevisionOfOneBranchDoesNothing() {
            Database db = shape.database().at("d1,c2");
            assertThat(db.downgrade("c2")).isEmpty();
            assertThat(db.downgrade("d1")).isEmpty();
            assertThat(db.rows()).containsExactly("c2", "d1");
        }
    }

    /** BranchFromMergepointTest: a1 -> b1 -> c1 and a2 -> b2 -> c2 merge into d1; c2 goes on into d2. */
    @Nested
    class BranchFromMergepoint {
        final Shape shape = Shape.named("branchfrommergepoint")
                .rev("a1")
                .rev("b1", "a1")
                .rev("c1", "b1")
                .rev("a2")
                .rev("b2", "a2")
                .rev("c2", "b2")
                .rev("d1", "c1", "c2")
                .rev("d2", "c2");

        @Test // test_mergepoint_to_only_one_side_upgrade
        void upgradeToTheMergeFromOneSide() {
            Database db = shape.database().at("d2,b1");
            assertThat(db.upgrade("d1")).containsExactly("up c1", "up d1");
            assertThat(db.rows()).containsExactly("d1", "d2");
        }

        @Test // test_mergepoint_to_only_one_side_downgrade
        void downgradeOneSideOfTheMerge() {
            Database db = shape.database().at("d2,d1");
            assertThat(db.downgrade("b1")).containsExactly("down d1", "down c1");
            assertThat(db.rows()).containsExactly("b1", "d2");
        }
    }

    /** BranchFrom3WayMergepointTest: three chains merge into d1; c2 and c3 go on into d2 and d3. */
    @Nested
    class BranchFrom3WayMergepoint {
        final Shape shape = Shape.named("branchfrom3way")
                .rev("a1")
                .rev("b1", "a1")
                .rev("c1", "b1")
                .rev("a2")
                .rev("b2", "a2")
                .rev("c2", "b2")
                .rev("a3")
                .rev("b3", "a3")
                .rev("c3", "b3")
                .rev("d1", "c1", "c2", "c3")
                .rev("d2", "c2")
                .rev("d3", "c3");

        @Test // test_mergepoint_to_only_one_side_upgrade
        void upgradeToTheMergeFromOneSide() {
            Database db = shape.database().at("d3,d2,b1");
            assertThat(db.upgrade("d1")).containsExactly("up c1", "up d1");
            assertThat(db.rows()).containsExactly("d1", "d2", "d3");
        }

        @Test // test_mergepoint_to_only_one_side_downgrade
        void downgradeOneSideOfTheMerge() {
            Database db = shape.database().at("d3,d2,d1");
            assertThat(db.downgrade("b1")).containsExactly("down d1", "down c1");
            assertThat(db.rows()).containsExactly("b1", "d2", "d3");
        }

        @Test // test_mergepoint_to_two_sides_upgrade; ours runs c1 before c2 (id order)
        void upgradeToTheMergeFromTwoSidesThenBreakOutAgain() {
            Database db = shape.database().at("d3,b2,b1");
            assertThat(db.upgrade("d1")).containsExactly("up c1", "up c2", "up d1");
            assertThat(db.rows()).containsExactly("d1", "d3");
            assertThat(db.upgrade("d2")).containsExactly("up d2");
            assertThat(db.rows()).containsExactly("d1", "d2", "d3");
        }
    }

    /** TwinMergeTest (#297): b1, b2, b3 off a, merged twice, by c1 and by c2. */
    @Nested
    class TwinMerge {
        final Shape shape = Shape.named("twinmerge")
                .rev("a")
                .rev("b1", "a")
                .rev("b2", "a")
                .rev("b3", "a")
                .rev("c1", "b1", "b2", "b3")
                .rev("c2", "b1", "b2", "b3")
                .rev("d1", "c1")
                .rev("d2", "c2");

        @Test // test_upgrade: the same steps, one upgrade each, and the rows after each
        void upgradeStepByStep() {
            upgradeOneByOne(
                    shape.database().at("a"),
                    List.of("b3", "b1", "b2", "c2", "d2", "c1", "d1"),
                    List.of(
                            List.of("b3"),
                            List.of("b1", "b3"),
                            List.of("b1", "b2", "b3"),
                            List.of("c2"),
                            List.of("d2"),
                            List.of("c1", "d2"),
                            List.of("d1", "d2")));
        }
    }

    /** NotQuiteTwinMergeTest: c1 merges b1 and b2, c2 merges b2 and b3. */
    @Nested
    class NotQuiteTwinMerge {
        final Shape shape = Shape.named("notquitetwin")
                .rev("a")
                .rev("b1", "a")
                .rev("b2", "a")
                .rev("b3", "a")
                .rev("c1", "b1", "b2")
                .rev("c2", "b2", "b3")
                .rev("d1", "c1")
                .rev("d2", "c2");

        @Test // test_upgrade
        void upgradeStepByStep() {
            upgradeOneByOne(
                    shape.database().at("a"),
                    List.of("b2", "b3", "c2", "d2", "b1", "c1", "d1"),
                    List.of(
                            List.of("b2"),
                            List.of("b2", "b3"),
                            List.of("c2"),
                            List.of("d2"),
                            List.of("b1", "d2"),
                            List.of("c1", "d2"),
                            List.of("d1", "d2")));
        }
    }

    /** DependsOnBranchTestOne: c2 (on a2 -> b2) depends on c1 (on a1 -> b1), which goes on to d1 -> e1 -> f1. */
    @Nested
    class DependsOnBranchOne {
        final Shape shape = Shape.named("dependsonone")
                .rev("a1")
                .label("lib1")
                .rev("b1", "a1")
                .rev("c1", "b1")
                .rev("a2")
                .rev("b2", "a2")
                .rev("c2", "b2")
                .dependsOn("c1")
                .rev("d1", "c1")
                .rev("e1", "d1")
                .rev("f1", "e1");

        @Test // test_downgrade_to_dependency: c2 depends on c1, which stays applied, so c2 stays
        void downgradeToADependencyLeavesWhatDependsOnIt() {
            Database db = shape.database().at("c2,d1");
            assertThat(db.downgrade("c1")).containsExactly("down d1");
            // Alembic's table then holds c2 alone; c1 keeps its own row here.
            assertThat(db.rows()).containsExactly("c1", "c2");
        }

        @Test // test_stamp_across_dependency
        void stampAcrossADependency() {
            Database db = shape.database();
            db.migrator.stamp("e1,c2", false);
            db.migrator.stamp("b1", false);
            assertThat(db.rows()).containsExactly("b1");
        }
    }

    /** DependsOnBranchTestTwo: three merges, and d1 depending on a3, b2 and c1. */
    @Nested
    class DependsOnBranchTwo {
        final Shape shape = Shape.named("dependsontwo")
                .rev("a1")
                .rev("a2")
                .rev("a3")
                .rev("amerge", "a1", "a2", "a3")
                .rev("b1")
                .rev("b2")
                .rev("bmerge", "b1", "b2")
                .rev("c1")
                .rev("c2")
                .rev("c3")
                .rev("cmerge", "c1", "c2", "c3")
                .rev("d1")
                .dependsOn("a3", "b2", "c1");

        @Test // test_kaboom, first downgrade: d1 depends on b2, which stays applied
        void downgradeToADependencyRevertsOnlyItsChildren() {
            Database db = shape.database().at("amerge,bmerge,cmerge,d1");
            assertThat(db.downgrade("b2")).containsExactly("down bmerge");
            // Alembic leaves b2 implied by d1; here b2 keeps its own row.
            assertThat(db.rows()).containsExactly("amerge", "b1", "b2", "cmerge", "d1");
        }

        @Test // test_kaboom, second downgrade: "d1@base" takes down d1 alone
        void downgradeTheBranchOfARevisionThatIsItsOwnBase() {
            Database db = shape.database().at("amerge,d1,b1,cmerge");
            assertThat(db.rows()).containsExactly("amerge", "b1", "b2", "cmerge", "d1");
            assertThat(db.downgrade("d1@base")).containsExactly("down d1");
            assertThat(db.rows()).containsExactly("amerge", "b1", "b2", "cmerge");
        }

        @Test // test_kaboom, second downgrade from the rows Alembic's table holds: b2 is put back
        void aDowngradePutsBackADependencyRowThatTheTableLeftOut() {
            Database db = shape.database().at("amerge,d1,b1,cmerge");
            db.execute("DELETE FROM migrate_version WHERE version_num = 'b2'");
            assertThat(db.downgrade("d1@base")).containsExactly("down d1");
            assertThat(db.rows()).containsExactly("amerge", "b1", "b2", "cmerge");
        }

        @Test // test_kaboom, third downgrade
        void downgradeEverything() {
            Database db = shape.database().at("amerge,b1,b2,cmerge");
            List<String> ran = db.downgrade("base");
            assertThat(ran)
                    .containsExactlyInAnyOrder(
                            "down amerge",
                            "down a1",
                            "down a2",
                            "down a3",
                            "down b1",
                            "down b2",
                            "down cmerge",
                            "down c1",
                            "down c2",
                            "down c3");
            assertThat(ran.indexOf("down amerge")).isLessThan(ran.indexOf("down a1"));
            assertThat(ran.indexOf("down cmerge")).isLessThan(ran.indexOf("down c1"));
            assertThat(db.rows()).isEmpty();
        }
    }

    /** DependsOnBranchTestThree (#377): a criss-cross, b2 depending on a2 and a3 on b1. */
    @Nested
    class DependsOnBranchThree {
        final Shape shape = Shape.named("dependsonthree")
                .rev("a1")
                .rev("a2", "a1")
                .rev("b1")
                .rev("b2", "b1")
                .dependsOn("a2")
                .rev("b3", "b2")
                .rev("a3", "a2")
                .dependsOn("b1");

        @Test // test_downgrade_over_crisscross
        void downgradeOverACrissCross() {
            Database db = shape.database().at("a3,b2");
            assertThat(db.downgrade("b1")).containsExactly("down b2");
            // Alembic leaves b1 implied by a3; here b1 keeps its own row.
            assertThat(db.rows()).containsExactly("a3", "b1");
        }
    }

    /** DependsOnOwnDownrevTest (#843): a2 revises and depends on a1. */
    @Nested
    class DependsOnOwnDownrev {
        final Shape shape =
                Shape.named("dependsonowndownrev").rev("a1").rev("a2", "a1").dependsOn("a1");

        @Test // test_traverse, test_traverse_down
        void traverseUpAndDown() {
            Database db = shape.database();
            assertThat(db.upgrade("a2")).containsExactly("up a1", "up a2");
            assertThat(db.rows()).containsExactly("a2");
            assertThat(db.downgrade("a1")).containsExactly("down a2");
            assertThat(db.rows()).containsExactly("a1");
        }
    }

    /** DependsOnBranchTestFour (#789): b2 and b4 both depend on a3. */
    @Nested
    class DependsOnBranchFour {
        final Shape shape = Shape.named("dependsonfour")
                .rev("a1")
                .rev("a2", "a1")
                .rev("a3", "a2")
                .rev("b1")
                .rev("b2", "b1")
                .dependsOn("a3")
                .rev("b3", "b2")
                .rev("b4", "b3")
                .dependsOn("a3");

        @Test // test_dependencies_are_normalized
        void downgradeBelowOneOfTwoDependents() {
            Database db = shape.database().at("b4");
            assertThat(db.rows()).containsExactly("a3", "b4");
            assertThat(db.downgrade("b3")).containsExactly("down b4");
            // Alembic's table holds b3 alone, a3 implied; here a3 keeps its own row.
            assertThat(db.rows()).containsExactly("a3", "b3");
        }
    }

    /** DependsOnBranchTestFive (#1373): b1 depends on a1, and bmerge merges both. */
    @Nested
    class DependsOnBranchFive {
        final Shape shape =
                Shape.named("dependsonfive").rev("a1").rev("b1").dependsOn("a1").rev("bmerge", "a1", "b1");

        @Test // test_downgrade_to_depends_on
        void downgradeToTheDependencyKeepsTheDependent() {
            Database db = shape.database().at("a1");
            assertThat(db.upgrade("b1")).containsExactly("up b1");
            assertThat(db.rows()).containsExactly("a1", "b1"); // Alembic: b1 alone
            assertThat(db.upgrade("bmerge")).containsExactly("up bmerge");
            assertThat(db.rows()).containsExactly("bmerge");
            assertThat(db.downgrade("a1")).containsExactly("down bmerge");
            assertThat(db.rows()).containsExactly("a1", "b1"); // Alembic: b1 alone
            db.at("bmerge");
            assertThat(db.downgrade("b1")).containsExactly("down bmerge");
            assertThat(db.rows()).containsExactly("a1", "b1");
        }
    }

    /** ForestTest: two separate chains a1 -> b1 and a2 -> b2. */
    @Nested
    class Forest {
        final Shape shape =
                Shape.named("forest").rev("a1").rev("b1", "a1").rev("a2").rev("b2", "a2");

        @Test // test_base_to_heads; ours interleaves the chains in id order
        void baseToHeads() {
            Database db = shape.database();
            assertThat(db.upgrade("heads")).containsExactly("up a1", "up a2", "up b1", "up b2");
            assertThat(db.rows()).containsExactly("b1", "b2");
        }

        @Test // test_stamp_to_heads, test_stamp_to_heads_no_moves_needed
        void stampToHeads() {
            Database db = shape.database();
            db.migrator.stamp("heads", false);
            assertThat(db.rows()).containsExactly("b1", "b2");
            assertThat(db.history()).containsExactly("b1 stamp stamp heads", "b2 stamp stamp heads");
            db.migrator.stamp("heads", false);
            assertThat(db.rows()).containsExactly("b1", "b2");
        }

        @Test // the branch of a revision, from its base, leaves the other chain alone
        void downgradeOneChainFromItsBase() {
            Database db = shape.database().at("heads");
            assertThat(db.downgrade("b1@base")).containsExactly("down b1", "down a1");
            assertThat(db.rows()).containsExactly("b2");
        }
    }

    /** test_revision.py's MultipleBaseCrossDependencyTestOne: three bases; b1b and c2 depend on a3. */
    @Nested
    class MultipleBaseCrossDependency {
        final Shape shape = Shape.named("multiplebasecross")
                .rev("base1")
                .label("b_1")
                .rev("a1a", "base1")
                .rev("a1b", "base1")
                .rev("b1a", "a1a")
                .rev("b1b", "a1b")
                .dependsOn("a3")
                .rev("base2")
                .label("b_2")
                .rev("a2", "base2")
                .rev("b2", "a2")
                .rev("c2", "b2")
                .dependsOn("a3")
                .rev("d2", "c2")
                .rev("base3")
                .label("b_3")
                .rev("a3", "base3")
                .rev("b3", "a3");

        @Test // test_we_need_head2_upgrade: the 2 branch needs a3 of the 3 branch
        void upgradeOneBranchTakesItsDependencies() {
            Database db = shape.database();
            assertThat(db.upgrade("b_2@head"))
                    .containsExactlyInAnyOrder("up base2", "up a2", "up b2", "up c2", "up d2", "up base3", "up a3");
            assertThat(db.rows()).containsExactly("a3", "d2");
        }

        @Test // test_we_need_base2_downgrade, test_we_need_base3_downgrade
        void downgradeOneBranchTakesWhatDependsOnIt() {
            Database db = shape.database().at("heads");
            assertThat(db.downgrade("b_2@base"))
                    .containsExactly("down d2", "down c2", "down b2", "down a2", "down base2");
            assertThat(db.rows()).containsExactly("b1a", "b1b", "b3");
            db.at("heads");
            assertThat(db.downgrade("b_3@base"))
                    .containsExactlyInAnyOrder("down b1b", "down d2", "down c2", "down b3", "down a3", "down base3");
            assertThat(db.rows()).containsExactly("a1b", "b1a", "b2");
        }
    }

    /** MergedPathTest: a -> b -> c1 -> d1 and b -> c2 (c2branch) -> d2, merged by e, then f. */
    @Nested
    class MergedPath {
        final Shape shape = Shape.named("mergedpath")
                .rev("a")
                .rev("b", "a")
                .rev("c1", "b")
                .rev("d1", "c1")
                .rev("c2", "b")
                .label("c2branch")
                .rev("d2", "c2")
                .rev("e", "d1", "d2")
                .rev("f", "e");

        private Set<String> stamp(String from, String to) {
            Database db = shape.database();
            db.migrator.stamp(from, false);
            db.migrator.stamp(to, false);
            return db.rows();
        }

        @Test // test_stamp_down_across_merge_point_branch, test_stamp_down_across_merge_prior_branching
        void stampDownAcrossTheMerge() {
            assertThat(stamp("e", "c2")).containsExactly("c2");
            assertThat(stamp("e", "a")).containsExactly("a");
        }

        @Test // test_stamp_up_across_merge_from_single_branch, _from_multiple_branch, _prior_branching
        void stampUpAcrossTheMerge() {
            assertThat(stamp("c2", "e")).containsExactly("e");
            assertThat(stamp("d1,c2", "e")).containsExactly("e");
            assertThat(stamp("b", "e")).containsExactly("e");
        }

        @Test // test_stamp_labeled_head_across_merge_from_multiple_branch
        void stampALabelledHeadAcrossTheMerge() {
            assertThat(stamp("d1,c2", "c2branch@head")).containsExactly("f");
        }

        @Test // test_upgrade_across_merge_point; ours runs c1 before c2 (id order)
        void upgradeAcrossTheMerge() {
            Database db = shape.database().at("b");
            assertThat(db.upgrade("f")).containsExactly("up c1", "up c2", "up d1", "up d2", "up e", "up f");
            assertThat(db.rows()).containsExactly("f");
        }

        @Test // test_downgrade_across_merge_point; ours reverts d2 before d1 (id order, reversed)
        void downgradeAcrossTheMerge() {
            Database db = shape.database().at("f");
            assertThat(db.downgrade("b"))
                    .containsExactly("down f", "down e", "down d2", "down d1", "down c2", "down c1");
            assertThat(db.rows()).containsExactly("b");
        }
    }

    /** BranchedPathTestCrossDependencies: the branched path, with d2 depending on c1. */
    @Nested
    class BranchedPathCrossDependencies {
        final Shape shape = Shape.named("crossdependencies")
                .rev("a")
                .rev("b", "a")
                .rev("c1", "b")
                .label("c1branch")
                .rev("d1", "c1")
                .rev("c2", "b")
                .label("c2branch")
                .rev("d2", "c2")
                .dependsOn("c1");

        @Test // test_downgrade_independent_branch
        void downgradeTheDependentBranchAlone() {
            Database db = shape.database().at("d1,d2");
            assertThat(db.downgrade("c2branch@b")).containsExactly("down d2", "down c2");
            assertThat(db.rows()).containsExactly("d1");
        }

        @Test // test_downgrade_branch_dependency
        void downgradeTheBranchOthersDependOnTakesThemDownToo() {
            Database db = shape.database().at("d1,d2");
            List<String> ran = db.downgrade("c1branch@b");
            assertThat(ran).containsExactlyInAnyOrder("down c1", "down d1", "down d2");
            assertThat(ran.indexOf("down d1")).isLessThan(ran.indexOf("down c1"));
            assertThat(ran.indexOf("down d2")).isLessThan(ran.indexOf("down c1"));
            assertThat(db.rows()).containsExactly("c2");
        }
    }
}
