package dev.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The limit counts bytes of UTF-8, not characters, and never cuts a character in two. */
class NamesTest {
    @Test
    void sixtyThreeBytesFit() {
        assertThat(Names.fits("a".repeat(63))).isTrue();
        assertThat(Names.fits("a".repeat(64))).isFalse();
        // 32 two-byte letters are 64 bytes
        assertThat(Names.fits("é".repeat(31))).isTrue();
        assertThat(Names.fits("é".repeat(32))).isFalse();
    }

    @Test
    void truncatedKeepsWholeCharacters() {
        assertThat(Names.truncated("a".repeat(70))).isEqualTo("a".repeat(63));
        assertThat(Names.truncated("a" + "é".repeat(40))).isEqualTo("a" + "é".repeat(31));
        // a four-byte character that would end past the limit goes whole
        assertThat(Names.truncated("a".repeat(61) + "\uD83D\uDE00")).isEqualTo("a".repeat(61));
        assertThat(Names.truncated("short")).isEqualTo("short");
    }

    @Test
    void truncatedAroundTheLengthThatFitsWithoutCounting() {
        // 21 characters of three bytes are 63 bytes: they fit; the 22nd does not
        assertThat(Names.truncated("€".repeat(21))).isEqualTo("€".repeat(21));
        assertThat(Names.truncated("€".repeat(22))).isEqualTo("€".repeat(21));
        // a pair of surrogates is two characters and four bytes
        assertThat(Names.truncated("\uD83D\uDE00".repeat(10))).isEqualTo("\uD83D\uDE00".repeat(10));
        assertThat(Names.truncated("\uD83D\uDE00".repeat(16))).isEqualTo("\uD83D\uDE00".repeat(15));
    }

    @Test
    void fittedShortensTheStemAndKeepsTheSuffix() {
        assertThat(Names.fitted("t".repeat(60), "_not_null_check"))
                .hasSize(63)
                .startsWith("t".repeat(48))
                .endsWith("_not_null_check");
        assertThat(Names.fitted("orders_email", "_key")).isEqualTo("orders_email_key");
        assertThatThrownBy(() -> Names.fitted("t", "x".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("63 bytes");
    }
}
