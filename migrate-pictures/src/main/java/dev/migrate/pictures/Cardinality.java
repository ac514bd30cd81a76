package dev.migrate.pictures;

import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.UniqueConstraint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How many rows a foreign key joins, read from the referencing table.
 *
 * @param parentRequired every referencing column is NOT NULL: each row has exactly one parent (else zero or one)
 * @param childUnique the referencing columns are unique: a parent has at most one such row (else any number)
 * @param identifying the referencing columns are part of the table's primary key
 */
record Cardinality(boolean parentRequired, boolean childUnique, boolean identifying) {

    static Cardinality of(Table child, ForeignKey key) {
        boolean required = key.columns().stream().allMatch(name -> {
            TableColumn column = child.column(name);
            return column != null && !column.nullable();
        });
        Set<String> columns = new HashSet<>(key.columns());
        boolean unique =
                child.primaryKey() != null && sameColumns(child.primaryKey().columns(), columns);
        for (UniqueConstraint constraint : child.uniqueConstraints()) {
            unique |= sameColumns(constraint.columns(), columns);
        }
        for (Index index : child.indexes()) {
            unique |= index.unique() && index.where() == null && sameColumns(index.keys(), columns);
        }
        boolean identifying =
                child.primaryKey() != null && child.primaryKey().columns().containsAll(key.columns());
        return new Cardinality(required, unique, identifying);
    }

    private static boolean sameColumns(List<String> keyColumns, Set<String> columns) {
        return keyColumns.size() == columns.size() && columns.containsAll(keyColumns);
    }

    /** The parent end's mark in the SVG: {@code 1} or {@code 0..1}. */
    String parentMark() {
        return parentRequired ? "1" : "0..1";
    }

    /** The child end's mark in the SVG: {@code *} or {@code 0..1}. */
    String childMark() {
        return childUnique ? "0..1" : "*";
    }
}
