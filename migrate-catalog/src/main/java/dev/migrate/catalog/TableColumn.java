package dev.migrate.catalog;

import dev.migrate.sql.TypeSpelling;
import java.io.Serializable;
import java.util.Objects;
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

    public TableColumn {
        Objects.requireNonNull(name, "name");
        type = withoutDefaultPrecision(Objects.requireNonNull(type, "type"));
    }

    /** The type without a precision that is the default ({@link TypeSpelling#withoutDefaultPrecision}). */
    public static String withoutDefaultPrecision(String type) {
        return TypeSpelling.withoutDefaultPrecision(type);
    }

    /** A plain column: no default, identity, generation, collation or comment. */
    public static TableColumn of(String name, String type, boolean nullable) {
        return new TableColumn(name, type, nullable, null, null, null, null, null);
    }
}
