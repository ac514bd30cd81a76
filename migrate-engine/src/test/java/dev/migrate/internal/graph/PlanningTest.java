package dev.migrate.internal.graph;

import static dev.migrate.internal.graph.Revs.depending;
import static dev.migrate.internal.graph.Revs.graph;
import static dev.migrate.internal.graph.Revs.labelled;
import static dev.migrate.internal.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanningTest {

    /** p -> a (label "alpha"), p -> b (label "beta"); m merges a and b. */
    static RevisionGraph diamond() {
        return graph(rev("p"), labelled("a", "alpha", "p"), labelled("b", "beta", "p"), rev("m", "a", "b"));
    }

    /** p -> a, p -> b: two heads. */
    static RevisionGraph fork() {
        return graph(rev("p"), labelled("a", "alpha", "p"), labelled("b", "beta", "p"));
    }

    static Step step(String id, Direction d, List<String> delete, List<String> insert) {
        return new Step(Revs.rev(id), d, delete, insert);
    }

    /** Applies the bookkeeping of the steps to the rows, checking each delete was a present row. */
    static Set<String> replay(Set<String> rows, List<Step> steps) {
        Set<String> result = new LinkedHashSet<>(rows);
        for (Step s : steps) {
            for (String d : s.deleteVersions()) {
                assertThat(result.remove(d))
                        .as("row %s present before %s", d, s.revision().id())
                        .isTrue();
            }
            for (String i : s.insertVersions()) {
                assertThat(result.add(i))
                        .as("row %s absent before %s", i, s.revision().id())
                        .isTrue();
            }
        }
        return result;
    }

    /** A stamp plan compared on its row changes only. */
    static List<List<String>> stamp(List<String> delete, List<String> insert) {
        return List.of(delete, insert);
    }

    static List<List<String>> rowChanges(StampPlan plan) {
        return List.of(plan.delete(), plan.insert());
    }

    static List<String> ids(List<Step> steps) {
        return steps.stream().map(s -> s.revision().id()).toList();
    }

    @Test
    void upgradeLinearChainReplacesTheRowEachStep() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"));
        List<Step> steps = g.planUpgrade(Set.of(), RevisionTarget.of("head"));
        assertThat(steps).extracting(Step::direction).containsOnly(Direction.UPGRADE);
        assertThat(ids(steps)).containsExactly("a", "b", "c");
        assertThat(steps.get(0).deleteVersions()).isEmpty();
        assertThat(steps.get(0).insertVersions()).containsExactly("a");
        assertThat(steps.get(1).deleteVersions()).containsExactly("a");
        assertThat(steps.get(2).deleteVersions()).containsExactly("b");
        assertThat(steps.get(2).insertVersions()).containsExactly("c");
        assertThat(ids(g.planUpgrade(Set.of("a"), RevisionTarget.of("+1")))).containsExactly("b");
        assertThat(ids(g.planUpgrade(Set.of("a"), RevisionTarget.of("c")))).containsExactly("b", "c");
    }

    @Test
    void upgradeToAnAppliedTargetIsEmpty() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"));
        assertThat(g.planUpgrade(Set.of("c"), RevisionTarget.of("head"))).isEmpty();
        assertThat(g.planUpgrade(Set.of("c"), RevisionTarget.of("a"))).isEmpty();
        assertThat(g.planUpgrade(Set.of("c"), RevisionTarget.of("base"))).isEmpty();
    }

    @Test
    void upgradeRefusesDownwardTargets() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"));
        assertThatThrownBy(() -> g.planUpgrade(Set.of("b"), RevisionTarget.of("-1")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("downgrade -1");
        assertThatThrownBy(() -> g.planDowngrade(Set.of("a"), RevisionTarget.of("+1")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("upgrade +1");
    }

    @Test
    void upgradeToHeadsFromTheBranchPointKeepsOneRowPerBranch() {
        RevisionGraph g = fork();
        List<Step> steps = g.planUpgrade(Set.of("p"), RevisionTarget.of("heads"));
        assertThat(ids(steps)).containsExactly("a", "b");
        assertThat(steps.get(0).deleteVersions()).containsExactly("p");
        assertThat(steps.get(0).insertVersions()).containsExactly("a");
        // p's row is gone already: b only adds its own.
        assertThat(steps.get(1).deleteVersions()).isEmpty();
        assertThat(steps.get(1).insertVersions()).containsExactly("b");
        assertThat(replay(Set.of("p"), steps)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void upgradeOneBranchThenTheOther() {
        RevisionGraph g = fork();
        List<Step> first = g.planUpgrade(Set.of(), RevisionTarget.of("alpha@head"));
        assertThat(ids(first)).containsExactly("p", "a");
        Set<String> rows = replay(Set.of(), first);
        assertThat(rows).containsExactly("a");
        List<Step> second = g.planUpgrade(rows, RevisionTarget.of("b"));
        assertThat(ids(second)).containsExactly("b");
        assertThat(replay(rows, second)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void downgradeOneBranchLeavesTheOther() {
        RevisionGraph g = fork();
        List<Step> steps = g.planDowngrade(Set.of("a", "b"), RevisionTarget.of("beta@base"));
        assertThat(ids(steps)).containsExactly("b");
        assertThat(steps.get(0).direction()).isEqualTo(Direction.DOWNGRADE);
        assertThat(steps.get(0).deleteVersions()).containsExactly("b");
        assertThat(steps.get(0).insertVersions()).isEmpty();
        assertThat(replay(Set.of("a", "b"), steps)).containsExactly("a");

        // Both branches down to the branch point: the last one reverted restores p.
        List<Step> toP = g.planDowngrade(Set.of("a", "b"), RevisionTarget.of("p"));
        assertThat(ids(toP)).containsExactly("b", "a");
        assertThat(toP.get(1).insertVersions()).containsExactly("p");
        assertThat(replay(Set.of("a", "b"), toP)).containsExactly("p");
    }

    @Test
    void labelRelativeTargetsMoveOneBranch() {
        // p -> a -> a2 (label "alpha" on a), p -> b (label "beta")
        RevisionGraph g = graph(rev("p"), labelled("a", "alpha", "p"), rev("a2", "a"), labelled("b", "beta", "p"));
        List<Step> down = g.planDowngrade(Set.of("a2", "b"), RevisionTarget.of("alpha@-1"));
        assertThat(ids(down)).containsExactly("a2");
        assertThat(replay(Set.of("a2", "b"), down)).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(g.planDowngrade(Set.of("a2", "b"), RevisionTarget.of("beta@-1"))))
                .containsExactly("b");
        assertThat(ids(g.planUpgrade(Set.of("a", "b"), RevisionTarget.of("alpha@+1"))))
                .containsExactly("a2");
        // A branch not applied yet: +1 is its labelled revision.
        assertThat(ids(g.planUpgrade(Set.of("b"), RevisionTarget.of("alpha@+2"))))
                .containsExactly("a", "a2");
        assertThat(g.planDowngrade(Set.of("b"), RevisionTarget.of("alpha@-1"))).isEmpty();
        assertThatThrownBy(() -> g.planUpgrade(Set.of("a2"), RevisionTarget.of("alpha@-1")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("downgrade alpha@-1");
        assertThatThrownBy(() -> g.planDowngrade(Set.of("a2"), RevisionTarget.of("alpha@+1")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("upgrade alpha@+1");
    }

    @Test
    void wideFanOutIsPlannedCorrectly() {
        // One base with 3,000 children: downgrading them all must restore the base exactly once.
        List<RevisionInfo> revs = new java.util.ArrayList<>();
        revs.add(rev("root"));
        Set<String> heads = new LinkedHashSet<>();
        for (int i = 0; i < 3_000; i++) {
            revs.add(rev("c" + i, "root"));
            heads.add("c" + i);
        }
        RevisionGraph g = RevisionGraph.of(revs);
        List<Step> up = g.planUpgrade(Set.of(), RevisionTarget.of("heads"));
        assertThat(up).hasSize(3_001);
        assertThat(replay(Set.of(), up)).isEqualTo(heads);
        List<Step> down = g.planDowngrade(heads, RevisionTarget.of("root"));
        assertThat(down).hasSize(3_000);
        assertThat(down.stream().filter(s -> !s.insertVersions().isEmpty()).count())
                .isEqualTo(1);
        assertThat(replay(heads, down)).containsExactly("root");
    }

    @Test
    void downgradeOfAMergeRestoresBothParents() {
        RevisionGraph g = diamond();
        List<Step> steps = g.planDowngrade(Set.of("m"), RevisionTarget.of("-1"));
        assertThat(ids(steps)).containsExactly("m");
        assertThat(steps.get(0).deleteVersions()).containsExactly("m");
        assertThat(steps.get(0).insertVersions()).containsExactly("a", "b");
        assertThat(replay(Set.of("m"), steps)).containsExactlyInAnyOrder("a", "b");
        assertThatThrownBy(() -> g.planDowngrade(Set.of("m"), RevisionTarget.of("-2")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("m is a merge point of a, b");
    }

    @Test
    void upgradeIntoAMergeDeletesBothParentRows() {
        RevisionGraph g = diamond();
        List<Step> steps = g.planUpgrade(Set.of("a"), RevisionTarget.of("head"));
        assertThat(ids(steps)).containsExactly("b", "m");
        assertThat(steps.get(1).deleteVersions()).containsExactly("a", "b");
        assertThat(steps.get(1).insertVersions()).containsExactly("m");
        assertThat(replay(Set.of("a"), steps)).containsExactly("m");
    }

    @Test
    void downgradeToBaseRevertsEverythingChildrenFirst() {
        RevisionGraph g = diamond();
        List<Step> steps = g.planDowngrade(Set.of("m"), RevisionTarget.of("base"));
        assertThat(ids(steps)).containsExactly("m", "b", "a", "p");
        assertThat(steps.get(3).deleteVersions()).containsExactly("p");
        assertThat(steps.get(3).insertVersions()).isEmpty();
        assertThat(replay(Set.of("m"), steps)).isEmpty();
    }

    @Test
    void downgradeToTheCurrentRevisionIsEmptyAndAboveItIsRefused() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"));
        assertThatThrownBy(() -> g.planDowngrade(Set.of("b"), RevisionTarget.of("c")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Destination c is not a valid downgrade target from the current revision(s) b");
        assertThat(g.planDowngrade(Set.of("b"), RevisionTarget.of("b"))).isEmpty();
        assertThat(g.planDowngrade(Set.of(), RevisionTarget.of("base"))).isEmpty();
        assertThat(ids(g.planDowngrade(Set.of("c"), RevisionTarget.of("a")))).containsExactly("c", "b");
        assertThat(ids(g.planDowngrade(Set.of("c"), RevisionTarget.of("-2")))).containsExactly("c", "b");
        assertThat(ids(g.planDowngrade(Set.of("c"), RevisionTarget.of("c-1")))).containsExactly("c");
        assertThatThrownBy(() -> g.planDowngrade(Set.of("b"), RevisionTarget.of("-3")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("below the base");
    }

    @Test
    void dependenciesAreAppliedFirstAndKeepTheirRow() {
        // x -> y on one branch; z on another, revising w and depending on y.
        RevisionGraph g = graph(rev("x"), rev("y", "x"), rev("w"), depending("z", List.of("w"), List.of("y")));
        List<Step> steps = g.planUpgrade(Set.of("w"), RevisionTarget.of("z"));
        assertThat(ids(steps)).containsExactly("x", "y", "z");
        assertThat(steps.get(2).deleteVersions()).containsExactly("w");
        Set<String> rows = replay(Set.of("w"), steps);
        assertThat(rows).containsExactlyInAnyOrder("y", "z");
        // Reverting y first reverts what depends on it.
        List<Step> down = g.planDowngrade(rows, RevisionTarget.of("x"));
        assertThat(ids(down)).containsExactly("z", "y");
        assertThat(replay(rows, down)).containsExactlyInAnyOrder("w", "x");
    }

    @Test
    void stampMovesRowsWithoutRunningAnything() {
        RevisionGraph g = graph(rev("p"), rev("a", "p"), rev("a2", "a"), rev("b", "p"));
        assertThat(rowChanges(g.planStamp(Set.of(), RevisionTarget.of("a2"))))
                .isEqualTo(stamp(List.of(), List.of("a2")));
        // The other branch's row stays.
        assertThat(rowChanges(g.planStamp(Set.of("a", "b"), RevisionTarget.of("a2"))))
                .isEqualTo(stamp(List.of("a"), List.of("a2")));
        assertThat(rowChanges(g.planStamp(Set.of("a2", "b"), RevisionTarget.of("p"))))
                .isEqualTo(stamp(List.of("a2", "b"), List.of("p")));
        assertThat(rowChanges(g.planStamp(Set.of("a", "b"), RevisionTarget.of("base"))))
                .isEqualTo(stamp(List.of("a", "b"), List.of()));
        assertThat(rowChanges(g.planStamp(Set.of("p"), RevisionTarget.of("heads"))))
                .isEqualTo(stamp(List.of("p"), List.of("a2", "b")));
        assertThat(g.planStamp(Set.of("a2", "b"), RevisionTarget.of("heads")).isEmpty())
                .isTrue();
        assertThat(rowChanges(g.planStamp(Set.of("a2"), RevisionTarget.of("-1"))))
                .isEqualTo(stamp(List.of("a2"), List.of("a")));
    }
}
