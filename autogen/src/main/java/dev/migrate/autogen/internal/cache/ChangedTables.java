package dev.migrate.autogen.internal.cache;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.TokenCursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The entity side of new entity DDL made from the last one built and the tables whose statements
 * changed: after one entity changes, the server builds that entity's table (and the tables its
 * foreign keys reference, without their own foreign keys) instead of all of them, and the other tables
 * are taken from the last build's model.
 *
 * <p>A table's model depends on its own statements ({@code create table}, {@code alter table},
 * {@code create index ... on}, {@code comment on}), on the sequences, enum types and the casts Hibernate
 * writes for them (all of which are built every time: they are few) and on the tables its foreign keys
 * reference, which the changed statements name. One more thing can tie tables together: a name the server
 * chooses ({@code t_pkey}, {@code t_code_key}, {@code t_price_check}) takes a number when another object
 * has it already, and which one does depends on what else exists. So the merged model is used only when
 * its names show no such clash ({@link #merged}); otherwise, and for any statement this does not know, the
 * whole DDL is built as before.
 */
final class ChangedTables {
    /** The placement of a statement that belongs to no table: a sequence, an enum type, a cast. */
    static final String NO_TABLE = "";

    private final String targetSchema;
    /** The tables whose statements changed, the ones no longer created among them. */
    private final Set<String> changed;
    /** The tables built: those changed that the new DDL still creates. */
    private final Set<String> rebuilt;

    private final List<String> statements;
    private final List<String> after;
    private final List<String> placements;

    private ChangedTables(
            String targetSchema,
            Set<String> changed,
            Set<String> rebuilt,
            List<String> statements,
            List<String> after,
            List<String> placements) {
        this.targetSchema = targetSchema;
        this.changed = changed;
        this.rebuilt = rebuilt;
        this.statements = statements;
        this.after = after;
        this.placements = placements;
    }

    /**
     * The table each statement of {@code ddl} belongs to ({@link #NO_TABLE} for a sequence, an enum type or a
     * cast), kept with the last build so that the next comparison reads only the statements that changed;
     * empty when a statement is not one this can place.
     */
    static Optional<List<String>> placements(List<String> ddl, String targetSchema) {
        return place(ddl, new HashMap<>(), sql -> Statement.of(sql, targetSchema));
    }

    /**
     * The table of each statement of {@code ddl}: from {@code known} (by the statement's text), else read by
     * {@code parse} and added to {@code known}; empty when one cannot be placed.
     */
    private static Optional<List<String>> place(
            List<String> ddl, Map<String, String> known, Function<String, Optional<Statement>> parse) {
        List<String> placements = new ArrayList<>(ddl.size());
        for (String sql : ddl) {
            String placement = known.get(sql);
            if (placement == null) {
                Optional<Statement> s = parse.apply(sql);
                if (s.isEmpty()) {
                    return Optional.empty();
                }
                placement = s.get().placement();
                known.put(sql, placement);
            }
            placements.add(placement);
        }
        return Optional.of(placements);
    }

    /**
     * What building {@code after} takes when {@code before}, whose statements {@code placed} places
     * ({@link #placements}), was built last; empty when the whole DDL should be built: a statement of a kind
     * this does not know or in another schema than {@code targetSchema}, or the same statements in another order.
     * Only the statements that changed and those of the tables built are read.
     */
    static Optional<ChangedTables> between(
            List<String> before, List<String> placed, List<String> after, String targetSchema) {
        Map<String, String> placements = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            placements.put(before.get(i), placed.get(i));
        }
        Map<String, Optional<Statement>> read = new HashMap<>();
        Function<String, Optional<Statement>> parse =
                sql -> read.computeIfAbsent(sql, text -> Statement.of(text, targetSchema));
        List<String> differing = symmetricDifference(before, after);
        if (differing.isEmpty()) {
            return Optional.empty(); // the same statements in another order: the server may name things otherwise
        }
        // every statement of both is placed from here on: the last build's from what it kept, the new ones read
        Optional<List<String>> placedAfter = place(after, placements, parse);
        if (placedAfter.isEmpty()) {
            return Optional.empty();
        }
        List<String> afterPlacements = placedAfter.get();
        Map<String, List<Statement>> byTable = new HashMap<>();
        Function<String, List<Statement>> statementsOf = table -> byTable.computeIfAbsent(table, t -> {
            List<Statement> of = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                if (afterPlacements.get(i).equals(t)) {
                    of.add(parse.apply(after.get(i)).orElseThrow()); // placed, so it parses
                }
            }
            return of;
        });
        Set<String> changed = new LinkedHashSet<>();
        for (String sql : differing) {
            String placement = Objects.requireNonNull(placements.get(sql)); // both lists placed above
            if (!placement.equals(NO_TABLE)) {
                changed.add(placement);
            }
        }
        Set<String> rebuilt = new LinkedHashSet<>();
        for (String table : changed) {
            if (statementsOf.apply(table).stream().anyMatch(Statement::createsTable)) {
                rebuilt.add(table);
            }
        }
        Set<String> built = referencedClosure(rebuilt, statementsOf);
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            String placement = afterPlacements.get(i);
            boolean keep = placement.equals(NO_TABLE)
                    || rebuilt.contains(placement)
                    || (built.contains(placement)
                            && built.containsAll(
                                    parse.apply(after.get(i)).orElseThrow().references()));
            if (keep) {
                statements.add(after.get(i));
            }
        }
        return Optional.of(new ChangedTables(targetSchema, changed, rebuilt, statements, after, afterPlacements));
    }

    /** The table each statement of the new DDL belongs to, as {@link #placements} gives it. */
    List<String> placements() {
        return placements;
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
     * Whether the names in {@code schema} show that building the tables apart may have named something
     * otherwise than building them together: a name two tables' relations (the tables, their indexes, the
     * indexes of their keys) share, which no build can make; or a name the server chose (one the DDL does not
     * spell) that two constraints share or that ends in a number, as the server makes a name it finds taken.
     */
    private boolean namesClash(DatabaseSchema schema) {
        Map<String, Integer> relations = new HashMap<>();
        Map<String, Integer> constraints = new HashMap<>();
        for (Table table : schema.tables().values()) {
            relationNames(table).forEach(n -> relations.merge(n, 1, Integer::sum));
            constraintNames(table).forEach(n -> constraints.merge(n, 1, Integer::sum));
        }
        schema.sequences().values().forEach(q -> relations.merge(q.name(), 1, Integer::sum));
        schema.enumTypes().values().forEach(t -> relations.merge(t.name(), 1, Integer::sum));
        if (relations.values().stream().anyMatch(uses -> uses > 1)) {
            return true;
        }
        Set<String> suspect = new HashSet<>();
        constraints.forEach((name, uses) -> {
            if (uses > 1 || endsInDigit(name)) {
                suspect.add(name);
            }
        });
        relations.keySet().stream()
                .filter(ChangedTables::endsInDigit)
                .filter(name -> !schema.tables().containsKey(ObjectName.of(targetSchema, name))) // spelled
                .forEach(suspect::add);
        if (suspect.isEmpty()) {
            return false;
        }
        Set<String> spelled = new HashSet<>();
        for (String sql : after) {
            SqlLexer.tokens(sql).stream().filter(SqlToken::isIdentifier).forEach(t -> spelled.add(t.name()));
        }
        return !spelled.containsAll(suspect);
    }

    /** The names a table's relations take in its schema: its own, its indexes', its keys' indexes'. */
    private static Set<String> relationNames(Table table) {
        Set<String> names = new HashSet<>();
        names.add(table.name());
        if (table.primaryKey() != null) {
            names.add(table.primaryKey().name());
        }
        table.uniqueConstraints().forEach(k -> names.add(k.name()));
        table.exclusionConstraints().forEach(k -> names.add(k.name()));
        table.indexes().forEach(i -> names.add(i.name()));
        return names;
    }

    /** The names of a table's constraints. */
    private static Set<String> constraintNames(Table table) {
        Set<String> names = new HashSet<>();
        if (table.primaryKey() != null) {
            names.add(table.primaryKey().name());
        }
        table.foreignKeys().forEach(k -> names.add(k.name()));
        table.uniqueConstraints().forEach(k -> names.add(k.name()));
        table.checkConstraints().forEach(k -> names.add(k.name()));
        table.exclusionConstraints().forEach(k -> names.add(k.name()));
        return names;
    }

    private static boolean endsInDigit(String name) {
        return !name.isEmpty() && Character.isDigit(name.charAt(name.length() - 1));
    }

    /** The statements of one list and not of the other, counting repeats. */
    private static List<String> symmetricDifference(List<String> before, List<String> after) {
        Map<String, Integer> counts = new HashMap<>();
        before.forEach(sql -> counts.merge(sql, 1, Integer::sum));
        after.forEach(sql -> counts.merge(sql, -1, Integer::sum));
        List<String> differing = new ArrayList<>();
        counts.forEach((sql, count) -> {
            if (count != 0) {
                differing.add(sql);
            }
        });
        return differing;
    }

    /**
     * {@code rebuilt} and every table their statements reference, with what those tables' own {@code
     * create table} statements reference in turn (their {@code alter table} statements are left out).
     */
    private static Set<String> referencedClosure(Set<String> rebuilt, Function<String, List<Statement>> statementsOf) {
        Set<String> built = new LinkedHashSet<>(rebuilt);
        List<String> pending = new ArrayList<>();
        for (String table : rebuilt) {
            statementsOf.apply(table).forEach(s -> pending.addAll(s.references()));
        }
        while (!pending.isEmpty()) {
            String table = pending.remove(pending.size() - 1);
            if (built.add(table)) {
                statementsOf.apply(table).stream()
                        .filter(Statement::createsTable)
                        .forEach(s -> pending.addAll(s.references()));
            }
        }
        return built;
    }

    /**
     * One statement of entity DDL: the table it belongs to ({@code null} for a sequence, an enum type
     * or a cast) and the tables it references.
     */
    private record Statement(@Nullable String table, boolean createsTable, Set<String> references) {

        /** The table, or {@link #NO_TABLE}. */
        String placement() {
            return table == null ? NO_TABLE : table;
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
            Set<String> references = new LinkedHashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                SqlToken t = tokens.get(i);
                if (t.isWord("inherits") || isTableLike(tokens, i) || isPartition(tokens, i)) {
                    return Optional.empty(); // a table built from, or into, another's definition
                }
                if (t.isWord("references")) {
                    Optional<String> referenced = tableName(new TokenCursor(tokens, i + 1), targetSchema);
                    if (referenced.isEmpty()) {
                        return Optional.empty();
                    }
                    references.add(referenced.get());
                }
            }
            TokenCursor at = new TokenCursor(tokens);
            if (at.words("create", "sequence") || at.words("create", "type") || at.words("create", "cast")) {
                return Optional.of(new Statement(null, false, Set.copyOf(references)));
            }
            Optional<String> table = Optional.empty();
            boolean creates = at.words("create", "table");
            if (creates) {
                at.words("if", "not", "exists");
                table = tableName(at, targetSchema);
            } else if (at.words("alter", "table")) {
                at.words("if", "exists");
                at.words("only");
                table = tableName(at, targetSchema);
            } else if (at.words("comment", "on", "table")) {
                table = tableName(at, targetSchema);
            } else if (at.words("comment", "on", "column")) {
                table = columnsTableName(at, targetSchema);
            } else if (at.words("create") && (at.words("unique", "index") || at.words("index"))) {
                if (at.skipTo("on")) {
                    at.words("only");
                    table = tableName(at, targetSchema);
                }
            }
            return table.map(name -> new Statement(name, creates, Set.copyOf(references)));
        }
    }

    /** {@code name} or {@code schema.name} of the target schema, moved past; empty for another schema. */
    private static Optional<String> tableName(TokenCursor at, String targetSchema) {
        List<String> parts = at.dottedName();
        if (parts.size() == 1) {
            return Optional.of(parts.get(0));
        }
        return parts.size() == 2 && parts.get(0).equals(targetSchema) ? Optional.of(parts.get(1)) : Optional.empty();
    }

    /** The table of {@code table.column} or {@code schema.table.column}, moved past. */
    private static Optional<String> columnsTableName(TokenCursor at, String targetSchema) {
        List<String> parts = at.dottedName();
        if (parts.size() == 2) {
            return Optional.of(parts.get(0));
        }
        return parts.size() == 3 && parts.get(0).equals(targetSchema) ? Optional.of(parts.get(1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "rebuilding " + rebuilt + " of changed " + changed + " with " + statements.size() + " statements";
    }
}
