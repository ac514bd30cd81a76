package dev.migrate.autogen.schema;

import java.io.Serializable;
import java.util.Objects;

/**
 * A table column, described in the server's own spelling so that two sides read by the same
 * reader compare without normalization.
 *
 * @param type as {@code format_type(atttypid, atttypmod)} gives it, e.g. {@code character varying(80)}
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
        String defaultExpression,
        ColumnIdentity identity,
        Generated generated,
        String collation,
        String comment)
        implements Serializable {

    public TableColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A plain column: no default, identity, generation, collation or comment. */
    public static TableColumn of(String name, String type, boolean nullable) {
        return new TableColumn(name, type, nullable, null, null, null, null, null);
    }
}
