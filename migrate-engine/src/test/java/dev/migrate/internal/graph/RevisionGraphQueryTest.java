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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphQueryTest {

    /**
     * <pre>
     * a -> b -> c ---> e -> f        x (label "other") -> y
     *        \-> d -/                z revises y, depends on c
     * </pre>
     */
    static RevisionGraph sample() {
        return graph(
                rev("f", "e"),
                rev("e", "c", "d"),
                rev("d", "b"),
                rev("c", "b"),
                rev("b", "a"),
                rev("a"),
                labelled("x", "other"),
                rev("y", "x"),
                depending("z", List.of("y"), List.of("c")));
    }

    @Test
    void headsBasesBranchAndMergePoints() {
        RevisionGraph g = sample();
        assertThat(g.heads()).containsExactlyInAnyOrder("f", "z");
        assertThat(g.bases()).containsExactlyInAnyOrder("a", "x");
        assertThat(g.branchPoints()).containsExactly("b");
        assertThat(g.mergePoints()).containsExactly("e");
        assertThat(g.children("b")).containsExactly("c", "d");
        assertThat(g.dependents("c")).containsExactly("z");
        assertThat(g.isHead("f")).isTrue();
        assertThat(g.isHead("c")).isFalse();
        // A dependency does not make a revision stop being a head or start a branch.
        assertThat(g.isBranchPoint("c")).isFalse();
        assertThat(g.size()).isEqualTo(9);
    }

    @Test
    void allIsTopologicalThroughRevisesAndDependsOn() {
        RevisionGraph g = sample();
        List<String> order = g.all().stream().map(RevisionInfo::id).toList();
        assertThat(order).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "x", "y", "z");
        for (RevisionInfo r : g.all()) {
            for (String parent : r.revises()) {
                assertThat(order.indexOf(parent)).isLessThan(order.indexOf(r.id()));
            }
            for (String dependency : r.dependsOn()) {
                assertThat(order.indexOf(dependency)).isLessThan(order.indexOf(r.id()));
            }
        }
        assertThat(order.indexOf("c")).isLessThan(order.indexOf("z"));
    }

    @Test
    void ancestorsFollowRevisesAndDependsOn() {
        RevisionGraph g = sample();
        assertThat(g.ancestors("f")).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(g.ancestors("z")).containsExactlyInAnyOrder("x", "y", "c", "b", "a");
        assertThat(g.ancestors("a")).isEmpty();
        assertThat(g.descendantsOrSelf(List.of("c"))).containsExactlyInAnyOrder("c", "e", "f", "z");
    }

    @Test
    void getAndFind() {
        RevisionGraph g = sample();
        assertThat(g.get("e").revises()).containsExactly("c", "d");
        assertThat(g.find("nope")).isEmpty();
        assertThat(g.contains("x")).isTrue();
        assertThat(g.labels()).containsEntry("other", "x");
        assertThatThrownBy(() -> g.get("nope"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void appliedRevisionsAreAncestorsOrSelfOfTheRows() {
        RevisionGraph g = sample();
        assertThat(g.appliedRevisions(Set.of("c", "y"))).containsExactlyInAnyOrder("a", "b", "c", "x", "y");
        assertThat(g.appliedRevisions(Set.of())).isEmpty();
    }

    @Test
    void unknownDatabaseRevisionIsReported() {
        RevisionGraph g = sample();
        assertThatThrownBy(() -> g.appliedRevisions(Set.of("c", "deadbeef")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The database is at revision deadbeef, which no migration class defines")
                .hasMessageContaining("packages")
                .hasMessageContaining("branch")
                .hasMessageContaining("acceptFutureRevisions")
                .hasMessageNotContaining("stamp");
        assertThatThrownBy(() -> g.planUpgrade(Set.of("deadbeef"), RevisionTarget.of("heads")))
                .hasMessageContaining("deadbeef");
        assertThatThrownBy(() -> g.planDowngrade(Set.of("deadbeef"), RevisionTarget.of("base")))
                .hasMessageContaining("deadbeef");
        assertThatThrownBy(() -> g.planStamp(Set.of("deadbeef"), RevisionTarget.of("base")))
                .hasMessageContaining("deadbeef");
    }

    @Test
    void longChainIsHandledWithoutRecursion() {
        int n = 5_000;
        RevisionGraph g = Revs.chain(n);
        String head = Revs.chainId(n);
        assertThat(g.heads()).containsExactly(head);
        assertThat(g.bases()).containsExactly(Revs.chainId(1));
        assertThat(g.ancestors(head)).hasSize(n - 1);
        assertThat(g.all().get(0).id()).isEqualTo(Revs.chainId(1));
        assertThat(g.all().get(n - 1).id()).isEqualTo(head);

        List<Step> up = g.planUpgrade(Set.of(), RevisionTarget.of("head"));
        assertThat(up).hasSize(n);
        for (int i = 0; i < n; i++) {
            Step s = up.get(i);
            assertThat(s.revision().id()).isEqualTo(Revs.chainId(i + 1));
            assertThat(s.deleteVersions()).isEqualTo(i == 0 ? List.of() : List.of(Revs.chainId(i)));
            assertThat(s.insertVersions()).containsExactly(Revs.chainId(i + 1));
        }
        List<Step> down = g.planDowngrade(Set.of(head), RevisionTarget.of("base"));
        assertThat(down).hasSize(n);
        assertThat(down.get(0).revision().id()).isEqualTo(head);
        assertThat(down.get(n - 1).insertVersions()).isEmpty();

        assertThat(g.planUpgrade(Set.of(Revs.chainId(10)), RevisionTarget.of("+4990")))
                .hasSize(4990);
        assertThat(g.planDowngrade(Set.of(head), RevisionTarget.of("-4999"))).hasSize(4999);
        assertThat(g.resolve(RevisionTarget.of(head + "-4000"), Set.of())).containsExactly(Revs.chainId(1000));
        assertThat(g.resolve(RevisionTarget.of("+5000"), Set.of())).containsExactly(head);
        assertThat(new GraphReport(g).history(null, false, Set.of(head)))
                .hasSize(n)
                .first()
                .isEqualTo(Revs.chainId(n - 1) + " -> " + head + " (head) (current), msg " + head);
    }
}
