package dev.migrate.catalog;

import dev.migrate.op.ReferentialAction;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key constraint. Column lists are in key order and pair up by position.
 *
 * @param validated {@code false} for a constraint added {@code NOT VALID} and not validated since
 */
public record ForeignKey(
        String name,
        List<String> columns,
        String referencedSchema,
        String referencedTable,
        List<String> referencedColumns,
        ReferentialAction onDelete,
        ReferentialAction onUpdate,
        boolean deferrable,
        boolean initiallyDeferred,
        boolean validated)
        implements Serializable {

    public ForeignKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }

    public ObjectName referencedTableName() {
        return ObjectName.of(referencedSchema, referencedTable);
    }
}
