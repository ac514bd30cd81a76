package dev.migrate.catalog;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything read from (or meant for) one database: tables, standalone sequences and enum types,
 * each keyed by qualified name, and the objects beside them (views, functions, triggers, ...) when
 * they were read, and on a Citus coordinator how the tables are spread over its nodes. Maps iterate in
 * name order, and two reads of the same catalog are {@code equals}, so a diff can compare models directly.
 */
public record DatabaseSchema(
        Map<ObjectName, Table> tables,
        Map<ObjectName, Sequence> sequences,
        Map<ObjectName, EnumType> enumTypes,
        Map<ObjectId, SchemaObject> objects,
        Distribution distribution)
        implements Serializable {

    public DatabaseSchema {
        tables = sortedCopy(tables);
        sequences = sortedCopy(sequences);
        enumTypes = sortedCopy(enumTypes);
        objects = Collections.unmodifiableMap(new TreeMap<>(objects));
        Objects.requireNonNull(distribution, "distribution");
    }

    /** Tables, sequences, enum types and the objects beside them, nothing distributed. */
    public DatabaseSchema(
            Map<ObjectName, Table> tables,
            Map<ObjectName, Sequence> sequences,
            Map<ObjectName, EnumType> enumTypes,
            Map<ObjectId, SchemaObject> objects) {
        this(tables, sequences, enumTypes, objects, Distribution.NONE);
    }

    /** Tables, sequences and enum types alone, no object beside them. */
    public DatabaseSchema(
            Map<ObjectName, Table> tables, Map<ObjectName, Sequence> sequences, Map<ObjectName, EnumType> enumTypes) {
        this(tables, sequences, enumTypes, Map.of());
    }

    /** This schema with {@code more} objects beside its tables. */
    public DatabaseSchema withObjects(Collection<SchemaObject> more) {
        Map<ObjectId, SchemaObject> all = new TreeMap<>(objects);
        more.forEach(o -> all.put(o.id(), o));
        return new DatabaseSchema(tables, sequences, enumTypes, all, distribution);
    }

    /** This schema with its tables spread over a Citus cluster as {@code spread} says. */
    public DatabaseSchema withDistribution(Distribution spread) {
        return new DatabaseSchema(tables, sequences, enumTypes, objects, spread);
    }

    /** Builds the maps from plain collections; later duplicates of a name win. */
    public static DatabaseSchema of(
            Collection<Table> tables, Collection<Sequence> sequences, Collection<EnumType> enumTypes) {
        return new DatabaseSchema(
                index(tables, Table::qualifiedName),
                index(sequences, Sequence::qualifiedName),
                index(enumTypes, EnumType::qualifiedName));
    }

    public static DatabaseSchema empty() {
        return new DatabaseSchema(Map.of(), Map.of(), Map.of());
    }

    /** The table, or {@code null} when there is none by that name. */
    public @Nullable Table table(String schema, String name) {
        return tables.get(ObjectName.of(schema, name));
    }

    /** The standalone sequence, or {@code null}. */
    public @Nullable Sequence sequence(String schema, String name) {
        return sequences.get(ObjectName.of(schema, name));
    }

    /** The enum type, or {@code null}. */
    public @Nullable EnumType enumType(String schema, String name) {
        return enumTypes.get(ObjectName.of(schema, name));
    }

    /**
     * The same objects with schema {@code from} called {@code to}, references included: the entity
     * side is built in a scratch schema and compared as if it were the live one, and the schema the
     * chain builds is compared with a tenant's schema. The objects beside the tables are renamed
     * wherever their text names {@code from} ({@link SchemaObject#withSchemaRenamed}).
     */
    public DatabaseSchema withSchemaRenamed(String from, String to) {
        java.util.function.UnaryOperator<String> rename = s -> from.equals(s) ? to : s;
        // a type from a schema off the search path prints qualified: "from.name" becomes "to.name"
        // and a default that names it qualified (nextval('from.orders_id_seq'::regclass)), read off the search path
        java.util.function.UnaryOperator<String> inText = SchemaObject.schemaRenamed(from, to);
        java.util.function.UnaryOperator<TableColumn> renameType =
                c -> !c.type().startsWith(from + ".")
                                && Objects.equals(inText.apply(c.defaultExpression()), c.defaultExpression())
                                && Objects.equals(inText.apply(c.collation()), c.collation())
                        ? c
                        : new TableColumn(
                                c.name(),
                                c.type().startsWith(from + ".") ? to + c.type().substring(from.length()) : c.type(),
                                c.nullable(),
                                inText.apply(c.defaultExpression()),
                                c.identity(),
                                c.generated(),
                                inText.apply(c.collation()),
                                c.comment());
        List<Table> renamedTables = tables.values().stream()
                .map(t -> new Table(
                        rename.apply(t.schema()),
                        t.name(),
                        t.columns().stream().map(renameType).toList(),
                        t.primaryKey(),
                        t.foreignKeys().stream()
                                .map(fk -> fk.renamed(
                                        c -> c,
                                        ObjectName.of(rename.apply(fk.referencedSchema()), fk.referencedTable()),
                                        c -> c))
                                .toList(),
                        t.uniqueConstraints(),
                        t.checkConstraints(),
                        t.exclusionConstraints(),
                        t.indexes().stream()
                                .map(i -> i.rewritten(
                                        i.keys().stream().map(inText).toList(),
                                        i.includeColumns(),
                                        i.where(),
                                        i.definition().replace(" ON " + from + ".", " ON " + to + ".")))
                                .toList(),
                        t.comment(),
                        t.partitioning() == null ? null : renamed(t.partitioning(), rename),
                        t.unlogged(),
                        t.constraintComments(),
                        t.indexComments()))
                .toList();
        List<Sequence> renamedSequences = sequences.values().stream()
                .map(s -> new Sequence(
                        rename.apply(s.schema()),
                        s.name(),
                        s.dataType(),
                        s.start(),
                        s.increment(),
                        s.min(),
                        s.max(),
                        s.cache(),
                        s.cycle(),
                        s.ownedBy() == null
                                ? null
                                : new ColumnRef(
                                        rename.apply(s.ownedBy().schema()),
                                        s.ownedBy().table(),
                                        s.ownedBy().column()),
                        s.inUse()))
                .toList();
        List<EnumType> renamedEnums = enumTypes.values().stream()
                .map(e -> new EnumType(rename.apply(e.schema()), e.name(), e.labels(), e.usedOutside()))
                .toList();
        return of(renamedTables, renamedSequences, renamedEnums)
                .withObjects(objects.values().stream()
                        .map(o -> o.withSchemaRenamed(from, to))
                        .toList())
                .withDistribution(distribution.withSchemaRenamed(from, to));
    }

    /**
     * This schema split by {@code schemas}: each one's tables, sequences and enum types, and the objects whose
     * identity names it first (the schema an object lives in, or its table's): the tenants' parts of one read
     * of many tenant schemas. Each of {@code schemas} has an entry, empty when nothing is in it.
     */
    public Map<String, DatabaseSchema> bySchema(Collection<String> schemas) {
        Map<String, Map<ObjectName, Table>> tablesOf = new HashMap<>();
        Map<String, Map<ObjectName, Sequence>> sequencesOf = new HashMap<>();
        Map<String, Map<ObjectName, EnumType>> enumsOf = new HashMap<>();
        Map<String, Map<ObjectId, SchemaObject>> objectsOf = new HashMap<>();
        tables.forEach((name, t) ->
                tablesOf.computeIfAbsent(name.schema(), k -> new TreeMap<>()).put(name, t));
        sequences.forEach((name, q) ->
                sequencesOf.computeIfAbsent(name.schema(), k -> new TreeMap<>()).put(name, q));
        enumTypes.forEach((name, e) ->
                enumsOf.computeIfAbsent(name.schema(), k -> new TreeMap<>()).put(name, e));
        Map<String, String> byQuoted = new HashMap<>();
        schemas.forEach(schema -> byQuoted.put(dev.migrate.sql.Identifiers.quote(schema), schema));
        java.util.regex.Pattern naming = SchemaObject.naming(schemas);
        for (SchemaObject o : objects.values()) {
            java.util.regex.Matcher m = naming.matcher(o.id().identity());
            if (m.find()) {
                String schema = byQuoted.get(m.group(1) != null ? m.group(1) : m.group(2));
                objectsOf.computeIfAbsent(schema, k -> new TreeMap<>()).put(o.id(), o);
            }
        }
        Map<String, DatabaseSchema> split = new LinkedHashMap<>();
        for (String schema : schemas) {
            split.put(
                    schema,
                    new DatabaseSchema(
                            tablesOf.getOrDefault(schema, Map.of()),
                            sequencesOf.getOrDefault(schema, Map.of()),
                            enumsOf.getOrDefault(schema, Map.of()),
                            objectsOf.getOrDefault(schema, Map.of()),
                            distribution.in(schema)));
        }
        return split;
    }

    private static Partitioning renamed(Partitioning p, java.util.function.UnaryOperator<String> rename) {
        return new Partitioning(
                p.key(),
                p.keyColumns(),
                p.keyHasExpressions(),
                p.partitions().stream()
                        .map(part -> new Partition(
                                rename.apply(part.schema()),
                                part.name(),
                                part.bound(),
                                part.partitioning() == null ? null : renamed(part.partitioning(), rename),
                                part.detachPending()))
                        .toList());
    }

    private static <T> Map<ObjectName, T> index(Collection<T> items, Function<T, ObjectName> key) {
        Map<ObjectName, T> map = new TreeMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return map;
    }

    private static <T> Map<ObjectName, T> sortedCopy(Map<ObjectName, T> map) {
        // TreeMap keeps iteration (and therefore rendering and diff order) independent of read order.
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
