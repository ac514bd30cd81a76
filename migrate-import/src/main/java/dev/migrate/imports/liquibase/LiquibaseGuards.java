package dev.migrate.imports.liquibase;

import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A changeset's preconditions, as the bridge reads them ({@code PreconditionTree}), as the guard of the
 * imported revision: what the precondition asks, evaluated on the database the revision runs on. A kind no
 * guard checks (a custom precondition) is named instead, for the import to refuse. A {@code changeSetExecuted} the
 * import could not decide looks for the changeset's row in Liquibase's history table.
 *
 * @param guard the precondition, or {@code null} when one of its parts cannot be checked
 * @param unchecked the parts no guard checks, as the changelog writes them
 */
record LiquibaseGuards(Precondition guard, List<String> unchecked) {

    /**
     * Reads the bridge's tree; {@code null} when it holds none.
     *
     * @param history Liquibase's history table, as the project names it, where a {@code changeSetExecuted} looks
     */
    static @Nullable LiquibaseGuards fromBridge(@Nullable Object tree, QualifiedName history) {
        if (!(tree instanceof Map<?, ?>)) {
            return null;
        }
        List<String> unchecked = new ArrayList<>();
        Precondition guard = of((Map<?, ?>) tree, history, unchecked);
        return new LiquibaseGuards(guard, List.copyOf(unchecked));
    }

    private static Precondition of(Map<?, ?> node, QualifiedName history, List<String> unchecked) {
        String kind = String.valueOf(node.get("kind"));
        @Nullable String schema = text(node, "schemaName");
        switch (kind) {
            case "and", "or", "not" -> {
                List<Precondition> parts = new ArrayList<>();
                for (Object part : list(node, "of")) {
                    parts.add(of((Map<?, ?>) part, history, unchecked));
                }
                return kind.equals("and")
                        ? new Precondition.And(parts)
                        : kind.equals("or") ? new Precondition.Or(parts) : new Precondition.Not(parts.get(0));
            }
            case "tableExists" -> {
                return new Precondition.TableExists(name(schema, node, "tableName"));
            }
            case "tableIsEmpty" -> {
                return new Precondition.TableIsEmpty(name(schema, node, "tableName"));
            }
            case "columnExists" -> {
                return new Precondition.ColumnExists(
                        name(schema, node, "tableName"), String.valueOf(node.get("columnName")));
            }
            case "viewExists" -> {
                return new Precondition.ViewExists(name(schema, node, "viewName"));
            }
            case "sequenceExists" -> {
                return new Precondition.SequenceExists(name(schema, node, "sequenceName"));
            }
            case "indexExists" -> {
                List<String> columns = new ArrayList<>();
                for (Object column : list(node, "columnNames")) {
                    columns.add(String.valueOf(column));
                }
                return new Precondition.IndexExists(schema, text(node, "indexName"), text(node, "tableName"), columns);
            }
            case "primaryKeyExists" -> {
                return new Precondition.PrimaryKeyExists(schema, text(node, "tableName"), text(node, "primaryKeyName"));
            }
            case "foreignKeyConstraintExists" -> {
                return new Precondition.ForeignKeyExists(
                        schema, text(node, "foreignKeyTableName"), String.valueOf(node.get("foreignKeyName")));
            }
            case "sqlCheck" -> {
                return new Precondition.SqlCheck(
                        String.valueOf(node.get("sql")), String.valueOf(node.get("expectedResult")));
            }
            case "rowCount" -> {
                return new Precondition.RowCount(
                        name(schema, node, "tableName"), Long.parseLong(String.valueOf(node.get("expectedRows"))));
            }
            case "changeSetExecuted" -> {
                return new Precondition.LiquibaseChangeSetRan(
                        history,
                        String.valueOf(node.get("changeLogFile")),
                        String.valueOf(node.get("id")),
                        String.valueOf(node.get("author")));
            }
            default -> {
                unchecked.add(String.valueOf(node.get("text")));
                // a stand-in the import never writes: it refuses the changeset for what is unchecked
                return new Precondition.SqlCheck("SELECT false", "true");
            }
        }
    }

    private static QualifiedName name(@Nullable String schema, Map<?, ?> node, String field) {
        return new QualifiedName(schema, String.valueOf(node.get(field)));
    }

    private static List<?> list(Map<?, ?> node, String field) {
        return node.get(field) instanceof List<?> list ? list : List.of();
    }

    private static @Nullable String text(Map<?, ?> node, String field) {
        Object value = node.get(field);
        return value == null ? null : value.toString();
    }
}
