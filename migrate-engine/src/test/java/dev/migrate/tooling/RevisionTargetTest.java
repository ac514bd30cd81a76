package dev.migrate.tooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.BadTargetException;
import org.junit.jupiter.api.Test;

/** A target's form is checked where it is made, with the messages the engine gives, and the text is kept as written. */
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
        assertThat(RevisionTarget.orRange("base:head").range()).isTrue();
        assertThat(RevisionTarget.orRange("head").text()).isEqualTo("head");
        BadTargetException e = catchThrowableOfType(BadTargetException.class, () -> RevisionTarget.of("base:head"));
        assertThat(e.getMessage()).contains("'base:head'");
        e = catchThrowableOfType(BadTargetException.class, () -> RevisionTarget.orRange("a:b:c"));
        assertThat(e.getMessage()).contains("more than one ':'");
    }
}
