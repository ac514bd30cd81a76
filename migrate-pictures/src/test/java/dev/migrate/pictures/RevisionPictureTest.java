package dev.migrate.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.RevisionDetails;
import dev.migrate.pictures.RevisionPicture.Box;
import dev.migrate.pictures.RevisionPicture.Edge;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RevisionPictureTest {

    /** a, then b and c branching from it, d merging them, e after d depending on c and not transactional. */
    static List<RevisionDetails> branchAndMerge() {
        return List.of(
                new RevisionDetails(
                        "a", List.of(), "create accounts", List.of("core"), List.of(), true, "A", List.of("b", "c")),
                new RevisionDetails("b", List.of("a"), "add email", List.of(), List.of(), true, "B", List.of("d")),
                new RevisionDetails("c", List.of("a"), "add phone", List.of(), List.of(), true, "C", List.of("d")),
                new RevisionDetails("d", List.of("b", "c"), "merge", List.of(), List.of(), true, "D", List.of("e")),
                new RevisionDetails(
                        "e", List.of("d"), "index accounts", List.of(), List.of("c"), false, "E", List.of()));
    }

    @Test
    void newestAtTheTopEachLineFromParentToChildAndBoxesApart() {
        RevisionPicture picture = RevisionPicture.of(branchAndMerge(), Set.of(), Map.of());

        Function<String, Box> box = id -> picture.boxes().stream()
                .filter(b -> b.revision().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(box.apply("e").y()).isLessThan(box.apply("d").y());
        assertThat(box.apply("d").y())
                .isLessThan(box.apply("b").y())
                .isLessThan(box.apply("a").y());
        assertThat(box.apply("d").y()).isLessThan(box.apply("c").y());
        List<Box> all = picture.boxes();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Box p = all.get(i);
                Box q = all.get(j);
                assertThat(SchemaPictureTest.apart(
                                p.x(), p.y(), p.width(), p.height(), q.x(), q.y(), q.width(), q.height()))
                        .as("%s and %s overlap", p.revision(), q.revision())
                        .isTrue();
            }
        }
        assertThat(picture.edges()).hasSize(6);
        for (Edge edge : picture.edges()) {
            Box from = box.apply(edge.from());
            Box to = box.apply(edge.to());
            ElkLayout.Point start = edge.points().get(0);
            ElkLayout.Point end = edge.points().get(edge.points().size() - 1);
            // from the top of the older box to the bottom of the newer one
            assertThat(start.y()).isCloseTo(from.y(), org.assertj.core.data.Offset.offset(0.5));
            assertThat(start.x()).isBetween(from.x(), from.x() + from.width());
            assertThat(end.y()).isCloseTo(to.y() + to.height(), org.assertj.core.data.Offset.offset(0.5));
            assertThat(end.x()).isBetween(to.x(), to.x() + to.width());
        }
        assertThat(picture.edges())
                .filteredOn(Edge::dependsOn)
                .extracting(Edge::from, Edge::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c", "e"));
        SvgRendering.assertRenders(picture.svg());
    }

    @Test
    void mermaidMarksBranchPointsMergesHeadsLabelsAndDependsOn() {
        String mermaid =
                RevisionPicture.of(branchAndMerge(), Set.of(), Map.of()).mermaid();

        assertThat(mermaid)
                .startsWith("flowchart BT\n")
                .contains("    r0[\"a<br/>create accounts<br/>(@core, branch point)\"]\n")
                .contains("    r3{{\"d<br/>merge<br/>(merge)\"}}\n")
                .contains(
                        "    r4[\"e<br/>index accounts<br/>(head, non-transactional)\"]\n    class r4 head,nontransactional\n")
                .contains("    r1 --> r3\n    r2 --> r3\n")
                .contains("    r2 -.->|depends on| r4\n")
                .doesNotContain("class r3");
    }

    @Test
    void withADatabaseTheCurrentRevisionAndEachAppliedStepsDateAndDuration() {
        OffsetDateTime ran = OffsetDateTime.of(2026, 3, 1, 9, 30, 5, 0, ZoneOffset.ofHours(2));
        RevisionPicture picture = RevisionPicture.of(
                branchAndMerge(),
                Set.of("d"),
                Map.of(
                        "a",
                        new AppliedRevision("a", ran, Duration.ofMillis(420)),
                        "d",
                        new AppliedRevision("d", ran.plusMinutes(1), Duration.ofMillis(65_300)),
                        "b",
                        new AppliedRevision("b", ran, null)));

        assertThat(picture.mermaid())
                .contains(
                        "r0[\"a<br/>create accounts<br/>(@core, branch point)<br/>applied 2026-03-01 07:30:05 UTC in 420 ms\"]")
                .contains(
                        "r3{{\"d<br/>merge<br/>(current, merge)<br/>applied 2026-03-01 07:31:05 UTC in 1 min 5 s\"}}\n    class r3 current\n")
                .contains("r1[\"b<br/>add email<br/>applied 2026-03-01 07:30:05 UTC\"]");
        assertThat(picture.svg()).contains("data-revision=\"d\">\n<rect").contains("stroke-width=\"3\"");
        SvgRendering.assertRenders(picture.svg());
    }
}
