package dev.migrate.internal.graph;

import static dev.migrate.internal.graph.Revs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphReportTest {

    static RevisionInfo info(String id, List<String> revises, String message, Set<String> labels) {
        return new RevisionInfo(id, revises, message, labels, List.of(), true, "db.migrations.V" + id);
    }

    /** init -> users, which branches into orders and billing (label "billing"), merged by merge. */
    static RevisionGraph sample() {
        return graph(
                info("20261120_093000", List.of(), "init", Set.of()),
                info("20261122_101500", List.of("20261120_093000"), "add users table", Set.of()),
                info("20261123_080000", List.of("20261122_101500"), "add orders", Set.of()),
                info("20261123_090000", List.of("20261122_101500"), "add billing", Set.of("billing")),
                info("20261124_120000", List.of("20261123_080000", "20261123_090000"), "merge", Set.of()));
    }

    @Test
    void historyNewestFirstWithMarkers() {
        GraphReport report = new GraphReport(sample());
        assertThat(report.history(null, false, Set.of("20261124_120000")))
                .containsExactly(
                        "(20261123_080000, 20261123_090000) -> 20261124_120000 (head) (mergepoint) (current), merge",
                        "20261122_101500 -> 20261123_090000 (billing), add billing",
                        "20261122_101500 -> 20261123_080000, add orders",
                        "20261120_093000 -> 20261122_101500 (branchpoint), add users table",
                        "<base> -> 20261120_093000, init");
    }

    @Test
    void headAndCurrentAsInTheContract() {
        RevisionGraph g = graph(
                info("20261120_093000", List.of(), "init", Set.of()),
                info("20261123_080000", List.of("20261120_093000"), "add users table", Set.of()));
        assertThat(new GraphReport(g).history("", false, Set.of("20261123_080000")))
                .containsExactly(
                        "20261120_093000 -> 20261123_080000 (head) (current), add users table",
                        "<base> -> 20261120_093000, init");
    }

    @Test
    void historyIdsAreTheRevisionsTheLinesShow() {
        GraphReport report = new GraphReport(sample());
        assertThat(report.historyIds("20261122:20261123_080000", Set.of()))
                .containsExactly("20261123_080000", "20261122_101500");
        assertThat(report.historyIds("current:", Set.of("20261123_090000")))
                .containsExactly("20261124_120000", "20261123_090000");
        assertThat(report.historyIds(null, Set.of())).hasSize(5).startsWith("20261124_120000");
    }

    @Test
    void historyRange() {
        GraphReport report = new GraphReport(sample());
        assertThat(report.history("20261122:20261123_080000", false, Set.of()))
                .containsExactly(
                        "20261122_101500 -> 20261123_080000, add orders",
                        "20261120_093000 -> 20261122_101500 (branchpoint), add users table");
        assertThat(report.history("current:", false, Set.of("20261123_090000")))
                .containsExactly(
                        "(20261123_080000, 20261123_090000) -> 20261124_120000 (head) (mergepoint), merge",
                        "20261122_101500 -> 20261123_090000 (billing) (current), add billing");
        assertThat(report.history(":current", false, Set.of("20261123_090000")))
                .containsExactly(
                        "20261122_101500 -> 20261123_090000 (billing) (current), add billing",
                        "20261120_093000 -> 20261122_101500 (branchpoint), add users table",
                        "<base> -> 20261120_093000, init");
        assertThat(report.history("base:20261120", false, Set.of())).containsExactly("<base> -> 20261120_093000, init");
    }

    @Test
    void verboseHistoryHasABlockPerRevision() {
        List<String> lines = new GraphReport(sample()).history("20261123_090000:20261123_090000", true, Set.of());
        assertThat(lines)
                .containsExactly(
                        "Revision ID: 20261123_090000",
                        "Revises: 20261122_101500",
                        "Branch labels: billing",
                        "Path: db.migrations.V20261123_090000",
                        "",
                        "    add billing",
                        "");
    }

    @Test
    void headsBranchesShowAndCurrent() {
        RevisionGraph g = graph(
                info("a", List.of(), "init", Set.of()),
                info("b", List.of("a"), "left", Set.of("left")),
                info("c", List.of("a"), "right", Set.of()));
        GraphReport report = new GraphReport(g);
        assertThat(report.heads(false)).containsExactly("b (left) (head)", "c (head)");
        assertThat(report.heads(true)).contains("Revision ID: b (head)", "Revision ID: c (head)");
        assertThat(report.branches())
                .containsExactly(
                        "<base> -> a (branchpoint), init", "  -> b (left) (head), left", "  -> c (head), right");
        assertThat(report.show(RevisionTarget.of("a")))
                .startsWith("Revision ID: a (branchpoint)", "Revises: <base>", "Branches into: b, c");
        assertThat(report.current(Set.of("c", "a"))).containsExactly("a", "c (head)");
        assertThat(report.current(Set.of())).isEmpty();
        assertThatThrownBy(() -> report.current(Set.of("zz")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("revision zz");
    }
}
