package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Objects;

/** A reference to one column of one table, e.g. the owner of a sequence. */
public record ColumnRef(String schema, String table, String column) implements Serializable {
    public ColumnRef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    /** {@code schema.table.column}, unquoted: for messages, not SQL. */
    @Override
    public String toString() {
        return schema + "." + table + "." + column;
    }
}
