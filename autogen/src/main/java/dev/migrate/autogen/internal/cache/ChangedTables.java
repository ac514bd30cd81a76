package dev.migrate.autogen.internal.cache;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.EnumType;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.Table;
import dev.migrate.internal.sql.SqlLexer;
import dev.migrate.internal.sql.SqlToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entity side of new entity DDL made from the last one built and the tables whose statements
 * changed: after one entity changes, the server builds that entity's table (and the tables its
 * foreign keys reference, without their own foreign keys) instead of all of them, and the other tables
 * are taken from the last build's model.
 *
 * <p>A table's model depends on its own statements ({@code create table}, {@code alter table},
 * {@code create index ... on}, {@code comment on}), on the sequences, enum types and the casts Hibernate
 * writes for them (all of which are built every time: they are few) and on the tables its foreign keys reference, which the changed
 * statements name. One more thing can tie tables together: a name the server chooses ({@code t_pkey},
 * {@code t_code_key}, {@code t_price_check}) takes a number when another object has it already, and
 * which one does depends on what else exists. So the merged model is used only when no name the server
 * chose clashes with another or carries such a number ({@link #merged}); otherwise, and for any
 * statement this does not know, the whole DDL is built as before.
 */
final class ChangedTables {
    private final String targetSchema;
    /** The tables whose statements changed, the ones no longer created among them. */
    private final Set<String> changed;
    /** The tables built: those changed that the new DDL still creates. */
    private final Set<String> rebuilt;

    private final List<String> statements;
    private final Set<String> namesInDdl;

    private ChangedTables(
            String targetSchema,
            Set<String> changed,
            Set<String> rebuilt,
            List<String> statements,
            Set<String> namesInDdl) {
        this.targetSchema = targetSchema;
        this.changed = changed;
        this.rebuilt = rebuilt;
        this.statements = statements;
        this.namesInDdl = namesInDdl;
    }

    /**
     * What building {@code after} takes when {@code before} was built last; empty when the whole DDL
     * should be built: a statement of a kind this does not know or in another schema than {@code
     * targetSchema}, or the same statements in another order.
     */
    static Optional<ChangedTables> between(List<String> before, List<String> after, String targetSchema) {
        Optional<List<Statement>> old = Statement.all(before, targetSchema);
        Optional<List<Statement>> now = Statement.all(after, targetSchema);
        if (old.isEmpty() || now.isEmpty()) {
            return Optional.empty();
        }
        List<Statement> differing = symmetricDifference(old.get(), now.get());
        if (differing.isEmpty()) {
            return Optional.empty(); // the same statements in another order: the server may name things otherwise
        }
        Set<String> changed = new LinkedHashSet<>();
        for (Statement s : differing) {
            if (s.table() != null) {
                changed.add(s.table());
            }
        }
        Map<String, Statement> creates = new HashMap<>();
        now.get().stream().filter(Statement::createsTable).forEach(s -> creates.put(s.table(), s));
        Set<String> rebuilt = new LinkedHashSet<>(changed);
        rebuilt.retainAll(creates.keySet());
        Set<String> built = referencedClosure(rebuilt, now.get(), creates);
        List<String> statements = new ArrayList<>();
        Set<String> namesInDdl = new HashSet<>();
        for (Statement s : now.get()) {
            namesInDdl.addAll(s.names());
            boolean keep = s.table() == null
                    || rebuilt.contains(s.table())
                    || (built.contains(s.table()) && built.containsAll(s.references()));
            if (keep) {
                statements.add(s.sql());
            }
        }
        return Optional.of(new ChangedTables(targetSchema, changed, rebuilt, statements, namesInDdl));
    }

    /** The statements to build, in the order of the new DDL. */
    List<String> statements() {
        return statements;
    }

    /** How many tables are built again. */
    int rebuiltTables() {
        return rebuilt.size();
    }

    /**
     * The model of the new DDL: {@code before}'s tables without the changed ones, the rebuilt ones
     * from {@code built} (what {@link #statements} built), and {@code built}'s sequences, enum types and casts;
     * empty when a name the server chose clashes, for the whole DDL to be built instead.
     */
    Optional<DatabaseSchema> merged(DatabaseSchema before, DatabaseSchema built) {
        Map<ObjectName, Table> tables = new LinkedHashMap<>(before.tables());
        for (String name : changed) {
            tables.remove(ObjectName.of(targetSchema, name));
        }
        for (String name : rebuilt) {
            Table table = built.table(targetSchema, name);
            if (table != null) {
                tables.put(table.qualifiedName(), table);
            }
        }
        DatabaseSchema merged = new DatabaseSchema(tables, built.sequences(), built.enumTypes(), built.objects());
        return namesClash(merged) ? Optional.empty() : Optional.of(merged);
    }

    /**
     * Whether a name the server chose (one the DDL does not spell) is used twice or ends in a number,
     * as the server makes a name it finds taken: then the tables that were not built might have
     * changed that name.
     */
    private boolean namesClash(DatabaseSchema schema) {
        Map<String, Integer> uses = new HashMap<>();
        for (Table table : schema.tables().values()) {
            for (String name : names(table)) {
                uses.merge(name, 1, Integer::sum);
            }
        }
        schema.sequences().values().stream().map(Sequence::name).forEach(n -> uses.merge(n, 1, Integer::sum));
        schema.enumTypes().values().stream().map(EnumType::name).forEach(n -> uses.merge(n, 1, Integer::sum));
        return uses.entrySet().stream()
                .filter(use -> !namesInDdl.contains(use.getKey()))
                .anyMatch(use -> use.getValue() > 1 || endsInDigit(use.getKey()));
    }

    /** The names a table takes in its schema: its own, its indexes' and its constraints'. */
    private static Set<String> names(Table table) {
        Set<String> names = new HashSet<>();
        names.add(table.name());
        if (table.primaryKey() != null) {
            names.add(table.primaryKey().name());
        }
        table.foreignKeys().forEach(k -> names.add(k.name()));
        table.uniqueConstraints().forEach(k -> names.add(k.name()));
        table.checkConstraints().forEach(k -> names.add(k.name()));
        table.exclusionConstraints().forEach(k -> names.add(k.name()));
        table.indexes().forEach(i -> names.add(i.name()));
        return names;
    }

    private static boolean endsInDigit(String name) {
        return !name.isEmpty() && Character.isDigit(name.charAt(name.length() - 1));
    }

    /** The statements of one list and not of the other, counting repeats. */
    private static List<Statement> symmetricDifference(List<Statement> before, List<Statement> after) {
        Map<String, Integer> counts = new HashMap<>();
        before.forEach(s -> counts.merge(s.sql(), 1, Integer::sum));
        after.forEach(s -> counts.merge(s.sql(), -1, Integer::sum));
        List<Statement> differing = new ArrayList<>();
        Map<String, Statement> bySql = new HashMap<>();
        before.forEach(s -> bySql.put(s.sql(), s));
        after.forEach(s -> bySql.put(s.sql(), s));
        counts.forEach((sql, count) -> {
            if (count != 0) {
                differing.add(bySql.get(sql));
            }
        });
        return differing;
    }

    /**
     * {@code rebuilt} and every table their statements reference, with what those tables' own {@code
     * create table} statements reference in turn (their {@code alter table} statements are left out).
     */
    private static Set<String> referencedClosure(
            Set<String> rebuilt, List<Statement> statements, Map<String, Statement> creates) {
        Set<String> built = new LinkedHashSet<>(rebuilt);
        List<String> pending = new ArrayList<>();
        for (Statement s : statements) {
            if (s.table() != null && rebuilt.contains(s.table())) {
                pending.addAll(s.references());
            }
        }
        while (!pending.isEmpty()) {
            String table = pending.remove(pending.size() - 1);
            if (built.add(table) && creates.containsKey(table)) {
                pending.addAll(creates.get(table).references());
            }
        }
        return built;
    }

    /**
     * One statement of entity DDL: the table it belongs to ({@code null} for a sequence, an enum type
     * or a cast), the tables it references, and every name it spells.
     */
    private record Statement(
            String sql, @Nullable String table, boolean createsTable, Set<String> references, Set<String> names) {

        static Optional<List<Statement>> all(List<String> ddl, String targetSchema) {
            List<Statement> statements = new ArrayList<>(ddl.size());
            for (String sql : ddl) {
                Optional<Statement> s = of(sql, targetSchema);
                if (s.isEmpty()) {
                    return Optional.empty();
                }
                statements.add(s.get());
            }
            return Optional.of(statements);
        }

        /** {@code (like other)} or {@code , like other}, not the operator {@code like} of a check. */
        private static boolean isTableLike(List<SqlToken> tokens, int i) {
            return tokens.get(i).isWord("like")
                    && i > 0
                    && (tokens.get(i - 1).is("(") || tokens.get(i - 1).is(","));
        }

        /** {@code partition of} or {@code partition by}. */
        private static boolean isPartition(List<SqlToken> tokens, int i) {
            return tokens.get(i).isWord("partition")
                    && i + 1 < tokens.size()
                    && (tokens.get(i + 1).isWord("of") || tokens.get(i + 1).isWord("by"));
        }

        /** The statement, or empty when it is not one whose table this can tell. */
        static Optional<Statement> of(String sql, String targetSchema) {
            List<SqlToken> tokens = SqlLexer.tokens(sql);
            Set<String> names = new HashSet<>();
            Set<String> references = new LinkedHashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                SqlToken t = tokens.get(i);
                if (t.isIdentifier()) {
                    names.add(t.name());
                }
                if (t.isWord("inherits") || isTableLike(tokens, i) || isPartition(tokens, i)) {
                    return Optional.empty(); // a table built from, or into, another's definition
                }
                if (t.isWord("references")) {
                    Optional<String> referenced = new Cursor(tokens, i + 1).tableName(targetSchema);
                    if (referenced.isEmpty()) {
                        return Optional.empty();
                    }
                    references.add(referenced.get());
                }
            }
            Cursor at = new Cursor(tokens, 0);
            if (at.words("create", "sequence") || at.words("create", "type") || at.words("create", "cast")) {
                return Optional.of(new Statement(sql, null, false, references, names));
            }
            Optional<String> table = Optional.empty();
            boolean creates = at.words("create", "table");
            if (creates) {
                at.words("if", "not", "exists");
                table = at.tableName(targetSchema);
            } else if (at.words("alter", "table")) {
                at.words("if", "exists");
                at.words("only");
                table = at.tableName(targetSchema);
            } else if (at.words("comment", "on", "table")) {
                table = at.tableName(targetSchema);
            } else if (at.words("comment", "on", "column")) {
                table = at.columnsTable(targetSchema);
            } else if (at.words("create") && (at.words("unique", "index") || at.words("index"))) {
                table = at.skipTo("on") ? at.tableNameAfterOnly(targetSchema) : Optional.empty();
            }
            return table.map(name -> new Statement(sql, name, creates, Set.copyOf(references), names));
        }
    }

    /** Reads names from tokens, moving past what it reads. */
    private static final class Cursor {
        private final List<SqlToken> tokens;
        private int at;

        Cursor(List<SqlToken> tokens, int at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** Moves past {@code words} when they come next, in any case. */
        boolean words(String... words) {
            for (int i = 0; i < words.length; i++) {
                if (at + i >= tokens.size() || !tokens.get(at + i).isWord(words[i])) {
                    return false;
                }
            }
            at += words.length;
            return true;
        }

        /** Moves past the next {@code word}, if any. */
        boolean skipTo(String word) {
            while (at < tokens.size()) {
                if (tokens.get(at++).isWord(word)) {
                    return true;
                }
            }
            return false;
        }

        Optional<String> tableNameAfterOnly(String targetSchema) {
            words("only");
            return tableName(targetSchema);
        }

        /** {@code name} or {@code schema.name} of the target schema; empty for another schema. */
        Optional<String> tableName(String targetSchema) {
            List<String> parts = dotted();
            if (parts.size() == 1) {
                return Optional.of(parts.get(0));
            }
            return parts.size() == 2 && parts.get(0).equals(targetSchema)
                    ? Optional.of(parts.get(1))
                    : Optional.empty();
        }

        /** The table of {@code table.column} or {@code schema.table.column}. */
        Optional<String> columnsTable(String targetSchema) {
            List<String> parts = dotted();
            if (parts.size() == 2) {
                return Optional.of(parts.get(0));
            }
            return parts.size() == 3 && parts.get(0).equals(targetSchema)
                    ? Optional.of(parts.get(1))
                    : Optional.empty();
        }

        private List<String> dotted() {
            List<String> parts = new ArrayList<>();
            while (at < tokens.size() && tokens.get(at).isIdentifier()) {
                parts.add(tokens.get(at++).name());
                if (at < tokens.size() && tokens.get(at).is(".")) {
                    at++;
                } else {
                    break;
                }
            }
            return parts;
        }
    }

    @Override
    public String toString() {
        return "rebuilding " + rebuilt + " of changed " + changed + " with " + statements.size() + " statements";
    }
}
