package dev.migrate.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes Java values as PostgreSQL literals. Strings are quoted with quotes doubled; a string with a
 * backslash uses the {@code E'...'} form with backslashes doubled, so the literal means the same
 * whatever {@code standard_conforming_strings} is set to.
 */
public final class Literals {
    private Literals() {}

    public static String literal(@Nullable Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Byte
                || value instanceof Short
                || value instanceof Integer
                || value instanceof Long
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "'NaN'::float8";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "'Infinity'::float8" : "'-Infinity'::float8";
            }
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            // E'...' so the backslash of the hex format is not read as an escape when standard_conforming_strings is
            // off
            return "E'\\\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
        }
        if (value instanceof ZonedDateTime z) {
            // ZonedDateTime.toString() appends "[Europe/Paris]", which PostgreSQL cannot read; the offset says the
            // instant
            return string(z.toOffsetDateTime().toString());
        }
        if (value instanceof CharSequence
                || value instanceof UUID
                || value instanceof TemporalAccessor
                || value instanceof Character
                || value instanceof Enum<?>) {
            String text = value instanceof Enum<?> e ? e.name() : value.toString();
            return string(text);
        }
        throw new IllegalArgumentException(
                "Cannot write a value of type " + value.getClass().getName()
                        + " as a SQL literal. Use a String, number, boolean, byte[], UUID, java.time value or enum, "
                        + "or write the SQL with op.execute(...).");
    }

    /** A string literal; {@code null} gives {@code NULL}. */
    public static String string(@Nullable String text) {
        if (text == null) {
            return "NULL";
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "A text value contains a NUL character, which PostgreSQL cannot store in text.");
        }
        String quoted = text.replace("'", "''");
        if (text.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }
}
