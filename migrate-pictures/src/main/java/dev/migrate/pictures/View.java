package dev.migrate.pictures;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.op.ObjectKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A view or materialized view as the schema picture draws it: its name, its columns with their types,
 * and the tables and views it reads ({@code pg_depend}, as {@link SchemaObject} holds it).
 *
 * @param name the view's name, as the catalog stores it (unquoted)
 * @param materialized whether it is a materialized view
 * @param columns its columns, in order
 * @param reads the tables and views it reads, in name order
 */
record View(ObjectName name, boolean materialized, List<Column> columns, Set<ObjectName> reads) {
    View {
        columns = List.copyOf(columns);
        reads = Collections.unmodifiableSet(new TreeSet<>(reads));
    }

    /** A column of the view: its name and type, as {@code format_type} spells it. */
    record Column(String name, String type) {}

    /** The views and materialized views of {@code schema}, by name. */
    static Map<ObjectName, View> all(DatabaseSchema schema) {
        Map<ObjectName, View> views = new TreeMap<>();
        for (SchemaObject object : schema.objects().values()) {
            ObjectKind kind = object.id().kind();
            if (kind != ObjectKind.VIEW && kind != ObjectKind.MATERIALIZED_VIEW) {
                continue;
            }
            Set<ObjectName> reads = new TreeSet<>(object.tables());
            for (ObjectId other : object.dependsOn()) {
                if (other.kind() == ObjectKind.VIEW || other.kind() == ObjectKind.MATERIALIZED_VIEW) {
                    reads.add(name(other.identity()));
                }
            }
            ObjectName name = name(object.id().identity());
            views.put(name, new View(name, kind == ObjectKind.MATERIALIZED_VIEW, columns(object.shape()), reads));
        }
        return views;
    }

    /** {@code view} or {@code materialized view}. */
    String kind() {
        return materialized ? "materialized view" : "view";
    }

    /** The names of its columns, in order. */
    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** {@code public."Order Totals"} as the name it stands for: schema {@code public}, name {@code Order Totals}. */
    static ObjectName name(String identity) {
        List<String> parts = split(identity, ".");
        return parts.size() < 2
                ? ObjectName.of("public", unquote(identity))
                : ObjectName.of(unquote(parts.get(0)), unquote(parts.get(1)));
    }

    /** {@code id bigint, "Total" numeric(12,2)}, as the catalog reader writes a view's shape, as columns. */
    static List<Column> columns(String shape) {
        List<Column> columns = new ArrayList<>();
        if (shape.isBlank()) {
            return columns;
        }
        for (String column : split(shape, ", ")) {
            List<String> nameAndType = split(column, " ");
            String name = nameAndType.get(0);
            columns.add(
                    new Column(unquote(name), column.substring(name.length()).trim()));
        }
        return columns;
    }

    /** {@code text} cut at each {@code separator} outside double quotes and parentheses. */
    private static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && text.startsWith(separator, i)) {
                parts.add(text.substring(start, i));
                start = i + separator.length();
                i = start - 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String unquote(String identifier) {
        return identifier.length() > 1 && identifier.startsWith("\"") && identifier.endsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier;
    }
}
