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

class RevisionGraphValidationTest {

    @Test
    void duplicateIdNamesBothClasses() {
        RevisionInfo first = rev("a");
        RevisionInfo second =
                new RevisionInfo("a", List.of(), "other", Set.of(), List.of(), true, "db.migrations.Other");
        assertThatThrownBy(() -> graph(first, second))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Revision id a is declared twice")
                .hasMessageContaining("db.migrations.V_a")
                .hasMessageContaining("db.migrations.Other");
    }

    @Test
    void missingParentNamesRevisionClassAndMissingId() {
        assertThatThrownBy(() -> graph(rev("a"), rev("b", "zzz")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Revision b (db.migrations.V_b) revises zzz")
                .hasMessageContaining("no migration class defines revision zzz")
                .hasMessageContaining("correct 'revises'");
    }

    @Test
    void missingDependencyNamesRevisionClassAndMissingId() {
        assertThatThrownBy(() -> graph(rev("a"), depending("b", List.of("a"), List.of("nope"))))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Revision b (db.migrations.V_b) depends on nope")
                .hasMessageContaining("correct 'dependsOn'");
    }

    @Test
    void cycleNamesEveryRevisionInIt() {
        assertThatThrownBy(() -> graph(rev("root"), rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("d", "root")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("a (db.migrations.V_a)")
                .hasMessageContaining("b (db.migrations.V_b)")
                .hasMessageContaining("c (db.migrations.V_c)")
                .hasMessageNotContaining("root (")
                .hasMessageNotContaining("d (");
    }

    @Test
    void cycleThroughDependsOnIsFound() {
        assertThatThrownBy(() -> graph(rev("a"), depending("b", List.of("a"), List.of("c")), rev("c", "b")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("b (db.migrations.V_b) -> c (db.migrations.V_c) -> b");
    }

    @Test
    void selfRevisionIsACycle() {
        assertThatThrownBy(() -> graph(rev("a", "a")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("a (db.migrations.V_a) -> a (db.migrations.V_a)");
    }

    @Test
    void illegalIdIsRejectedWithTheClassName() {
        assertThatThrownBy(() -> graph(rev("2026-11-22")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'2026-11-22'")
                .hasMessageContaining("db.migrations.V_2026-11-22")
                .hasMessageContaining("letters, digits and underscores");
        assertThatThrownBy(() -> graph(rev("")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("not valid");
    }

    @Test
    void anIdLongerThanTheVersionColumnIsRefused() {
        String longId = "r".repeat(65);
        assertThatThrownBy(() -> graph(rev(longId)))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'" + longId + "'")
                .hasMessageContaining(
                        "has 65 characters, more than the 64 the version table's version_num column holds");
        assertThat(graph(rev("r".repeat(64))).size()).isEqualTo(1);
    }

    @Test
    void reservedWordsAreNotIds() {
        assertThatThrownBy(() -> graph(rev("head")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void duplicateBranchLabelNamesBothRevisions() {
        assertThatThrownBy(() -> graph(rev("a"), labelled("b", "feature", "a"), labelled("c", "feature", "a")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Branch label 'feature'")
                .hasMessageContaining("revision b (db.migrations.V_b)")
                .hasMessageContaining("revision c (db.migrations.V_c)");
    }

    @Test
    void labelThatWouldBreakTargetSyntaxIsRejected() {
        assertThatThrownBy(() -> graph(labelled("a", "x@y")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'x@y'")
                .hasMessageContaining("db.migrations.V_a");
    }

    @Test
    void parentListedTwiceIsRejected() {
        assertThatThrownBy(() -> graph(rev("a"), rev("b", "a", "a")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("revises a twice");
    }

    @Test
    void emptyGraphIsValid() {
        RevisionGraph g = RevisionGraph.of(List.of());
        org.assertj.core.api.Assertions.assertThat(g.heads()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(g.planUpgrade(Set.of(), RevisionTarget.of("head")))
                .isEmpty();
    }
}
