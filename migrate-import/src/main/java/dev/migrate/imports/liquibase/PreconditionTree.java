package dev.migrate.imports.liquibase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import liquibase.database.Database;
import liquibase.precondition.Precondition;
import liquibase.precondition.core.AndPrecondition;
import liquibase.precondition.core.ChangeSetExecutedPrecondition;
import liquibase.precondition.core.NotPrecondition;
import liquibase.precondition.core.OrPrecondition;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Schema;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import liquibase.structure.core.View;
import org.jspecify.annotations.Nullable;

/**
 * A changeset's preconditions as plain maps the import turns into a revision's guard: each leaf a map of its
 * {@code kind} and the names it looks at, as Liquibase corrects them for PostgreSQL (unquoted names fold to
 * lower case); {@code and}, {@code or}, {@code not} with their {@code of}. What is known before any database
 * ({@code dbms} and the like) is folded in as {@code true} or {@code false}; a kind no guard can check is
 * {@code unsupported}, with its text. A {@code changeSetExecuted} the changelog cannot decide (its changeset is in
 * another changelog) is a leaf of its {@code changeLogFile}, {@code id} and {@code author}. Runs in the tool's loader only.
 */
final class PreconditionTree {
    /** How Liquibase splits an indexExists's columnNames. */
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    private final Database database;
    /** What a precondition decided before any database comes to, or null when only a database decides it. */
    private final Function<Precondition, @Nullable Boolean> decided;

    private final Function<Precondition, String> text;

    /** The changelog file a {@code changeSetExecuted} names, its {@code changeLogFile} or the one it is in. */
    private final Function<ChangeSetExecutedPrecondition, String> executedFile;

    PreconditionTree(
            Database database,
            Function<Precondition, @Nullable Boolean> decided,
            Function<Precondition, String> text,
            Function<ChangeSetExecutedPrecondition, String> executedFile) {
        this.database = database;
        this.decided = decided;
        this.text = text;
        this.executedFile = executedFile;
    }

    /** The preconditions of one block, which all must hold: a Boolean when known already, else a map. */
    Object all(List<Precondition> preconditions) {
        return combine("and", preconditions.stream().map(this::of).toList());
    }

    private Object of(Precondition p) {
        if (p instanceof AndPrecondition and) {
            return all(and.getNestedPreconditions());
        }
        if (p instanceof OrPrecondition or) {
            return combine(
                    "or", or.getNestedPreconditions().stream().map(this::of).toList());
        }
        if (p instanceof NotPrecondition not) {
            // Liquibase's not(a, b) fails as soon as one of them holds: and(not a, not b)
            List<Object> each = new ArrayList<>();
            for (Precondition nested : not.getNestedPreconditions()) {
                Object one = of(nested);
                each.add(one instanceof Boolean b ? !b : Map.of("kind", "not", "of", List.of(one)));
            }
            return combine("and", each);
        }
        Boolean known = decided.apply(p);
        if (known != null) {
            return known;
        }
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("kind", p.getName());
        switch (p.getName()) {
            case "tableExists", "tableIsEmpty" -> name(leaf, p, "tableName", Table.class);
            case "columnExists" -> {
                name(leaf, p, "tableName", Table.class);
                name(leaf, p, "columnName", Column.class);
            }
            case "viewExists" -> name(leaf, p, "viewName", View.class);
            case "sequenceExists" -> name(leaf, p, "sequenceName", Sequence.class);
            case "indexExists" -> {
                name(leaf, p, "tableName", Table.class);
                name(leaf, p, "indexName", Index.class);
                Object columns = field(p, "columnNames");
                List<String> corrected = new ArrayList<>();
                if (columns != null && !columns.toString().isBlank()) {
                    COMMA.splitAsStream(columns.toString().trim())
                            .forEach(column -> corrected.add(database.correctObjectName(column, Column.class)));
                }
                leaf.put("columnNames", corrected);
            }
            case "primaryKeyExists" -> {
                name(leaf, p, "tableName", Table.class);
                name(leaf, p, "primaryKeyName", PrimaryKey.class);
            }
            case "foreignKeyConstraintExists" -> {
                name(leaf, p, "foreignKeyTableName", Table.class);
                name(leaf, p, "foreignKeyName", ForeignKey.class);
            }
            case "sqlCheck" -> {
                leaf.put("sql", String.valueOf(field(p, "sql")));
                leaf.put("expectedResult", String.valueOf(field(p, "expectedResult")));
            }
            case "rowCount" -> {
                name(leaf, p, "tableName", Table.class);
                leaf.put("expectedRows", String.valueOf(field(p, "expectedRows")));
            }
            case "changeSetExecuted" -> {
                // one of another changelog, looked for in Liquibase's history table where the revision runs
                ChangeSetExecutedPrecondition executed = (ChangeSetExecutedPrecondition) p;
                leaf.put("changeLogFile", executedFile.apply(executed));
                leaf.put("id", String.valueOf(executed.getId()));
                leaf.put("author", String.valueOf(executed.getAuthor()));
                return leaf;
            }
            default -> {
                return Map.of("kind", "unsupported", "text", text.apply(p));
            }
        }
        name(leaf, p, "schemaName", Schema.class);
        return leaf;
    }

    /** {@code and} or {@code or} of parts, what is known already folded in. */
    private static Object combine(String logic, List<Object> parts) {
        boolean and = logic.equals("and");
        List<Object> open = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Boolean b) {
                if (b != and) {
                    return b; // a false part decides an and, a true one an or
                }
            } else {
                open.add(part);
            }
        }
        if (open.isEmpty()) {
            return and;
        }
        return open.size() == 1 ? open.get(0) : Map.of("kind", logic, "of", open);
    }

    private void name(Map<String, Object> leaf, Precondition p, String field, Class<? extends DatabaseObject> type) {
        Object value = field(p, field);
        if (value != null && !value.toString().isBlank()) {
            leaf.put(field, database.correctObjectName(value.toString(), type));
        }
    }

    private static @Nullable Object field(Precondition p, String field) {
        return p.getSerializableFields().contains(field) ? p.getSerializableFieldValue(field) : null;
    }
}
