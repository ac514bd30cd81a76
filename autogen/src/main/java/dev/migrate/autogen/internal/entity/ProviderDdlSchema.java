package dev.migrate.autogen.internal.entity;

import dev.migrate.catalog.ColumnIdentity;
import dev.migrate.catalog.ColumnRef;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.op.ReferentialAction;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Names;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entity side read from the provider's DDL alone, without a server, as the catalog reader would
 * read it once that DDL ran, for DDL made only of the plainest statements a JPA provider writes:
 * {@code create table} with columns of the common built-in types, identity columns, a primary key,
 * named unique constraints, and the named primary and foreign keys hand-written SQL has ({@code
 * constraint t1_pkey primary key (id)}, {@code constraint t1_parent_fk foreign key (parent_id) references
 * t0(id)}); {@code create sequence ... start with ... increment by ...}; named unique and foreign key
 * constraints added by {@code alter table}; {@code create [unique] index} on plain columns. A text of
 * several statements is read statement by statement; {@code default} of a boolean or a small whole number
 * ({@link Defaults}); {@code serial}, {@code bigserial} and {@code smallserial} with their sequences. Anything else (another default, a check, a comment,
 * another type, a schema-qualified name, a name PostgreSQL would shorten or make unique, an index with a
 * method, an order or a predicate) and the reading is empty: the entity side is then built on a server,
 * and the chain replayed, as always.
 *
 * <p>Only ever used to confirm: a comparison takes this side when it finds no difference against the
 * live one, and builds the entity side on a server when it finds any, so what this cannot read, or
 * were to read wrongly, costs time and never a change. The same reading serves the other side of a
 * cold {@code check}: the SQL the migrations render, when it is as plain, is the schema at head
 * without a replay. So a statement the server would refuse (a column that is not there, a foreign key
 * that matches no key of its table or another type) is not read either.
 */
public final class ProviderDdlSchema {
    private final String schema;
    private final Map<String, TableDraft> tables = new LinkedHashMap<>();
    private final List<Sequence> sequences = new ArrayList<>();
    /** Every name in the schema's relation and constraint namespaces, to refuse what PostgreSQL would rename. */
    private final Set<String> names = new HashSet<>();

    private ProviderDdlSchema(String schema) {
        this.schema = schema;
    }

    /**
     * The schema {@code ddl} builds in {@code schema} (its unqualified names resolving there), with
     * what {@code exclusions} name left out, or empty when any statement is not one of those read here.
     */
    public static Optional<DatabaseSchema> read(List<String> ddl, String schema, Exclusions exclusions) {
        return read(allStatements(ddl), schema).map(reading -> reading.schema(exclusions));
    }

    /**
     * As {@link #read}, for {@code ddl} written in any order, as SQL schema files are: the sequences first, then
     * the tables, each after the tables its foreign keys reference (those in a cycle last, which the reading then
     * refuses, as the server would), then the other statements in the order given.
     */
    public static Optional<DatabaseSchema> readInAnyOrder(List<String> ddl, String schema, Exclusions exclusions) {
        return read(inCreationOrder(allStatements(ddl)), schema).map(reading -> reading.schema(exclusions));
    }

    private static List<List<SqlToken>> allStatements(List<String> ddl) {
        return ddl.stream()
                .flatMap(text -> statements(SqlLexer.tokens(text)).stream())
                .toList();
    }

    private static Optional<ProviderDdlSchema> read(List<List<SqlToken>> statements, String schema) {
        ProviderDdlSchema reading = new ProviderDdlSchema(schema);
        try {
            for (List<SqlToken> statement : statements) {
                reading.statement(new Tokens(statement));
            }
        } catch (Unread e) {
            return Optional.empty();
        }
        return Optional.of(reading);
    }

    /** {@code statements} as {@link #readInAnyOrder} reads them: each table after those it references (Kahn's order). */
    private static List<List<SqlToken>> inCreationOrder(List<List<SqlToken>> statements) {
        List<List<SqlToken>> ordered = new ArrayList<>();
        Map<String, List<SqlToken>> tables = new LinkedHashMap<>();
        List<List<SqlToken>> rest = new ArrayList<>();
        for (List<SqlToken> statement : statements) {
            String created = created(statement, "table");
            if (created(statement, "sequence") != null) {
                ordered.add(statement);
            } else if (created != null && !tables.containsKey(created)) {
                tables.put(created, statement);
            } else {
                rest.add(statement);
            }
        }
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> referencedBy = new HashMap<>();
        tables.forEach((table, statement) -> {
            Set<String> references = new HashSet<>();
            for (int i = 0; i + 1 < statement.size(); i++) {
                String referenced = statement.get(i).isWord("references")
                        ? statement.get(i + 1).name()
                        : null;
                if (referenced != null && !referenced.equals(table) && tables.containsKey(referenced)) {
                    references.add(referenced);
                }
            }
            waitingFor.put(table, references.size());
            references.forEach(
                    r -> referencedBy.computeIfAbsent(r, k -> new ArrayList<>()).add(table));
        });
        ArrayDeque<String> ready = new ArrayDeque<>();
        tables.keySet().stream().filter(t -> waitingFor.getOrDefault(t, 0) == 0).forEach(ready::add);
        while (!ready.isEmpty()) {
            String table = ready.poll();
            ordered.add(tables.get(table));
            for (String next : referencedBy.getOrDefault(table, List.of())) {
                if (waitingFor.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        tables.forEach((table, statement) -> {
            if (waitingFor.getOrDefault(table, 0) > 0) { // in a cycle: never ready
                ordered.add(statement);
            }
        });
        ordered.addAll(rest);
        return ordered;
    }

    /** The name {@code create <kind> <name>} makes, as the lexer folds it; null for another statement. */
    private static @Nullable String created(List<SqlToken> statement, String kind) {
        return statement.size() > 2
                        && statement.get(0).isWord("create")
                        && statement.get(1).isWord(kind)
                ? statement.get(2).name()
                : null;
    }

    private DatabaseSchema schema(Exclusions exclusions) {
        List<Table> tables = this.tables.values().stream()
                .filter(t -> !exclusions.excludes(schema, t.name))
                .map(TableDraft::table)
                .toList();
        List<Sequence> sequences = this.sequences.stream()
                .filter(s -> !exclusions.excludes(schema, s.name()))
                .toList();
        return DatabaseSchema.of(tables, sequences, List.of());
    }

    /** The statements of one text, split at each {@code ;} (the lexer keeps those in literals and quotes apart). */
    private static List<List<SqlToken>> statements(List<SqlToken> tokens) {
        List<List<SqlToken>> statements = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).is(";")) {
                if (i > start) {
                    statements.add(tokens.subList(start, i));
                }
                start = i + 1;
            }
        }
        return statements;
    }

    private void statement(Tokens t) {
        if (t.word("create")) {
            if (t.word("table")) {
                createTable(t);
            } else if (t.word("sequence")) {
                createSequence(t);
            } else {
                boolean unique = t.word("unique");
                t.expect("index");
                createIndex(t, unique);
            }
        } else {
            t.expect("alter");
            t.expect("table");
            if (t.word("if")) {
                t.expect("exists");
            }
            TableDraft table = existing(t.name());
            t.expect("add");
            if (t.word("column")) {
                addColumn(table, t);
                t.end();
                return;
            }
            t.expect("constraint");
            String name = claim(t.name());
            if (t.word("unique")) {
                table.uniques.add(new UniqueConstraint(name, table.known(t.columns()), false, false, false));
            } else {
                t.expect("foreign");
                t.expect("key");
                table.foreignKeys.add(foreignKey(table, ForeignKeyClause.read(t, name)));
            }
        }
        t.end();
    }

    private void createTable(Tokens t) {
        String name = claim(t.name());
        TableDraft table = new TableDraft(name);
        List<ForeignKeyClause> foreignKeys = new ArrayList<>();
        t.expectSymbol("(");
        do {
            if (t.word("primary")) {
                t.expect("key");
                table.primaryKey(t.columns());
            } else if (t.word("constraint")) {
                String constraint = claim(t.name());
                if (t.word("primary")) {
                    t.expect("key");
                    table.primaryKey(t.columns());
                    table.primaryKeyName = constraint;
                } else if (t.word("foreign")) {
                    t.expect("key");
                    foreignKeys.add(ForeignKeyClause.read(t, constraint));
                } else {
                    t.expect("unique");
                    table.uniques.add(new UniqueConstraint(constraint, t.columns(), false, false, false));
                }
            } else {
                ColumnDraft column = column(t, name);
                if (column.primaryKey) {
                    table.primaryKey(List.of(column.name));
                }
                table.columns.add(column);
            }
        } while (t.symbol(","));
        t.expectSymbol(")");
        if (table.primaryKey != null) {
            table.known(table.primaryKey);
            if (table.primaryKeyName == null) {
                table.primaryKeyName = claim(generatedName(name, "pkey"));
            }
        }
        for (ColumnDraft column : table.columns) {
            if (column.unique) {
                inlineUnique(table, column);
            }
        }
        table.known(table.columns.stream().map(c -> c.name).toList()); // no column twice
        table.uniques.forEach(u -> table.known(u.columns()));
        tables.put(name, table); // before its foreign keys, which may reference the table itself
        foreignKeys.forEach(clause -> table.foreignKeys.add(foreignKey(table, clause)));
    }

    /**
     * {@code alter table ... add column}: the column last, its inline key or unique constraint named as in
     * {@code create table}. A table a replay builds is empty, so a new {@code not null} column is no problem.
     */
    private void addColumn(TableDraft table, Tokens t) {
        ColumnDraft column = column(t, table.name);
        if (table.columns.stream().anyMatch(c -> c.name.equals(column.name))) {
            throw new Unread();
        }
        table.columns.add(column);
        if (column.primaryKey) {
            table.primaryKey(List.of(column.name));
            table.primaryKeyName = claim(generatedName(table.name, "pkey"));
        }
        if (column.unique) {
            inlineUnique(table, column);
        }
    }

    /**
     * What {@code serial} makes of {@code column}: a {@code not null} column whose default takes the next value
     * of a sequence the column owns, named as PostgreSQL names it.
     */
    private void serial(ColumnDraft column, String table) {
        String sequence = claim(generatedName(table + "_" + column.name, "seq"));
        if (!Identifiers.quote(sequence).equals(sequence)) {
            throw new Unread(); // the default would spell the name quoted
        }
        column.nullable = false;
        column.defaultExpression = "nextval('" + sequence + "'::regclass)";
        sequences.add(new Sequence(
                schema,
                sequence,
                column.type,
                1,
                1,
                1,
                Sequence.typeMax(column.type),
                1,
                false,
                new ColumnRef(schema, table, column.name),
                false));
    }

    /** The unique constraint a column's {@code unique} makes, named as PostgreSQL names it. */
    private void inlineUnique(TableDraft table, ColumnDraft column) {
        String constraint = claim(generatedName(table.name + "_" + column.name, "key"));
        table.uniques.add(new UniqueConstraint(constraint, List.of(column.name), false, false, false));
    }

    private ColumnDraft column(Tokens t, String table) {
        String name = t.name();
        String serial = Types.serial(t);
        String type = serial != null ? serial : Types.read(t);
        ColumnDraft column = new ColumnDraft(name, type);
        if (serial != null) {
            serial(column, table);
        }
        while (!t.atEnd() && !t.atSymbol(",") && !t.atSymbol(")")) {
            if (t.word("not")) {
                t.expect("null");
                column.nullable = false;
            } else if (t.word("primary")) {
                t.expect("key");
                column.primaryKey = true;
            } else if (t.word("unique")) {
                column.unique = true;
            } else if (t.word("default")) {
                if (column.defaultExpression != null) {
                    throw new Unread(); // the server refuses a second default, or one beside serial
                }
                column.defaultExpression = Defaults.read(t, type);
            } else {
                t.expect("generated");
                ColumnIdentity.Generation generation;
                if (t.word("always")) {
                    generation = ColumnIdentity.Generation.ALWAYS;
                } else {
                    t.expect("by");
                    t.expect("default");
                    generation = ColumnIdentity.Generation.BY_DEFAULT;
                }
                t.expect("as");
                t.expect("identity");
                if (!Types.INTEGERS.contains(type) || column.identity != null) {
                    throw new Unread(); // the server refuses an identity column of another type
                }
                column.identity = new ColumnIdentity(generation, 1, 1, 1, Sequence.typeMax(type), 1, false, false);
                column.nullable = false;
                claim(generatedName(table + "_" + name, "seq"));
            }
        }
        if (column.identity != null && column.defaultExpression != null) {
            throw new Unread(); // the server refuses a default beside an identity
        }
        return column;
    }

    private void createSequence(Tokens t) {
        String name = claim(t.name());
        t.expect("start");
        t.expect("with");
        long start = t.number();
        t.expect("increment");
        t.expect("by");
        long increment = t.number();
        if (start < 1 || increment < 1) {
            throw new Unread();
        }
        sequences.add(new Sequence(schema, name, "bigint", start, increment, 1, Long.MAX_VALUE, 1, false, null, false));
    }

    private void createIndex(Tokens t, boolean unique) {
        String name = claim(t.name());
        t.expect("on");
        TableDraft table = existing(t.name());
        List<String> keys = table.known(t.columns());
        String definition = (unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + Identifiers.quote(name) + " ON "
                + Identifiers.quote(schema) + "." + Identifiers.quote(table.name) + " USING btree ("
                + Identifiers.quoteAll(keys) + ")";
        table.indexes.add(new Index(name, unique, "btree", keys, List.of(), null, false, definition));
    }

    /**
     * The foreign key {@code clause} adds to {@code table}, once the server would accept it: its columns are
     * the table's, and it references the primary key or a unique constraint of a table read here, of the
     * same types.
     */
    private ForeignKey foreignKey(TableDraft table, ForeignKeyClause clause) {
        List<String> columns = table.known(clause.columns());
        TableDraft referenced = existing(clause.referenced());
        List<String> referencedColumns = clause.referencedColumns() == null
                ? referenced.primaryKey
                : referenced.known(clause.referencedColumns());
        if (referencedColumns == null
                || !referenced.isKey(referencedColumns)
                || !table.types(columns).equals(referenced.types(referencedColumns))) {
            throw new Unread(); // the server refuses a key it cannot match, or compares the types itself
        }
        return new ForeignKey(
                clause.name(),
                columns,
                schema,
                referenced.name,
                referencedColumns,
                clause.onDelete(),
                ReferentialAction.NO_ACTION,
                false,
                false,
                true);
    }

    /**
     * {@code foreign key (a) references t [(b)] [on delete cascade]} as written, its names not yet resolved.
     *
     * @param referencedColumns {@code null}: the referenced table's primary key
     */
    private record ForeignKeyClause(
            String name,
            List<String> columns,
            String referenced,
            @Nullable List<String> referencedColumns,
            ReferentialAction onDelete) {

        /** The clause after {@code foreign key}. */
        static ForeignKeyClause read(Tokens t, String name) {
            List<String> columns = t.columns();
            t.expect("references");
            String referenced = t.name();
            List<String> referencedColumns = t.atSymbol("(") ? t.columns() : null;
            ReferentialAction onDelete = ReferentialAction.NO_ACTION;
            if (t.word("on")) {
                t.expect("delete");
                t.expect("cascade");
                onDelete = ReferentialAction.CASCADE;
            }
            return new ForeignKeyClause(name, columns, referenced, referencedColumns, onDelete);
        }
    }

    private TableDraft existing(String name) {
        TableDraft table = tables.get(name);
        if (table == null) {
            throw new Unread(); // a table of another schema, or made by a statement not read here
        }
        return table;
    }

    /** The name PostgreSQL gives an object named after another ({@code orders_pkey}), when it keeps it whole. */
    private static String generatedName(String stem, String label) {
        String name = stem + "_" + label;
        if (!Names.fits(name)) {
            throw new Unread(); // PostgreSQL shortens it in its own way
        }
        return name;
    }

    /** {@code name}, refused when it is taken (PostgreSQL would refuse it, or pick another) or too long. */
    private String claim(String name) {
        if (!Names.fits(name) || !names.add(name)) {
            throw new Unread();
        }
        return name;
    }

    /** A statement, or part of one, that is not read here. */
    private static final class Unread extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unread() {
            super(null, null, false, false);
        }
    }

    private final class TableDraft {
        final String name;
        final List<ColumnDraft> columns = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        @Nullable
        List<String> primaryKey;

        @Nullable
        String primaryKeyName;

        TableDraft(String name) {
            this.name = name;
        }

        /** Sets the primary key; a second one the server refuses. */
        void primaryKey(List<String> columns) {
            if (primaryKey != null) {
                throw new Unread();
            }
            primaryKey = columns;
        }

        /** {@code names}, when each is a column of this table, once; otherwise the server refuses the statement. */
        List<String> known(List<String> names) {
            Set<String> columnNames = new HashSet<>();
            columns.forEach(c -> columnNames.add(c.name));
            if (!columnNames.containsAll(names) || Set.copyOf(names).size() != names.size()) {
                throw new Unread();
            }
            return names;
        }

        /** Whether {@code keys} are this table's primary key or one of its unique constraints, as a foreign key needs. */
        boolean isKey(List<String> keys) {
            Set<String> wanted = Set.copyOf(keys);
            return (primaryKey != null && Set.copyOf(primaryKey).equals(wanted))
                    || uniques.stream().anyMatch(u -> Set.copyOf(u.columns()).equals(wanted));
        }

        /** The types of {@code names}, in that order. */
        List<String> types(List<String> names) {
            return names.stream()
                    .map(n -> columns.stream()
                            .filter(c -> c.name.equals(n))
                            .findFirst()
                            .orElseThrow(Unread::new)
                            .type)
                    .toList();
        }

        Table table() {
            Set<String> keyColumns = primaryKey == null ? Set.of() : Set.copyOf(primaryKey);
            List<TableColumn> built = columns.stream()
                    .map(c -> new TableColumn(
                            c.name,
                            c.type,
                            c.nullable && !keyColumns.contains(c.name),
                            c.defaultExpression,
                            c.identity,
                            null,
                            null,
                            null))
                    .toList();
            return new Table(
                    schema,
                    name,
                    built,
                    primaryKey == null ? null : new PrimaryKey(Objects.requireNonNull(primaryKeyName), primaryKey),
                    foreignKeys,
                    uniques,
                    List.of(),
                    List.of(),
                    indexes,
                    null);
        }
    }

    private static final class ColumnDraft {
        final String name;
        final String type;
        boolean nullable = true;
        boolean primaryKey;
        boolean unique;

        @Nullable
        ColumnIdentity identity;

        /** As the server stores it ({@link Defaults}). */
        @Nullable
        String defaultExpression;

        ColumnDraft(String name, String type) {
            this.name = name;
            this.type = type;
        }
    }

    /**
     * The defaults read, as {@code pg_get_expr} prints them once the server stored them: {@code true} or {@code
     * false} for a {@code boolean} column, a whole number of at most nine digits, without its leading zeros, for an
     * {@code integer} or {@code bigint} one. Any other default (a string, a sign, an expression, a cast, another
     * type, whose stored spelling depends on the type and the server) is not read.
     */
    private static final class Defaults {
        static String read(Tokens t, String type) {
            if ("boolean".equals(type)) {
                if (t.word("true")) {
                    return "true";
                }
                t.expect("false");
                return "false";
            }
            if (!"integer".equals(type) && !"bigint".equals(type)) {
                throw new Unread();
            }
            long value = t.number();
            if (value > 999_999_999) {
                throw new Unread(); // beyond integer a literal is of another type, which the server casts
            }
            return Long.toString(value);
        }
    }

    /** The built-in types a provider writes, as {@code format_type} spells them. */
    private static final class Types {
        /** The types an identity column may have. */
        static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint");

        private static final Map<String, String> PLAIN = Map.ofEntries(
                Map.entry("bigint", "bigint"),
                Map.entry("int8", "bigint"),
                Map.entry("integer", "integer"),
                Map.entry("int", "integer"),
                Map.entry("int4", "integer"),
                Map.entry("smallint", "smallint"),
                Map.entry("int2", "smallint"),
                Map.entry("boolean", "boolean"),
                Map.entry("bool", "boolean"),
                Map.entry("real", "real"),
                Map.entry("float4", "real"),
                Map.entry("float8", "double precision"),
                Map.entry("text", "text"),
                Map.entry("date", "date"),
                Map.entry("uuid", "uuid"),
                Map.entry("bytea", "bytea"),
                Map.entry("jsonb", "jsonb"),
                Map.entry("json", "json"),
                Map.entry("oid", "oid"),
                Map.entry("timestamptz", "timestamp with time zone"),
                Map.entry("timetz", "time with time zone"));

        private static final Map<String, String> SERIALS = Map.of(
                "smallserial", "smallint",
                "serial2", "smallint",
                "serial", "integer",
                "serial4", "integer",
                "bigserial", "bigint",
                "serial8", "bigint");

        /** The integer type of the {@code serial} type at {@code t}, taken; {@code null}, nothing taken, for another type. */
        static @Nullable String serial(Tokens t) {
            for (Map.Entry<String, String> serial : SERIALS.entrySet()) {
                if (t.word(serial.getKey())) {
                    return serial.getValue();
                }
            }
            return null;
        }

        /** Reads the type at {@code t}, or throws when it is not one read here. */
        static String read(Tokens t) {
            String word = t.word();
            String plain = PLAIN.get(word);
            if (plain != null) {
                return plain;
            }
            switch (word) {
                case "double" -> {
                    t.expect("precision");
                    return "double precision";
                }
                case "varchar" -> {
                    return varying(t);
                }
                case "char" -> {
                    return fixed(t);
                }
                case "character" -> { // as the catalog spells them, and a baseline writes them
                    return t.word("varying") ? varying(t) : fixed(t);
                }
                case "float" -> {
                    long precision = t.modifier();
                    if (precision < 1 || precision > 53) {
                        throw new Unread();
                    }
                    return precision <= 24 ? "real" : "double precision";
                }
                case "numeric", "decimal" -> {
                    if (!t.atSymbol("(")) {
                        return "numeric";
                    }
                    t.expectSymbol("(");
                    long precision = t.number();
                    long scale = t.symbol(",") ? t.number() : 0;
                    t.expectSymbol(")");
                    return "numeric(" + precision + "," + scale + ")";
                }
                case "timestamp", "time" -> {
                    String precision = t.atSymbol("(") ? "(" + t.modifier() + ")" : "";
                    String zone = " without time zone";
                    if (t.word("with")) {
                        t.expect("time");
                        t.expect("zone");
                        zone = " with time zone";
                    } else if (t.word("without")) {
                        t.expect("time");
                        t.expect("zone");
                    }
                    return word + precision + zone;
                }
                default -> throw new Unread();
            }
        }

        private static String varying(Tokens t) {
            return t.atSymbol("(") ? "character varying(" + t.modifier() + ")" : "character varying";
        }

        private static String fixed(Tokens t) {
            return "character(" + (t.atSymbol("(") ? t.modifier() : 1) + ")";
        }
    }

    /** The tokens of one statement, read front to back. */
    private static final class Tokens {
        private final List<SqlToken> tokens;
        private int at;

        Tokens(List<SqlToken> tokens) {
            this.tokens = tokens;
        }

        private @Nullable SqlToken peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        /** Takes the key word {@code word} if it comes next. */
        boolean word(String word) {
            SqlToken next = peek();
            if (next != null && next.isWord(word)) {
                at++;
                return true;
            }
            return false;
        }

        /** Takes the next token, an unquoted word, and gives it folded. */
        String word() {
            SqlToken next = peek();
            if (next == null || next.kind() != SqlToken.Kind.WORD) {
                throw new Unread();
            }
            at++;
            return named(next);
        }

        /** The name of an identifier or key word token (a word always has one). */
        private static String named(SqlToken token) {
            String name = token.name();
            if (name == null) {
                throw new Unread();
            }
            return name;
        }

        void expect(String word) {
            if (!word(word)) {
                throw new Unread();
            }
        }

        boolean atSymbol(String symbol) {
            SqlToken next = peek();
            return next != null && next.is(symbol);
        }

        boolean symbol(String symbol) {
            if (atSymbol(symbol)) {
                at++;
                return true;
            }
            return false;
        }

        void expectSymbol(String symbol) {
            if (!symbol(symbol)) {
                throw new Unread();
            }
        }

        /**
         * An unqualified name, whole: a plain lower-case one or a quoted one (whose name the lexer
         * would have cut to 63 bytes, and which {@link #claim} refuses when it is that long).
         */
        String name() {
            SqlToken next = peek();
            if (next == null || !next.isIdentifier() || !Names.fits(next.text().replace("\"", ""))) {
                throw new Unread();
            }
            String name = named(next);
            if (next.kind() == SqlToken.Kind.WORD && !Identifiers.quote(name).equals(name)) {
                throw new Unread(); // a key word: the server may refuse it, or read it as one
            }
            at++;
            if (atSymbol(".")) {
                throw new Unread(); // schema-qualified
            }
            return name;
        }

        long number() {
            SqlToken next = peek();
            if (next == null || next.kind() != SqlToken.Kind.NUMBER || !digits(next.text())) {
                throw new Unread();
            }
            at++;
            return Long.parseLong(next.text());
        }

        /** Whether {@code text} is 1 to 18 decimal digits: a {@code long}, whatever they are. */
        private static boolean digits(String text) {
            if (text.isEmpty() || text.length() > 18) {
                return false;
            }
            for (int k = 0; k < text.length(); k++) {
                if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                    return false;
                }
            }
            return true;
        }

        /** {@code (n)}. */
        long modifier() {
            expectSymbol("(");
            long n = number();
            expectSymbol(")");
            return n;
        }

        /** {@code (a, b)}: plain column names, no order, no expression. */
        List<String> columns() {
            expectSymbol("(");
            List<String> columns = new ArrayList<>();
            do {
                columns.add(name());
            } while (symbol(","));
            expectSymbol(")");
            return columns;
        }

        boolean atEnd() {
            return peek() == null;
        }

        void end() {
            if (peek() != null) {
                throw new Unread();
            }
        }
    }
}
