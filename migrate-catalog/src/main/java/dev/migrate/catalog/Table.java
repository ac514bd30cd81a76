package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A table with everything that hangs off it. Columns keep their ordinal order; constraints and
 * indexes are sorted by name so two reads of the same table are equal.
 *
 * @param primaryKey {@code null} when the table has none
 * @param indexes only indexes that do not back a constraint (a primary key, unique or exclusion
 *     constraint owns its index)
 * @param comment {@code null} when there is none
 * @param partitioning how a partitioned table splits its rows, with its partitions; {@code null} for a plain table
 * @param unlogged {@code true} for an {@code UNLOGGED} table ({@code relpersistence} 'u'): its rows are
 *     not written to the write-ahead log, so a crash empties it and standbys do not have them
 * @param constraintComments the comments of the table's constraints (primary key, unique, check, exclusion,
 *     foreign key) by constraint name; entities never have any
 * @param indexComments the comments of the table's indexes by index name, constraint-backed ones left
 *     out (their comment is the constraint's index's, rarely set); entities never have any
 */
public record Table(
        String schema,
        String name,
        List<TableColumn> columns,
        @Nullable PrimaryKey primaryKey,
        List<ForeignKey> foreignKeys,
        List<UniqueConstraint> uniqueConstraints,
        List<CheckConstraint> checkConstraints,
        List<ExclusionConstraint> exclusionConstraints,
        List<Index> indexes,
        @Nullable String comment,
        @Nullable Partitioning partitioning,
        boolean unlogged,
        Map<String, String> constraintComments,
        Map<String, String> indexComments)
        implements Serializable {

    public Table {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        foreignKeys = sortedByName(foreignKeys, ForeignKey::name);
        uniqueConstraints = sortedByName(uniqueConstraints, UniqueConstraint::name);
        checkConstraints = sortedByName(checkConstraints, CheckConstraint::name);
        exclusionConstraints = sortedByName(exclusionConstraints, ExclusionConstraint::name);
        indexes = sortedByName(indexes, Index::name);
        constraintComments = Collections.unmodifiableMap(new TreeMap<>(constraintComments));
        indexComments = Collections.unmodifiableMap(new TreeMap<>(indexComments));
    }

    /** A table whose constraints and indexes have no comment. */
    public Table(
            String schema,
            String name,
            List<TableColumn> columns,
            @Nullable PrimaryKey primaryKey,
            List<ForeignKey> foreignKeys,
            List<UniqueConstraint> uniqueConstraints,
            List<CheckConstraint> checkConstraints,
            List<ExclusionConstraint> exclusionConstraints,
            List<Index> indexes,
            @Nullable String comment,
            @Nullable Partitioning partitioning,
            boolean unlogged) {
        this(
                schema,
                name,
                columns,
                primaryKey,
                foreignKeys,
                uniqueConstraints,
                checkConstraints,
                exclusionConstraints,
                indexes,
                comment,
                partitioning,
                unlogged,
                Map.of(),
                Map.of());
    }

    /** A plain table. */
    public Table(
            String schema,
            String name,
            List<TableColumn> columns,
            @Nullable PrimaryKey primaryKey,
            List<ForeignKey> foreignKeys,
            List<UniqueConstraint> uniqueConstraints,
            List<CheckConstraint> checkConstraints,
            List<ExclusionConstraint> exclusionConstraints,
            List<Index> indexes,
            @Nullable String comment) {
        this(
                schema,
                name,
                columns,
                primaryKey,
                foreignKeys,
                uniqueConstraints,
                checkConstraints,
                exclusionConstraints,
                indexes,
                comment,
                null,
                false);
    }

    /** A logged table, plain or partitioned. */
    public Table(
            String schema,
            String name,
            List<TableColumn> columns,
            @Nullable PrimaryKey primaryKey,
            List<ForeignKey> foreignKeys,
            List<UniqueConstraint> uniqueConstraints,
            List<CheckConstraint> checkConstraints,
            List<ExclusionConstraint> exclusionConstraints,
            List<Index> indexes,
            @Nullable String comment,
            @Nullable Partitioning partitioning) {
        this(
                schema,
                name,
                columns,
                primaryKey,
                foreignKeys,
                uniqueConstraints,
                checkConstraints,
                exclusionConstraints,
                indexes,
                comment,
                partitioning,
                false);
    }

    public ObjectName qualifiedName() {
        return ObjectName.of(schema, name);
    }

    /** The same table with {@code columns} in place of its own, in their order. */
    public Table withColumns(List<TableColumn> columns) {
        return new Table(
                schema,
                name,
                columns,
                primaryKey,
                foreignKeys,
                uniqueConstraints,
                checkConstraints,
                exclusionConstraints,
                indexes,
                comment,
                partitioning,
                unlogged,
                constraintComments,
                indexComments);
    }

    /**
     * The same table with every SQL expression it holds (column defaults and generation expressions,
     * check and exclusion constraints, index keys, predicates and definitions) passed through {@code respell};
     * an expression the table does not have (no default, no predicate) stays absent.
     */
    public Table withExpressions(UnaryOperator<String> respell) {
        List<TableColumn> respelledColumns = columns.stream()
                .map(c -> new TableColumn(
                        c.name(),
                        c.type(),
                        c.nullable(),
                        respelled(c.defaultExpression(), respell),
                        c.identity(),
                        c.generated() == null
                                ? null
                                : new Generated(
                                        respell.apply(c.generated().expression()),
                                        c.generated().stored()),
                        c.collation(),
                        c.comment()))
                .toList();
        return new Table(
                schema,
                name,
                respelledColumns,
                primaryKey,
                foreignKeys,
                uniqueConstraints,
                checkConstraints.stream()
                        .map(c -> c.withExpression(respell.apply(c.expression())))
                        .toList(),
                exclusionConstraints.stream()
                        .map(c -> new ExclusionConstraint(c.name(), respell.apply(c.definition())))
                        .toList(),
                indexes.stream()
                        .map(i -> i.rewritten(
                                i.keys().stream().map(respell).toList(),
                                i.includeColumns(),
                                respelled(i.where(), respell),
                                respell.apply(i.definition())))
                        .toList(),
                comment,
                partitioning,
                unlogged,
                constraintComments,
                indexComments);
    }

    private static @Nullable String respelled(@Nullable String expression, UnaryOperator<String> respell) {
        return expression == null ? null : respell.apply(expression);
    }

    /** The column by exact name, or {@code null}. */
    public @Nullable TableColumn column(String columnName) {
        for (TableColumn column : columns) {
            if (column.name().equals(columnName)) {
                return column;
            }
        }
        return null;
    }

    /** The index by exact name, or {@code null}. */
    public @Nullable Index index(String indexName) {
        return findByName(indexes, Index::name, indexName);
    }

    /** The foreign key by exact name, or {@code null}. */
    public @Nullable ForeignKey foreignKey(String constraintName) {
        return findByName(foreignKeys, ForeignKey::name, constraintName);
    }

    /** The unique constraint by exact name, or {@code null}. */
    public @Nullable UniqueConstraint uniqueConstraint(String constraintName) {
        return findByName(uniqueConstraints, UniqueConstraint::name, constraintName);
    }

    /** The check constraint by exact name, or {@code null}. */
    public @Nullable CheckConstraint checkConstraint(String constraintName) {
        return findByName(checkConstraints, CheckConstraint::name, constraintName);
    }

    static <T> List<T> sortedByName(List<T> items, Function<T, String> name) {
        return items.stream().sorted(Comparator.comparing(name)).toList();
    }

    private static <T> @Nullable T findByName(List<T> items, Function<T, String> name, String wanted) {
        for (T item : items) {
            if (name.apply(item).equals(wanted)) {
                return item;
            }
        }
        return null;
    }
}
