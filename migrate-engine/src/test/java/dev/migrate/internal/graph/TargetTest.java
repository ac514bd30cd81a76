package dev.migrate.internal.graph;

import static dev.migrate.internal.graph.Revs.graph;
import static dev.migrate.internal.graph.Revs.labelled;
import static dev.migrate.internal.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionRange;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.graph.Target;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetTest {

    /** 20261120_093000 -> 20261122_101500 -> 20261123_080000, labelled "core" at the base. */
    static RevisionGraph linear() {
        return graph(
                labelled("20261120_093000", "core"),
                rev("20261122_101500", "20261120_093000"),
                rev("20261123_080000", "20261122_101500"));
    }

    /** p -> a1 -> a2 (label "alpha" on a1), p -> b1 (label "beta"). */
    static RevisionGraph forked() {
        return graph(rev("p"), labelled("a1", "alpha", "p"), rev("a2", "a1"), labelled("b1", "beta", "p"));
    }

    @Test
    void parsesEveryForm() {
        assertThat(Target.parse("head")).isEqualTo(new Target.Head());
        assertThat(Target.parse(" heads ")).isEqualTo(new Target.Heads());
        assertThat(Target.parse("base")).isEqualTo(new Target.Base());
        assertThat(Target.parse("2026")).isEqualTo(new Target.RevisionRef("2026"));
        assertThat(Target.parse("+2")).isEqualTo(new Target.Relative(2));
        assertThat(Target.parse("-1")).isEqualTo(new Target.Relative(-1));
        assertThat(Target.parse("abc+3")).isEqualTo(new Target.RelativeTo("abc", 3));
        assertThat(Target.parse("abc-3")).isEqualTo(new Target.RelativeTo("abc", -3));
        assertThat(Target.parse("feature@head")).isEqualTo(new Target.OnBranch("feature", new Target.Head()));
        assertThat(Target.parse("feature@base")).isEqualTo(new Target.OnBranch("feature", new Target.Base()));
        assertThat(Target.parse("feature@+2")).isEqualTo(new Target.OnBranch("feature", new Target.Relative(2)));
        assertThat(Target.parse("feature@-1")).isEqualTo(new Target.OnBranch("feature", new Target.Relative(-1)));
        assertThat(Target.parse("base+2")).isEqualTo(new Target.RelativeTo("base", 2));
        assertThat(Target.parse("head-1")).isEqualTo(new Target.RelativeTo("head", -1));
        assertThat(Target.parse("feature@head-1"))
                .isEqualTo(new Target.OnBranch("feature", new Target.RelativeTo("head", -1)));
        assertThat(Target.parse("feature@base+3"))
                .isEqualTo(new Target.OnBranch("feature", new Target.RelativeTo("base", 3)));
        assertThat(Target.parse("c2@abc")).isEqualTo(new Target.OnBranch("c2", new Target.RevisionRef("abc")));
        assertThat(Target.parse("my-lib.v2@head")).isEqualTo(new Target.OnBranch("my-lib.v2", new Target.Head()));
    }

    @Test
    void rejectsMalformedTargets() {
        assertThatThrownBy(() -> Target.parse("a b"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'a b' is not understood")
                .hasMessageContaining("<label>@head");
        assertThatThrownBy(() -> Target.parse(""))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("No target");
        assertThatThrownBy(() -> Target.parse("x@tip!"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("x@head");
        assertThatThrownBy(() -> Target.parse("x@y@head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("x@head-1");
    }

    @Test
    void resolvesKeywordsIdsAndPrefixes() {
        RevisionGraph g = linear();
        assertThat(g.resolve(RevisionTarget.of("head"), Set.of())).containsExactly("20261123_080000");
        assertThat(g.resolve(RevisionTarget.of("heads"), Set.of())).containsExactly("20261123_080000");
        assertThat(g.resolve(RevisionTarget.of("base"), Set.of())).isEmpty();
        assertThat(g.resolve(RevisionTarget.of("20261122_101500"), Set.of())).containsExactly("20261122_101500");
        assertThat(g.resolve(RevisionTarget.of("20261120"), Set.of())).containsExactly("20261120_093000");
        assertThat(g.resolve(RevisionTarget.of("20261123"), Set.of())).containsExactly("20261123_080000");
        assertThat(g.lookup("20261122").id()).isEqualTo("20261122_101500");
    }

    @Test
    void ambiguousPrefixListsCandidates() {
        assertThatThrownBy(() -> linear().resolve(RevisionTarget.of("202611"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'202611' is ambiguous")
                .hasMessageContaining("20261120_093000, 20261122_101500, 20261123_080000");
    }

    @Test
    void unknownRevisionSuggestsHistory() {
        assertThatThrownBy(() -> linear().resolve(RevisionTarget.of("1999"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'1999'")
                .hasMessageContaining("history");
    }

    @Test
    void relativeTargetsCountFromTheCurrentRevision() {
        RevisionGraph g = linear();
        assertThat(g.resolve(RevisionTarget.of("+1"), Set.of())).containsExactly("20261120_093000");
        assertThat(g.resolve(RevisionTarget.of("+2"), Set.of("20261120_093000")))
                .containsExactly("20261123_080000");
        assertThat(g.resolve(RevisionTarget.of("-1"), Set.of("20261123_080000")))
                .containsExactly("20261122_101500");
        assertThat(g.resolve(RevisionTarget.of("-3"), Set.of("20261123_080000")))
                .isEmpty();
        assertThat(g.resolve(RevisionTarget.of("20261120+1"), Set.of())).containsExactly("20261122_101500");
        assertThat(g.resolve(RevisionTarget.of("20261123_080000-2"), Set.of())).containsExactly("20261120_093000");
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("+3"), Set.of("20261122_101500")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("past the head 20261123_080000");
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("-4"), Set.of("20261123_080000")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("below the base");
    }

    @Test
    void relativeTargetNeedsASingleCurrentRevision() {
        assertThatThrownBy(() -> forked().resolve(RevisionTarget.of("+1"), Set.of("a1", "b1")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("several: a1, b1")
                .hasMessageContaining("<id>+N");
    }

    @Test
    void relativeTargetAtABranchPointIsAmbiguous() {
        assertThatThrownBy(() -> forked().resolve(RevisionTarget.of("+1"), Set.of("p")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("p is followed by 2 revisions (a1, b1)");
    }

    @Test
    void headWithSeveralHeadsListsThemAndNamesAlternatives() {
        RevisionGraph g = forked();
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("head"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("2 heads: a2, b1")
                .hasMessageContaining("'heads'")
                .hasMessageContaining("<label>@head")
                .hasMessageContaining("revision id");
        assertThatThrownBy(() -> g.planUpgrade(Set.of(), RevisionTarget.of("head")))
                .hasMessageContaining("a2, b1");
        assertThat(g.resolve(RevisionTarget.of("heads"), Set.of())).containsExactly("a2", "b1");
    }

    @Test
    void branchLabels() {
        RevisionGraph g = forked();
        assertThat(g.resolve(RevisionTarget.of("alpha@head"), Set.of())).containsExactly("a2");
        assertThat(g.resolve(RevisionTarget.of("beta@head"), Set.of())).containsExactly("b1");
        assertThat(g.resolve(RevisionTarget.of("alpha@base"), Set.of())).containsExactly("p");
        assertThat(g.resolve(RevisionTarget.of("alpha@heads"), Set.of())).containsExactly("a2");
        // a revision id names the branch it is on
        assertThat(g.resolve(RevisionTarget.of("a1@head"), Set.of())).containsExactly("a2");
        assertThat(g.resolve(RevisionTarget.of("alpha@a2"), Set.of())).containsExactly("a2");
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("alpha@b1"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("b1, which is not on branch 'alpha'");
        assertThat(linear().resolve(RevisionTarget.of("core@base"), Set.of())).isEmpty();
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("gamma@head"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'gamma'")
                .hasMessageContaining("alpha, beta");
    }

    @Test
    void labelHeadWithSeveralHeadsOnTheBranchIsAnError() {
        RevisionGraph g = graph(labelled("p", "main"), rev("a", "p"), rev("b", "p"));
        assertThatThrownBy(() -> g.resolve(RevisionTarget.of("main@head"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("branch 'main'")
                .hasMessageContaining("a, b");
    }

    @Test
    void showNeedsExactlyOneRevision() {
        assertThat(forked().resolveOne(RevisionTarget.of("a2"), Set.of()).id()).isEqualTo("a2");
        assertThatThrownBy(() -> forked().resolveOne(RevisionTarget.of("heads"), Set.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("several revisions (a2, b1)");
    }

    @Test
    void rangesParse() {
        assertThat(RevisionRange.parse("a:b")).isEqualTo(new RevisionRange("a", "b"));
        assertThat(RevisionRange.parse(":b")).isEqualTo(new RevisionRange(null, "b"));
        assertThat(RevisionRange.parse("a:")).isEqualTo(new RevisionRange("a", null));
        assertThat(RevisionRange.parse("head")).isEqualTo(new RevisionRange(null, "head"));
        assertThat(RevisionRange.parse(null)).isEqualTo(new RevisionRange(null, null));
        assertThat(RevisionRange.parse("base:head").toString()).isEqualTo("base:head");
        assertThatThrownBy(() -> RevisionRange.parse("a:b:c"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("<from>:<to>");
    }

    @Test
    void offlineRangeStartsFromTheVersionsAtFrom() {
        RevisionGraph g = linear();
        RevisionTarget range = RevisionTarget.orRange("20261120_093000:head");
        assertThat(g.planUpgrade(g.versionsAt(range.lower().orElseThrow()), range.upper(RevisionTarget.HEADS)))
                .extracting(s -> s.revision().id())
                .containsExactly("20261122_101500", "20261123_080000");
        assertThat(g.versionsAt(RevisionTarget.of("base"))).isEmpty();
    }
}
