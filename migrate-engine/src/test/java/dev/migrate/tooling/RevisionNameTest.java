package dev.migrate.tooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.BadTargetException;
import org.junit.jupiter.api.Test;

/** A revision's name is checked where it is made: an id, a prefix or a label, never a position or a list. */
class RevisionNameTest {
    @Test
    void keepsAnIdAPrefixOrALabel() {
        for (String text : new String[] {"20260105_120000", "2026", "billing", "release-2", "a1b2-1"}) {
            assertThat(RevisionName.of(text).text()).isEqualTo(text);
            assertThat(RevisionName.of(text)).hasToString(text);
        }
        assertThat(RevisionName.of(" billing ").text()).isEqualTo("billing");
    }

    @Test
    void refusesAPositionOrAMalformedNameNamingIt() {
        for (String position : new String[] {"head", "heads", "base", "+1", "-2", "head-1", "base+1"}) {
            BadTargetException e = catchThrowableOfType(BadTargetException.class, () -> RevisionName.of(position));
            assertThat(e.getMessage())
                    .startsWith("The revision '" + position + "' is a position, not a revision; name one by its id");
        }
        for (String malformed : new String[] {"billing@head", "a:b", "a,b", "a b"}) {
            BadTargetException e = catchThrowableOfType(BadTargetException.class, () -> RevisionName.of(malformed));
            assertThat(e.getMessage()).startsWith("The revision '" + malformed + "' is not understood;");
        }
        BadTargetException e = catchThrowableOfType(BadTargetException.class, () -> RevisionName.of(" "));
        assertThat(e.getMessage()).startsWith("No revision was given;");
    }

    @Test
    void anUnsetSettingIsNoName() {
        assertThat(RevisionName.optional(null)).isNull();
        assertThat(RevisionName.optional(" ")).isNull();
        assertThat(RevisionName.optional("billing")).isEqualTo(RevisionName.of("billing"));
    }
}
