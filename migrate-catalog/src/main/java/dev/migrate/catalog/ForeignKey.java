package dev.migrate.catalog;

import dev.migrate.op.ReferentialAction;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A foreign key constraint. Column lists are in key order and pair up by position.
 *
 * @param validated {@code false} for a constraint added {@code NOT VALID} and not validated since
 * @param matchFull {@code true} for {@code MATCH FULL} ({@code confmatchtype} 'f'), {@code false} for
 *     the default {@code MATCH SIMPLE}
 * @param onDeleteColumns the columns {@code ON DELETE SET NULL (...)} or {@code SET DEFAULT (...)}
 *     sets ({@code confdelsetcols}, PostgreSQL 15); empty when it sets all of them
 * @param notEnforced {@code true} for a key made {@code NOT ENFORCED} (PostgreSQL 18,
 *     {@code conenforced}): no row is checked against it; such a key reads as validated
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
        boolean validated,
        boolean matchFull,
        List<String> onDeleteColumns,
        boolean notEnforced)
        implements Serializable {

    public ForeignKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        // a schema snapshot serialized before this component existed reads it as null
        onDeleteColumns = onDeleteColumns == null ? List.of() : List.copyOf(onDeleteColumns);
    }

    /** A foreign key of the default {@code MATCH SIMPLE} whose delete action touches all its columns. */
    public ForeignKey(
            String name,
            List<String> columns,
            String referencedSchema,
            String referencedTable,
            List<String> referencedColumns,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            boolean deferrable,
            boolean initiallyDeferred,
            boolean validated) {
        this(
                name,
                columns,
                referencedSchema,
                referencedTable,
                referencedColumns,
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred,
                validated,
                false,
                List.of(),
                false);
    }

    /** An enforced foreign key. */
    public ForeignKey(
            String name,
            List<String> columns,
            String referencedSchema,
            String referencedTable,
            List<String> referencedColumns,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            boolean deferrable,
            boolean initiallyDeferred,
            boolean validated,
            boolean matchFull,
            List<String> onDeleteColumns) {
        this(
                name,
                columns,
                referencedSchema,
                referencedTable,
                referencedColumns,
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred,
                validated,
                matchFull,
                onDeleteColumns,
                false);
    }

    /** The same key, deferrable or not as given. */
    public ForeignKey withDeferrability(boolean deferrable, boolean initiallyDeferred) {
        return new ForeignKey(
                name,
                columns,
                referencedSchema,
                referencedTable,
                referencedColumns,
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred,
                validated,
                matchFull,
                onDeleteColumns,
                notEnforced);
    }

    /**
     * The same key with its own columns renamed by {@code column}, referencing {@code referenced} with its columns
     * renamed by {@code referencedColumn} (a rename of either table or their columns, or of a schema).
     */
    public ForeignKey renamed(
            UnaryOperator<String> column, ObjectName referenced, UnaryOperator<String> referencedColumn) {
        return new ForeignKey(
                name,
                columns.stream().map(column).toList(),
                referenced.schema(),
                referenced.name(),
                referencedColumns.stream().map(referencedColumn).toList(),
                onDelete,
                onUpdate,
                deferrable,
                initiallyDeferred,
                validated,
                matchFull,
                onDeleteColumns.stream().map(column).toList(),
                notEnforced);
    }

    public ObjectName referencedTableName() {
        return ObjectName.of(referencedSchema, referencedTable);
    }
}
