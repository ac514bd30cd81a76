package dev.migrate.catalog.read;

import dev.migrate.MigrateException;
import dev.migrate.catalog.CheckConstraint;
import dev.migrate.catalog.ColumnIdentity;
import dev.migrate.catalog.ColumnRef;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.DistributedTable;
import dev.migrate.catalog.Distribution;
import dev.migrate.catalog.EnumType;
import dev.migrate.catalog.ExclusionConstraint;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.Generated;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Partition;
import dev.migrate.catalog.Partitioning;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.op.ReferentialAction;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads tables, columns, constraints, indexes, sequences and enum types of some schemas from
 * {@code pg_catalog} into a {@link DatabaseSchema}.
 *
 * <p>A read sends a fixed number of bulk queries ({@value #QUERIES_PER_READ}) for all requested
 * schemas together, however many tables they hold; nothing is queried per table. It works on
 * PostgreSQL 13 to 18, gating on {@code server_version_num} where the catalog differs. On a database
 * with the {@code citus} extension (a Citus coordinator) one more query reads how the tables are
 * spread over the cluster ({@link Distribution}); the first query tells whether the extension is there,
 * so a server without it sends no more.
 *
 * <p>A partitioned table is read with its key and its partitions (at every level); a partition is
 * never a table of its own, and its columns, constraints and indexes, which come from its parent,
 * are not read.
 *
 * <p>Everything is read, including what entities cannot express (partial and expression indexes,
 * exclusion constraints, NOT VALID constraints), so a diff can see such objects and leave them
 * alone instead of not knowing they exist. Objects matched by the {@link Exclusions} are left out.
 *
 * <p>Types and expressions are spelled by the server ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}), which schema-qualifies a name only when
 * it is not visible on the connection's {@code search_path}. Read both sides of a comparison with
 * the same {@code search_path}.
 *
 * <p>Each query sees its own snapshot unless the caller reads inside a REPEATABLE READ (or
 * stricter) transaction; do that when concurrent DDL is possible. The reader never commits or
 * rolls back, and puts back the one setting it changes while it reads ({@link PlannerSettings}), so
 * it also works inside a transaction that the caller will roll back.
 *
 * <p>Not thread-safe: the query counter is per instance. Use one reader per thread.
 */
public final class CatalogReader {
    /** How many queries one {@link #read} sends; one more on a database with the {@code citus} extension. */
    public static final int QUERIES_PER_READ = 7;

    private int queriesSent;

    /** How the schemas' rows are reached, when a test says; else as {@link InSchemas#throughIndex} decides. */
    private final @Nullable Boolean throughIndex;

    /** A reader that reaches the schemas' rows as the database's size says ({@link InSchemas#throughIndex}). */
    public CatalogReader() {
        this(null);
    }

    /** A reader that reaches the schemas' rows through the index, or by the schema column, whatever the database. */
    CatalogReader(@Nullable Boolean throughIndex) {
        this.throughIndex = throughIndex;
    }

    /**
     * Reads the given schemas, leaving out the default version tables
     * ({@code migrate_version}, {@code migrate_history}).
     */
    public DatabaseSchema read(Connection connection, Collection<String> schemas) {
        return read(connection, schemas, Exclusions.versionTables());
    }

    /**
     * Reads the given schemas, leaving out tables, sequences and enum types matched by
     * {@code exclusions}. A constraint that references an excluded table is still read: it belongs
     * to its own table.
     */
    public DatabaseSchema read(Connection connection, Collection<String> schemas, Exclusions exclusions) {
        List<String> schemaList = List.copyOf(new LinkedHashSet<>(schemas));
        if (schemaList.isEmpty()) {
            return DatabaseSchema.empty();
        }
        try {
            return new SingleRead(connection, schemaList, exclusions).run();
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the catalog of schema(s) " + schemaList + ": " + e.getMessage()
                            + ". Check that the connection is open and its user may read pg_catalog.",
                    e);
        }
    }

    /** The number of queries this reader has sent so far, over all reads. */
    public int queriesSent() {
        return queriesSent;
    }

    /** The state of one read: the rows of each query, keyed by table oid, until they are assembled. */
    private final class SingleRead {
        private final Connection connection;
        private final List<String> schemas;
        private final Exclusions exclusions;

        private final Map<Long, TableRow> tables = new HashMap<>();
        private final Map<Long, PartitionKey> partitionKeys = new HashMap<>();
        private final Map<Long, List<PartitionRow>> partitionsByParent = new HashMap<>();
        private final Map<Long, List<ColumnRow>> columns = new HashMap<>();
        private final Map<Long, Map<Integer, String>> columnNamesByAttnum = new HashMap<>();
        private final Map<Long, Constraints> constraints = new HashMap<>();
        private final Map<Long, List<Index>> indexes = new HashMap<>();
        private final Map<Long, Map<String, String>> indexComments = new HashMap<>();
        private final Map<ColumnKey, IdentityOptions> identities = new HashMap<>();
        private final List<Sequence> sequences = new ArrayList<>();
        private final List<EnumRow> enumRows = new ArrayList<>();
        private final List<DistributedTable> distributedTables = new ArrayList<>();
        private final List<String> distributedSchemas = new ArrayList<>();
        private final Map<ObjectName, String> unmodelledDistribution = new HashMap<>();
        /** The colocation group of each hash-distributed table read, for naming each group by its leader. */
        private final Map<ObjectName, Colocated> colocation = new HashMap<>();
        /** The version of the database's {@code citus} extension, or {@code null} without it. */
        private @Nullable String citusVersion;

        private boolean throughSchemasIndex;

        SingleRead(Connection connection, List<String> schemas, Exclusions exclusions) {
            this.connection = connection;
            this.schemas = schemas;
            this.exclusions = exclusions;
        }

        DatabaseSchema run() throws SQLException {
            return PlannerSettings.forCatalog(connection, this::runQueries);
        }

        private DatabaseSchema runQueries() throws SQLException {
            int serverVersion = readServerVersion();
            String nullsNotDistinct = CatalogQueries.nullsNotDistinct(serverVersion);
            inSchemas(CatalogQueries.TABLES.formatted(CatalogQueries.detachPending(serverVersion)), this::tableRow);
            inSchemas(CatalogQueries.COLUMNS, this::columnRow);
            inSchemas(
                    CatalogQueries.CONSTRAINTS.formatted(
                            CatalogQueries.enforced(serverVersion),
                            CatalogQueries.deleteSetColumns(serverVersion),
                            nullsNotDistinct),
                    this::constraintRow);
            inSchemas(CatalogQueries.INDEXES.formatted(nullsNotDistinct), this::indexRow);
            inSchemas(CatalogQueries.SEQUENCES, this::sequenceRow);
            inSchemas(CatalogQueries.ENUMS, this::enumRow);
            if (citusVersion != null) {
                query(
                        CatalogQueries.DISTRIBUTION.formatted(CatalogQueries.distributedSchemas(citusVersion)),
                        this::distributionRow);
            }
            return assemble();
        }

        private int readServerVersion() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                queriesSent++;
                try (ResultSet rs = statement.executeQuery(CatalogQueries.SERVER_VERSION)) {
                    rs.next();
                    citusVersion = rs.getString(2);
                    throughSchemasIndex =
                            throughIndex != null ? throughIndex : InSchemas.throughIndex(rs.getLong(3), schemas.size());
                    return rs.getInt(1);
                }
            }
        }

        /** Runs a query of {@link CatalogQueries} that reaches the schemas' rows as {@link InSchemas} says. */
        private void inSchemas(String sql, RowHandler handler) throws SQLException {
            query(CatalogQueries.inSchemas(sql, throughSchemasIndex), handler);
        }

        private void query(String sql, RowHandler handler) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Array schemaArray = connection.createArrayOf("text", schemas.toArray());
                statement.setArray(1, schemaArray);
                queriesSent++;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(rs);
                    }
                } finally {
                    schemaArray.free();
                }
            }
        }

        private void tableRow(ResultSet rs) throws SQLException {
            String schema = rs.getString("nspname");
            String name = rs.getString("relname");
            long oid = rs.getLong("oid");
            String partitionKey = rs.getString("partition_key");
            if (partitionKey != null) {
                List<String> keyColumns = new ArrayList<>();
                boolean expressions = false;
                Array names = rs.getArray("partition_columns");
                try {
                    for (Object column : (Object[]) names.getArray()) {
                        if (column == null) {
                            expressions = true; // attnum 0: an expression part of the key
                        } else {
                            keyColumns.add((String) column);
                        }
                    }
                } finally {
                    names.free();
                }
                partitionKeys.put(oid, new PartitionKey(partitionKey, keyColumns, expressions));
            }
            if (rs.getBoolean("relispartition")) {
                // a partition is never a table of its own, whatever its name: it belongs to its parent
                partitionsByParent
                        .computeIfAbsent(rs.getLong("parent_oid"), p -> new ArrayList<>())
                        .add(new PartitionRow(
                                oid, schema, name, rs.getString("bound"), rs.getBoolean("detach_pending")));
            } else if (!exclusions.excludes(schema, name)) {
                tables.put(
                        oid,
                        new TableRow(
                                schema,
                                name,
                                rs.getString("description"),
                                code(rs.getString("relpersistence")) == 'u'));
            }
        }

        private void columnRow(ResultSet rs) throws SQLException {
            long tableOid = rs.getLong("attrelid");
            columns.computeIfAbsent(tableOid, oid -> new ArrayList<>())
                    .add(new ColumnRow(
                            rs.getInt("attnum"),
                            rs.getString("attname"),
                            rs.getString("type"),
                            rs.getBoolean("attnotnull"),
                            rs.getString("expression"),
                            code(rs.getString("attidentity")),
                            code(rs.getString("attgenerated")),
                            rs.getString("collation"),
                            rs.getString("description")));
        }

        private void constraintRow(ResultSet rs) throws SQLException {
            long tableOid = rs.getLong("conrelid");
            Constraints target = constraints.computeIfAbsent(tableOid, oid -> new Constraints());
            String name = rs.getString("conname");
            List<String> columnNames = columnNames(tableOid, rs.getArray("conkey"));
            boolean deferrable = rs.getBoolean("condeferrable");
            boolean initiallyDeferred = rs.getBoolean("condeferred");
            // PostgreSQL 18 marks a constraint NOT ENFORCED as not validated too and writes only the former
            boolean notEnforced = !rs.getBoolean("enforced");
            boolean validated = rs.getBoolean("convalidated") || notEnforced;
            String definition = rs.getString("definition");
            String comment = rs.getString("comment");
            if (comment != null) {
                target.comments.put(name, comment);
            }
            switch (code(rs.getString("contype"))) {
                case 'p' ->
                    target.primaryKey = new PrimaryKey(
                            name,
                            columnNames,
                            deferrable,
                            initiallyDeferred,
                            storageParameters(strings(rs.getArray("index_options"))));
                case 'u' ->
                    target.uniques.add(new UniqueConstraint(
                            name,
                            columnNames,
                            rs.getBoolean("nulls_not_distinct"),
                            deferrable,
                            initiallyDeferred,
                            storageParameters(strings(rs.getArray("index_options")))));
                case 'f' ->
                    target.foreignKeys.add(new ForeignKey(
                            name,
                            columnNames,
                            rs.getString("referenced_schema"),
                            rs.getString("referenced_table"),
                            strings(rs.getArray("referenced_columns")),
                            action(code(rs.getString("confdeltype"))),
                            action(code(rs.getString("confupdtype"))),
                            deferrable,
                            initiallyDeferred,
                            validated,
                            code(rs.getString("confmatchtype")) == 'f',
                            columnNames(tableOid, rs.getArray("delete_set_columns")),
                            notEnforced));
                case 'c' -> {
                    boolean noInherit = rs.getBoolean("connoinherit");
                    String expression = without(
                            withoutNotValid(without(definition, notEnforced ? " NOT ENFORCED" : "")),
                            noInherit ? " NO INHERIT" : "");
                    target.checks.add(new CheckConstraint(name, expression, validated, noInherit, notEnforced));
                }
                case 'x' -> target.exclusions.add(new ExclusionConstraint(name, definition));
                default -> {} // the query asks for the five kinds above only
            }
        }

        /** Names the attnums of a constraint key from the columns query, in key order. */
        private List<String> columnNames(long tableOid, Array attnums) throws SQLException {
            if (attnums == null) {
                return List.of();
            }
            try {
                Map<Integer, String> names = columnNamesByAttnum.computeIfAbsent(tableOid, oid -> {
                    Map<Integer, String> byAttnum = new HashMap<>();
                    for (ColumnRow row : columns.getOrDefault(oid, List.of())) {
                        byAttnum.put(row.attnum, row.name);
                    }
                    return byAttnum;
                });
                List<String> result = new ArrayList<>();
                for (Object attnum : (Object[]) attnums.getArray()) {
                    result.add(names.get(((Number) attnum).intValue()));
                }
                return result;
            } finally {
                attnums.free();
            }
        }

        private void indexRow(ResultSet rs) throws SQLException {
            long tableOid = rs.getLong("indrelid");
            TableRow table = tables.get(tableOid);
            // an excluded name keeps an index out of the comparison too (one entities cannot describe before Hibernate
            // 7)
            if (table != null && exclusions.excludes(table.schema(), rs.getString("index_name"))) {
                return;
            }
            String comment = rs.getString("comment");
            if (comment != null) {
                indexComments
                        .computeIfAbsent(tableOid, oid -> new HashMap<>())
                        .put(rs.getString("index_name"), comment);
            }
            indexes.computeIfAbsent(tableOid, oid -> new ArrayList<>())
                    .add(new Index(
                            rs.getString("index_name"),
                            rs.getBoolean("indisunique"),
                            rs.getString("amname"),
                            strings(rs.getArray("keys")),
                            strings(rs.getArray("include_columns")),
                            rs.getString("predicate"),
                            rs.getBoolean("nulls_not_distinct"),
                            rs.getString("definition"),
                            storageParameters(strings(rs.getArray("reloptions")))));
        }

        private void sequenceRow(ResultSet rs) throws SQLException {
            char ownership = code(rs.getString("deptype"));
            IdentityOptions options = new IdentityOptions(
                    rs.getLong("seqstart"),
                    rs.getLong("seqincrement"),
                    rs.getLong("seqmin"),
                    rs.getLong("seqmax"),
                    rs.getLong("seqcache"),
                    rs.getBoolean("seqcycle"),
                    rs.getBoolean("in_use"),
                    null);
            String schema = rs.getString("nspname");
            String name = rs.getString("relname");
            if (ownership == 'i') {
                // An identity sequence is part of its column; its name is kept where it is not the one made up
                boolean made =
                        name.equals(MadeNames.made(rs.getString("owner_table"), rs.getString("owner_column"), "seq"));
                identities.put(
                        new ColumnKey(rs.getLong("owner_oid"), rs.getInt("owner_attnum")),
                        made ? options : options.named(name));
                return;
            }
            if (exclusions.excludes(schema, name)) {
                return;
            }
            ColumnRef ownedBy = ownership == 'a'
                    ? new ColumnRef(
                            rs.getString("owner_schema"), rs.getString("owner_table"), rs.getString("owner_column"))
                    : null;
            sequences.add(new Sequence(
                    schema,
                    name,
                    rs.getString("data_type"),
                    options.start,
                    options.increment,
                    options.min,
                    options.max,
                    options.cache,
                    options.cycle,
                    ownedBy,
                    options.inUse));
        }

        private void enumRow(ResultSet rs) throws SQLException {
            String schema = rs.getString("nspname");
            String name = rs.getString("typname");
            if (!exclusions.excludes(schema, name)) {
                enumRows.add(new EnumRow(
                        new EnumType(schema, name, strings(rs.getArray("labels"))),
                        strings(rs.getArray("dependants"))));
            }
        }

        private void distributionRow(ResultSet rs) throws SQLException {
            String schema = rs.getString("nspname");
            if ("schema".equals(rs.getString("kind"))) {
                distributedSchemas.add(schema);
                return;
            }
            String name = rs.getString("relname");
            if (exclusions.excludes(schema, name) || rs.getBoolean("autoconverted")) {
                // a table Citus added to its metadata itself (one a reference table's foreign key chains to) is its own
                return;
            }
            ObjectName table = ObjectName.of(schema, name);
            char method = code(rs.getString("method"));
            char model = code(rs.getString("model"));
            int group = rs.getInt("colocationid");
            if (method == 'h') {
                long firstShard = rs.getLong("first_shard");
                colocation.put(
                        table, new Colocated(group, rs.wasNull() ? Long.MAX_VALUE : firstShard, rs.getLong("relid")));
                distributedTables.add(
                        new DistributedTable(table, rs.getString("column_name"), null, rs.getInt("shardcount")));
            } else if (method == 'n' && model == 't') {
                distributedTables.add(DistributedTable.reference(table));
            } else if (method == 'n' && group == 0) {
                unmodelledDistribution.put(table, "a Citus local table (citus_add_local_table_to_metadata)");
            } else if (method == 'n') {
                unmodelledDistribution.put(
                        table,
                        "a single-shard distributed table (create_distributed_table with a"
                                + " NULL distribution column)");
            } else {
                unmodelledDistribution.put(
                        table, (method == 'r' ? "range" : "append") + " distributed (a method Citus deprecates)");
            }
        }

        /**
         * The distributions read, each group of colocated tables named by its leader: the table the others were
         * colocated with, the one distributed first; of two as old (or without shards), the one made first.
         * Citus keeps no leader, only the group's number, which two clusters built alike give otherwise; the
         * table a chain distributes first is the same on both, and is what a baseline distributes first.
         */
        private Distribution distribution() {
            Map<Integer, ObjectName> leaders = new HashMap<>();
            Comparator<Map.Entry<ObjectName, Colocated>> older = Comparator.comparing(
                            (Map.Entry<ObjectName, Colocated> e) -> e.getValue().firstShard())
                    .thenComparing(e -> e.getValue().relid())
                    .thenComparing(Map.Entry::getKey);
            colocation.entrySet().stream()
                    .sorted(older)
                    .forEach(e -> leaders.putIfAbsent(e.getValue().group(), e.getKey()));
            List<DistributedTable> named = new ArrayList<>();
            for (DistributedTable t : distributedTables) {
                Colocated colocated = colocation.get(t.table());
                ObjectName leader = colocated == null ? null : leaders.get(colocated.group());
                named.add(
                        leader == null || leader.equals(t.table())
                                ? t
                                : new DistributedTable(t.table(), t.column(), leader, t.shardCount()));
            }
            return Distribution.of(named, distributedSchemas, unmodelledDistribution);
        }

        /**
         * The enum type with what depends on it outside the tables read: a table excluded or of another
         * schema, a domain, a view, a function. The tables read are the diff's to compare; the rest stays
         * as it is, so the type must stay with it.
         */
        private EnumType enumType(EnumRow row) {
            List<String> outside = new ArrayList<>();
            for (String dependant : row.dependants) {
                int colon = dependant.indexOf(':');
                if (!tables.containsKey(Long.parseLong(dependant.substring(0, colon)))) {
                    outside.add(dependant.substring(colon + 1));
                }
            }
            return row.type.usedBy(outside);
        }

        private DatabaseSchema assemble() {
            List<Table> result = new ArrayList<>(tables.size());
            for (Map.Entry<Long, TableRow> entry : tables.entrySet()) {
                long oid = entry.getKey();
                TableRow table = entry.getValue();
                Constraints tableConstraints = constraints.getOrDefault(oid, new Constraints());
                result.add(new Table(
                        table.schema,
                        table.name,
                        columnsOf(oid),
                        tableConstraints.primaryKey,
                        tableConstraints.foreignKeys,
                        tableConstraints.uniques,
                        tableConstraints.checks,
                        tableConstraints.exclusions,
                        indexes.getOrDefault(oid, List.of()),
                        table.comment,
                        partitioning(oid),
                        table.unlogged,
                        tableConstraints.comments,
                        indexComments.getOrDefault(oid, Map.of())));
            }
            DatabaseSchema schema = DatabaseSchema.of(
                    result, sequences, enumRows.stream().map(this::enumType).toList());
            return citusVersion == null ? schema : schema.withDistribution(distribution());
        }

        /** The partitioning of a partitioned table or partition, with its partitions at every level; null for a plain one. */
        private @Nullable Partitioning partitioning(long oid) {
            PartitionKey key = partitionKeys.get(oid);
            if (key == null) {
                return null;
            }
            List<Partition> partitions = new ArrayList<>();
            for (PartitionRow row : partitionsByParent.getOrDefault(oid, List.of())) {
                partitions.add(new Partition(
                        row.schema(), row.name(), row.bound(), partitioning(row.oid()), row.detachPending()));
            }
            return new Partitioning(key.definition(), key.columns(), key.hasExpressions(), partitions);
        }

        private List<TableColumn> columnsOf(long tableOid) {
            List<ColumnRow> rows = new ArrayList<>(columns.getOrDefault(tableOid, List.of()));
            rows.sort(Comparator.comparingInt(ColumnRow::attnum));
            List<TableColumn> result = new ArrayList<>(rows.size());
            for (ColumnRow row : rows) {
                result.add(row.toColumn(identities.get(new ColumnKey(tableOid, row.attnum))));
            }
            return result;
        }
    }

    /** pg_catalog "char" columns arrive as one-character strings; an empty one means "none". */
    private static char code(String value) {
        return value == null || value.isEmpty() ? '\0' : value.charAt(0);
    }

    /** {@code pg_class.reloptions} holds each storage parameter as {@code name=value}. */
    private static Map<String, String> storageParameters(List<String> reloptions) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String option : reloptions) {
            int equals = option.indexOf('=');
            parameters.put(option.substring(0, equals), option.substring(equals + 1));
        }
        return parameters;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    /**
     * pg_get_constraintdef appends NOT VALID to an unvalidated constraint; the model carries that
     * as a flag, so the expression compares equal before and after VALIDATE CONSTRAINT.
     */
    private static String withoutNotValid(String definition) {
        return without(definition, " NOT VALID");
    }

    /**
     * A check's definition without the {@code NO INHERIT} that pg_get_constraintdef writes after the
     * parenthesised expression (before {@code NOT VALID}): the model carries it as a flag too, and
     * the expression alone is what goes inside {@code CHECK (...)}.
     */
    private static String without(String definition, String suffix) {
        return !suffix.isEmpty() && definition.endsWith(suffix)
                ? definition.substring(0, definition.length() - suffix.length())
                : definition;
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private record TableRow(
            String schema, String name, @Nullable String comment, boolean unlogged) {}

    private record EnumRow(EnumType type, List<String> dependants) {}

    private record PartitionKey(String definition, List<String> columns, boolean hasExpressions) {}

    private record PartitionRow(long oid, String schema, String name, String bound, boolean detachPending) {}

    private record ColumnKey(long tableOid, int attnum) {}

    /** A hash-distributed table's colocation group, its first shard's id and its oid: which of a group is older. */
    private record Colocated(int group, long firstShard, long relid) {}

    private record IdentityOptions(
            long start,
            long increment,
            long min,
            long max,
            long cache,
            boolean cycle,
            boolean inUse,
            @Nullable String name) {
        IdentityOptions named(String sequence) {
            return new IdentityOptions(start, increment, min, max, cache, cycle, inUse, sequence);
        }
    }

    private record ColumnRow(
            int attnum,
            String name,
            String type,
            boolean notNull,
            @Nullable String expression,
            char identity,
            char generated,
            @Nullable String collation,
            @Nullable String comment) {

        TableColumn toColumn(@Nullable IdentityOptions options) {
            ColumnIdentity identityPart = null;
            if (identity != '\0' && options != null) {
                ColumnIdentity.Generation generation =
                        identity == 'a' ? ColumnIdentity.Generation.ALWAYS : ColumnIdentity.Generation.BY_DEFAULT;
                identityPart = new ColumnIdentity(
                        generation,
                        options.start,
                        options.increment,
                        options.min,
                        options.max,
                        options.cache,
                        options.cycle,
                        options.inUse,
                        options.name);
            }
            // a generated column always has its expression in pg_attrdef
            Generated generatedPart = generated == '\0'
                    ? null
                    : new Generated(Objects.requireNonNull(expression, name), generated == 's');
            String defaultExpression = generated == '\0' ? expression : null;
            return new TableColumn(
                    name, type, !notNull, defaultExpression, identityPart, generatedPart, collation, comment);
        }
    }

    /** The constraints of one table while rows arrive. */
    private static final class Constraints {
        @Nullable
        PrimaryKey primaryKey;

        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<ExclusionConstraint> exclusions = new ArrayList<>();
        final Map<String, String> comments = new HashMap<>();
    }

    /** The action for a {@code pg_constraint.confdeltype} / {@code confupdtype} code. */
    private static ReferentialAction action(char code) {
        return switch (code) {
            case 'a' -> ReferentialAction.NO_ACTION;
            case 'r' -> ReferentialAction.RESTRICT;
            case 'c' -> ReferentialAction.CASCADE;
            case 'n' -> ReferentialAction.SET_NULL;
            case 'd' -> ReferentialAction.SET_DEFAULT;
            default ->
                throw new IllegalArgumentException("Unknown foreign key action code '" + code + "' in pg_constraint.");
        };
    }
}
