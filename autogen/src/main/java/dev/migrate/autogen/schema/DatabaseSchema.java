package dev.migrate.autogen.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything read from (or meant for) one database: tables, standalone sequences and enum types,
 * each keyed by qualified name. Maps iterate in name order, and two reads of the same catalog are
 * {@code equals}, so a diff can compare models directly.
 */
public record DatabaseSchema(
        Map<QualifiedName, Table> tables,
        Map<QualifiedName, Sequence> sequences,
        Map<QualifiedName, EnumType> enumTypes) {

    public DatabaseSchema {
        tables = sortedCopy(tables);
        sequences = sortedCopy(sequences);
        enumTypes = sortedCopy(enumTypes);
    }

    /** Builds the maps from plain collections; later duplicates of a name win. */
    public static DatabaseSchema of(Collection<Table> tables, Collection<Sequence> sequences, Collection<EnumType> enumTypes) {
        return new DatabaseSchema(
                index(tables, Table::qualifiedName),
                index(sequences, Sequence::qualifiedName),
                index(enumTypes, EnumType::qualifiedName));
    }

    public static DatabaseSchema empty() {
        return new DatabaseSchema(Map.of(), Map.of(), Map.of());
    }

    /** The table, or {@code null} when there is none by that name. */
    public Table table(String schema, String name) {
        return tables.get(QualifiedName.of(schema, name));
    }

    /** The standalone sequence, or {@code null}. */
    public Sequence sequence(String schema, String name) {
        return sequences.get(QualifiedName.of(schema, name));
    }

    /** The enum type, or {@code null}. */
    public EnumType enumType(String schema, String name) {
        return enumTypes.get(QualifiedName.of(schema, name));
    }

    private static <T> Map<QualifiedName, T> index(Collection<T> items, Function<T, QualifiedName> key) {
        Map<QualifiedName, T> map = new TreeMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return map;
    }

    private static <T> Map<QualifiedName, T> sortedCopy(Map<QualifiedName, T> map) {
        // TreeMap keeps iteration (and therefore rendering and diff order) independent of read order.
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
