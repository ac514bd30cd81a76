package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A table column, described in the server's own spelling so that two sides read by the same
 * reader compare without normalization.
 *
 * @param type as {@code format_type(atttypid, atttypmod)} gives it, e.g. {@code character varying(80)},
 *     without a precision that is the default ({@link #withoutDefaultPrecision})
 * @param defaultExpression as {@code pg_get_expr} gives it, e.g. {@code 'new'::text}; {@code null}
 *     when there is none (and always for generated columns, whose expression is in {@code generated})
 * @param identity {@code null} unless this is an identity column
 * @param generated {@code null} unless this is a generated column
 * @param collation {@code null} when the column uses its type's default collation; otherwise the
 *     collation as SQL text, e.g. {@code "C"} or {@code myschema."de-x-icu"}
 * @param comment {@code null} when there is none
 */
public record TableColumn(
        String name,
        String type,
        boolean nullable,
        @Nullable String defaultExpression,
        @Nullable ColumnIdentity identity,
        @Nullable Generated generated,
        @Nullable String collation,
        @Nullable String comment)
        implements Serializable {

    /** {@code timestamp(6)}, {@code timestamp(6) with time zone}, {@code timetz(6)}, ... at the start of a type. */
    private static final Pattern DEFAULT_PRECISION =
            Pattern.compile("^(timestamptz|timestamp|timetz|time|interval)\\(6\\)");

    public TableColumn {
        Objects.requireNonNull(name, "name");
        type = withoutDefaultPrecision(Objects.requireNonNull(type, "type"));
    }

    /**
     * The type without a precision that is the default: {@code timestamp(6) with time zone} is
     * {@code timestamp with time zone} (the same for {@code timestamp}, {@code time}, {@code timetz} and
     * {@code interval}, arrays of them too). 6 is both the default and the largest precision, so the two
     * store, round and compare alike; JPA providers write the {@code (6)}, people leave it out, and
     * neither is a difference to migrate. ({@code numeric} has no default precision: a bare
     * {@code numeric} is unconstrained, so {@code numeric(p,s)} stays as it is.)
     */
    public static String withoutDefaultPrecision(String type) {
        return DEFAULT_PRECISION.matcher(type).replaceFirst("$1");
    }

    /** A plain column: no default, identity, generation, collation or comment. */
    public static TableColumn of(String name, String type, boolean nullable) {
        return new TableColumn(name, type, nullable, null, null, null, null, null);
    }
}
