package dev.migrate.autogen.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.data.relational.core.sql.SqlIdentifier;

/**
 * The tables of Spring Data aggregates as Spring Data reads and writes them, and their PostgreSQL DDL: an aggregate
 * root's table, a table for each entity it holds (a collection's with its back-reference and key columns, a single
 * entity's with its back-reference), embedded entities' columns in their owner's table with their prefix. Runs in
 * the project's class loader, with {@link SpringDataDdlBridge}.
 */
final class AggregateTables {
    private static final String AGGREGATE_REFERENCE = "org.springframework.data.jdbc.core.mapping.AggregateReference";

    /** As Spring Data's PostgreSQL dialect writes identifiers: quoted ones as written, derived ones in lower case. */
    private static final IdentifierProcessing POSTGRES = IdentifierProcessing.create(
            IdentifierProcessing.Quoting.ANSI, IdentifierProcessing.LetterCasing.LOWER_CASE);

    private final RelationalMappingContext context;
    private final Map<String, TableDdl> tables = new LinkedHashMap<>();
    private final Set<String> sequences = new LinkedHashSet<>();
    /** The tables made for an entity met as an aggregate root, not (yet) as held by another. */
    private final Set<String> madeAsRoot = new LinkedHashSet<>();

    AggregateTables(RelationalMappingContext context) {
        this.context = context;
    }

    void root(RelationalPersistentEntity<?> entity) {
        table(entity, null);
    }

    List<String> ddl() {
        List<String> ddl = new ArrayList<>();
        sequences.forEach(s -> ddl.add("create sequence if not exists " + s));
        tables.values().forEach(t -> ddl.add(t.create()));
        for (TableDdl table : tables.values()) {
            if (table.referenced != null) {
                ddl.add("alter table " + table.name + " add foreign key (" + String.join(", ", table.foreignKey)
                        + ") references " + table.referenced + " (" + String.join(", ", table.referencedColumns)
                        + ")");
            }
        }
        return ddl;
    }

    /** The table of {@code entity}, held by {@code owner} (null for an aggregate root), and those it holds. */
    private void table(RelationalPersistentEntity<?> entity, @Nullable Held owner) {
        String name = sql(entity.getQualifiedTableName());
        if (tables.containsKey(name)) {
            // the same entity held twice, or an aggregate root held by another: one table; but a @Table entity met
            // as a root before the aggregate that holds it is made again as held, with its back-reference
            if (owner == null || !madeAsRoot.remove(name)) {
                return;
            }
            tables.remove(name);
        }
        if (owner == null) {
            madeAsRoot.add(name);
        }
        TableDdl table = new TableDdl(name);
        tables.put(name, table);
        RelationalPersistentProperty id = entity.getIdProperty();
        List<Column> ownerColumns = owner == null ? List.of() : owner.columns();
        ownerColumns.forEach(table::add);
        columns(entity, entity, table);
        if (id != null) {
            table.primaryKey.add(sql(id.getColumnName()));
        } else if (owner != null && owner.identifying()) {
            ownerColumns.forEach(c -> table.primaryKey.add(c.name()));
        }
        if (owner != null && !owner.owner().key().isEmpty()) {
            table.foreignKey.addAll(ownerColumns.stream()
                    .limit(owner.owner().key().size())
                    .map(Column::name)
                    .toList());
            table.referenced = owner.owner().table();
            table.referencedColumns.addAll(owner.owner().key());
        }
        Owner asOwner = asOwner(entity, table, owner);
        children(entity, entity, asOwner);
    }

    /** What {@code entity}'s table is to the tables of the entities it holds. */
    private Owner asOwner(RelationalPersistentEntity<?> entity, TableDdl table, @Nullable Held held) {
        RelationalPersistentProperty id = entity.getIdProperty();
        if (id != null) {
            String idColumn = sql(id.getColumnName());
            return new Owner(entity, baseType(table.columns.get(idColumn)), List.of(), table.name, List.of(idColumn));
        }
        if (held == null) {
            throw new IllegalArgumentException(
                    "The aggregate root " + entity.getType().getName()
                            + " has no @Id property. Give it one (org.springframework.data.annotation.Id), as Spring Data"
                            + " needs it to save the aggregate.");
        }
        List<String> key =
                held.identifying() ? held.columns().stream().map(Column::name).toList() : List.of();
        List<Column> qualifiers = held.columns().subList(1, held.columns().size());
        return new Owner(held.owner().idEntity(), held.owner().idType(), qualifiers, table.name, key);
    }

    private static String baseType(@Nullable Column id) {
        return id == null ? "bigint" : id.type();
    }

    /** The columns of {@code entity}'s own properties and of its embedded entities', in {@code table}. */
    private void columns(RelationalPersistentEntity<?> root, RelationalPersistentEntity<?> entity, TableDdl table) {
        for (RelationalPersistentProperty property : entity) {
            if (property.isEmbedded()) {
                columns(root, context.getRequiredPersistentEntity(property), table);
            } else if (!isHeldEntity(property)) {
                table.add(column(root, property));
            }
        }
    }

    /** The tables of the entities {@code entity} (or an entity embedded in it) holds. */
    private void children(RelationalPersistentEntity<?> root, RelationalPersistentEntity<?> entity, Owner owner) {
        for (RelationalPersistentProperty property : entity) {
            if (property.isEmbedded()) {
                children(root, context.getRequiredPersistentEntity(property), owner);
            } else if (isHeldEntity(property)) {
                RelationalPersistentEntity<?> child = context.getRequiredPersistentEntity(property.getActualType());
                List<Column> columns = new ArrayList<>();
                columns.add(
                        new Column(sql(property.getReverseColumnName(owner.idEntity())), owner.idType(), true, false));
                columns.addAll(owner.qualifiers());
                if (property.isQualified()) {
                    SqlIdentifier keyColumn = property.getKeyColumn();
                    if (keyColumn != null) {
                        columns.add(new Column(sql(keyColumn), keyType(root, property), true, false));
                    }
                }
                // a list's or a map's element is identified by its owner and key, a single entity by its owner;
                // a set's element only by an id of its own
                boolean identifying = !property.isCollectionLike() || property.isQualified();
                table(child, new Held(owner, columns, identifying));
            }
        }
    }

    private String keyType(RelationalPersistentEntity<?> root, RelationalPersistentProperty property) {
        Class<?> keyClass = property.getQualifierColumnType();
        if (property.isOrdered() || keyClass == null) {
            return "integer";
        }
        String type = ColumnTypes.of(keyClass);
        if (type == null) {
            throw new IllegalArgumentException("The map " + name(root, property) + " has keys of the type "
                    + keyClass.getName() + ", whose column type migrate cannot tell. Key it by a String, a number,"
                    + " a UUID, a date or an enum.");
        }
        return type;
    }

    private boolean isHeldEntity(RelationalPersistentProperty property) {
        return property.isEntity() && !property.isEmbedded() && !isAggregateReference(property);
    }

    private static boolean isAggregateReference(RelationalPersistentProperty property) {
        return property.getType().getName().equals(AGGREGATE_REFERENCE);
    }

    /** The column of a property Spring Data writes in its entity's table. */
    private Column column(RelationalPersistentEntity<?> root, RelationalPersistentProperty property) {
        String name = sql(property.getColumnName());
        Class<?> type = property.getType();
        if (isAggregateReference(property)) {
            List<?> arguments = property.getTypeInformation().getTypeArguments();
            type = arguments.size() == 2
                    ? property.getTypeInformation().getTypeArguments().get(1).getType()
                    : Object.class;
        }
        String sqlType = ColumnTypes.of(type);
        if (sqlType == null && property.isCollectionLike() && !type.isArray()) {
            String element = ColumnTypes.of(property.getActualType());
            sqlType = element == null ? null : element + "[]";
        }
        if (sqlType == null) {
            throw new IllegalArgumentException("The property " + name(root, property) + " has the type "
                    + property.getTypeInformation() + ", which Spring Data writes through a converter that migrate"
                    + " cannot see, so its column type is open. Give it a type Spring Data writes as it is (a"
                    + " String, a number, a boolean, a date or time, a UUID, byte[], an enum, or an array of"
                    + " these), make its class an entity (@Table) or @Embedded, or mark it @Transient.");
        }
        if (property.isIdProperty()) {
            boolean identity = ColumnTypes.isIntegral(type)
                    && !property.hasSequence()
                    && !Persistable.class.isAssignableFrom(property.getOwner().getType());
            SqlIdentifier sequence = property.getSequence();
            if (sequence != null) {
                sequences.add(sql(sequence));
            }
            return new Column(name, sqlType, true, identity);
        }
        return new Column(name, sqlType, type.isPrimitive(), false);
    }

    private static String name(RelationalPersistentEntity<?> root, RelationalPersistentProperty property) {
        String owner = property.getOwner().getType().getSimpleName();
        return (property.getOwner() == root ? "" : root.getType().getSimpleName() + " > ") + owner + "."
                + property.getName();
    }

    /** A column: its name and type as PostgreSQL takes them. */
    private record Column(String name, String type, boolean notNull, boolean identity) {
        String sql() {
            return name + " " + type + (identity ? " generated by default as identity" : "")
                    + (notNull && !identity ? " not null" : "");
        }
    }

    /** A table being written: its columns, its primary key, and the foreign key to the table of its owner. */
    private static final class TableDdl {
        final String name;
        final Map<String, Column> columns = new LinkedHashMap<>();
        final List<String> primaryKey = new ArrayList<>();
        final List<String> foreignKey = new ArrayList<>();

        @Nullable
        String referenced;

        final List<String> referencedColumns = new ArrayList<>();

        TableDdl(String name) {
            this.name = name;
        }

        void add(Column column) {
            columns.putIfAbsent(column.name(), column);
        }

        String create() {
            List<String> parts = new ArrayList<>();
            columns.values().forEach(c -> parts.add(c.sql()));
            if (!primaryKey.isEmpty()) {
                parts.add("primary key (" + String.join(", ", primaryKey) + ")");
            }
            return "create table " + name + " (" + String.join(", ", parts) + ")";
        }
    }

    /**
     * Where an entity's table hangs in its aggregate: the entity whose id identifies its rows ({@code idEntity},
     * whose id column has {@code idType}), the key columns of the collections without ids between them, and the
     * owner's table and columns its foreign key references (none when the owner's rows have no key).
     */
    private record Owner(
            RelationalPersistentEntity<?> idEntity,
            String idType,
            List<Column> qualifiers,
            String table,
            List<String> key) {}

    /** An entity's table as held by its owner: the columns that refer to the owner, and whether they identify a row. */
    private record Held(Owner owner, List<Column> columns, boolean identifying) {}

    private static String sql(SqlIdentifier identifier) {
        return identifier.toSql(POSTGRES);
    }
}
