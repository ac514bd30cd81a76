package dev.migrate.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /**
     * Rows found by their key: {@code code IN ('FR', 'DE')}, or {@code (tenant, code) IN (('1', 'FR'))} for a key of
     * several columns, the columns quoted where they must be and each value a string literal its column's type reads.
     *
     * @param values one list per row, one value per column of {@code columns}
     */
    public static String keyIn(List<String> columns, List<List<@Nullable String>> values) {
        String left =
                columns.size() == 1 ? Identifiers.quote(columns.get(0)) : "(" + Identifiers.quoteAll(columns) + ")";
        String right = values.stream()
                .map(row -> row.size() == 1
                        ? string(row.get(0))
                        : row.stream().map(Literals::string).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
        return left + " IN (" + right + ")";
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
