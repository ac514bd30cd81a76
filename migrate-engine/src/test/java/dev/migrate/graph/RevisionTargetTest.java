package dev.migrate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.BadTargetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A target is parsed where it is made, with the messages the engine gives, its text kept as written and its forms handed
 * down parsed.
 */
class RevisionTargetTest {
    @Test
    void keepsTheTextOfEveryForm() {
        for (String text :
                new String[] {"head", "heads", "base", "a1b2", "+2", "-1", "a1b2-1", "billing@head", "a,b"}) {
            assertThat(RevisionTarget.of(text).text()).isEqualTo(text);
            assertThat(RevisionTarget.of(text)).hasToString(text);
        }
    }

    @Test
    void refusesAMalformedTargetNamingItAndTheForms() {
        BadTargetException e = catchThrowableOfType(BadTargetException.class, () -> RevisionTarget.of("head!"));
        assertThat(e.getMessage()).startsWith("The target 'head!' is not understood; use one of head, heads, base");
        e = catchThrowableOfType(BadTargetException.class, () -> RevisionTarget.of(" "));
        assertThat(e.getMessage()).startsWith("No target revision was given; use one of head");
        e = catchThrowableOfType(BadTargetException.class, () -> RevisionTarget.of("billing@"));
        assertThat(e.getMessage()).contains("'billing@'");
    }

    @Test
    void takesARangeOnlyWhenAsked() {
        assertThat(RevisionTarget.orRange("base:head").isRange()).isTrue();
        assertThat(RevisionTarget.orRange("head").text()).isEqualTo("head");
        BadTargetException e = catchThrowableOfType(BadTargetException.class, () -> RevisionTarget.of("base:head"));
        assertThat(e.getMessage()).contains("'base:head'");
        e = catchThrowableOfType(BadTargetException.class, () -> RevisionTarget.orRange("a:b:c"));
        assertThat(e.getMessage()).contains("more than one ':'");
    }

    @Test
    void holdsEachCommaSeparatedFormParsedWithItsText() {
        assertThat(RevisionTarget.of(" billing@head , a1b2-1,").points())
                .containsExactly(
                        new RevisionTarget.Point("billing@head", new Target.OnBranch("billing", new Target.Head())),
                        new RevisionTarget.Point("a1b2-1", new Target.RelativeTo("a1b2", -1)));
        assertThat(RevisionTarget.revision("a1b2").points())
                .containsExactly(new RevisionTarget.Point("a1b2", new Target.RevisionRef("a1b2")));
        BadTargetException e = catchThrowableOfType(BadTargetException.class, () -> RevisionTarget.of(" , "));
        assertThat(e.getMessage()).startsWith("The target ' , ' names no revision");
    }

    @Test
    void aRangeHoldsItsEndsParsedAndATargetIsItsOwnUpperEnd() {
        RevisionTarget range = RevisionTarget.orRange("a1b2:billing@head");
        assertThat(range.lower()).contains(RevisionTarget.of("a1b2"));
        assertThat(range.upper(RevisionTarget.HEADS)).isEqualTo(RevisionTarget.of("billing@head"));
        assertThat(RevisionTarget.orRange("a1b2:").upper(RevisionTarget.HEADS)).isSameAs(RevisionTarget.HEADS);
        RevisionTarget target = RevisionTarget.orRange("head");
        assertThat(target.isRange()).isFalse();
        assertThat(target.lower()).isEmpty();
        assertThat(target.upper(RevisionTarget.HEADS)).isSameAs(target);
        assertThatThrownBy(range::points)
                .isInstanceOf(BadTargetException.class)
                .hasMessageContaining("'a1b2:billing@head' is offline SQL's");
        refusedAsNoForm(":");
    }

    private static void refusedAsNoForm(String text) {
        assertThatThrownBy(() -> RevisionTarget.orRange(text))
                .isInstanceOf(BadTargetException.class)
                .hasMessageContaining("'" + text + "' is not understood");
    }

    @Test
    void onlyARevisionTargetParsesTargetText() throws IOException {
        // the engine, its planner and its graph take the forms parsed; none parses the text again
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> read(p).contains("Target.parse("))
                            .map(p -> p.getFileName().toString()))
                    .containsExactly("RevisionTarget.java");
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRangeIsCheckedWhereTheUserWroteIt() {
        assertThat(RevisionTarget.range("base:current", Set.of("current")))
                .isEqualTo(new RevisionRange("base", "current"));
        assertThat(RevisionTarget.range("20261120_093000:", Set.of()))
                .isEqualTo(new RevisionRange("20261120_093000", null));
        assertThat(RevisionTarget.range("heads", Set.of())).isEqualTo(new RevisionRange(null, "heads"));
        // each end is a target form or one of the words the command allows, and only one ':' separates them
        Map.of("a:b:c", "a:b:c", "head+x:head", "head+x", "base:a b", "a b")
                .forEach((refused, named) -> assertThatThrownBy(() -> RevisionTarget.range(refused, Set.of("current")))
                        .as(refused)
                        .isInstanceOf(BadTargetException.class)
                        .hasMessageContaining(named));
    }
}
