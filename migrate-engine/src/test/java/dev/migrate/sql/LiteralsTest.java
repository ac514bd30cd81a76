package dev.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.op.Catalog;
import dev.migrate.testing.TestPostgres;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Public for {@code InjectionSafetyTest}, which renders operations with the same hostile values. */
public class LiteralsTest {
    public static final List<String> HOSTILE = List.of(
            "'",
            "''",
            "\\",
            "\\'",
            "'; DROP TABLE x; --",
            "\\'; DROP TABLE x; --",
            "$$",
            "$tag$ x $tag$",
            "ünïcødé 日本語 😀",
            "line\nbreak",
            "\r\n\t",
            "--",
            "/* open",
            "E'\\x00'",
            "\\x41",
            "",
            " ");

    private static Connection connection;
    private static Catalog catalog;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestPostgres.freshDatabase("literals").getConnection();
        catalog = new Catalog(connection);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void rendersEachKindOfValue() {
        assertThat(Literals.literal(null)).isEqualTo("NULL");
        assertThat(Literals.literal(true)).isEqualTo("TRUE");
        assertThat(Literals.literal(false)).isEqualTo("FALSE");
        assertThat(Literals.literal(42)).isEqualTo("42");
        assertThat(Literals.literal(-7L)).isEqualTo("-7");
        assertThat(Literals.literal(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(Literals.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Literals.literal(Double.NaN)).isEqualTo("'NaN'::float8");
        assertThat(Literals.literal("it's")).isEqualTo("'it''s'");
        assertThat(Literals.literal("a\\b")).isEqualTo("E'a\\\\b'");
        assertThat(Literals.literal(new byte[] {0, 0x7f, (byte) 0xff})).isEqualTo("E'\\\\x007fff'::bytea");
        assertThat(Literals.literal(UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("'00000000-0000-0000-0000-000000000001'");
        assertThat(Literals.literal(LocalDate.of(2026, 1, 2))).isEqualTo("'2026-01-02'");
        assertThat(Literals.literal(Thread.State.NEW)).isEqualTo("'NEW'");
        assertThat(Literals.string(null)).isEqualTo("NULL");
    }

    @Test
    void refusesNulAndUnknownTypes() {
        assertThatThrownBy(() -> Literals.string("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL character");
        assertThatThrownBy(() -> Literals.literal('\0')).hasMessageContaining("NUL character");
        assertThatThrownBy(() -> Literals.literal(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object")
                .hasMessageContaining("op.execute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void hostileStringsReadBackExactlyWhateverStandardConformingStrings(String setting) throws Exception {
        catalog.execute("SET standard_conforming_strings = " + setting);
        try {
            for (String value : HOSTILE) {
                assertThat(catalog.scalar("select " + Literals.literal(value) + "::text"))
                        .isEqualTo(value);
            }
            byte[] bytes = {0, 1, 0x27, 0x5c, 0x78, (byte) 0x80, (byte) 0xff};
            try (PreparedStatement ps = connection.prepareStatement("select " + Literals.literal(bytes) + "::bytea");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBytes(1)).isEqualTo(bytes);
            }
        } finally {
            catalog.execute("RESET standard_conforming_strings");
        }
    }

    @Test
    void numbersAndTimesReadBackExactly() {
        // a negative literal is a unary minus on a constant: parenthesized before a cast, as in any expression
        assertThat(catalog.scalar("select (" + Literals.literal(Long.MIN_VALUE) + ")::bigint::text"))
                .isEqualTo(Long.toString(Long.MIN_VALUE));
        assertThat(catalog.scalar("select " + Literals.literal(1.0E-300) + "::float8::text"))
                .isEqualTo("1e-300");
        assertThat(catalog.scalar("select (" + Literals.literal(Double.NEGATIVE_INFINITY) + ")::float8::text"))
                .isEqualTo("-Infinity");
        assertThat(catalog.scalar("select " + Literals.literal(0.1f) + "::float4::text"))
                .isEqualTo("0.1");
        assertThat(catalog.scalar("select (" + Literals.literal(new BigDecimal("-0.000001")) + ")::numeric::text"))
                .isEqualTo("-0.000001");

        Instant instant = Instant.parse("2026-11-22T10:15:30.123456Z");
        String expected = "2026-11-22 10:15:30.123456+00";
        catalog.execute("SET TIME ZONE 'UTC'");
        try {
            assertThat(catalog.scalar("select " + Literals.literal(instant) + "::timestamptz::text"))
                    .isEqualTo(expected);
            assertThat(catalog.scalar(
                            "select " + Literals.literal(OffsetDateTime.parse("2026-11-22T11:15:30.123456+01:00"))
                                    + "::timestamptz::text"))
                    .isEqualTo(expected);
            assertThat(catalog.scalar("select "
                            + Literals.literal(ZonedDateTime.of(
                                    LocalDateTime.of(2026, 11, 22, 11, 15, 30, 123_456_000), ZoneId.of("Europe/Paris")))
                            + "::timestamptz::text"))
                    .isEqualTo(expected);
        } finally {
            catalog.execute("RESET TIME ZONE");
        }
    }
}
