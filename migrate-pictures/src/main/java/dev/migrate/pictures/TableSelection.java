package dev.migrate.pictures;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.read.Exclusions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which tables a schema picture draws: every one, or those whose names match the patterns
 * ({@code orders*,customers}; globs as {@code exclude} spells them, with a dot matched against
 * {@code schema.name}) together with the tables one foreign key away, drawn faded. Views and
 * materialized views go with them ({@link #views}): every one, or those the patterns name, with
 * what they read, and those that read a chosen table or view, drawn faded.
 */
public record TableSelection(List<String> patterns) {
    public TableSelection {
        patterns = patterns.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /** Every table. */
    public static TableSelection all() {
        return new TableSelection(List.of());
    }

    /**
     * The tables to draw, in name order, each with whether it is drawn faded (a neighbour of a
     * chosen table, or a table a chosen view reads, rather than a chosen one).
     *
     * @throws MigrateException when patterns are given and no table or view matches them
     */
    public Map<ObjectName, Boolean> apply(DatabaseSchema schema) {
        Map<ObjectName, Boolean> drawn = new TreeMap<>();
        if (patterns.isEmpty()) {
            schema.tables().keySet().forEach(name -> drawn.put(name, false));
            return drawn;
        }
        Exclusions matching = Exclusions.of(patterns); // the same glob rules as exclude
        schema.tables().keySet().stream()
                .filter(name -> matches(matching, name))
                .forEach(name -> drawn.put(name, false));
        Map<ObjectName, View> views = View.all(schema);
        boolean viewChosen = views.keySet().stream().anyMatch(name -> matches(matching, name));
        if (drawn.isEmpty() && !viewChosen) {
            throw new MigrateException("No table matches the tables " + patterns + " among the "
                    + schema.tables().size() + " tables of the schema ("
                    + String.join(
                            ", ",
                            schema.tables().keySet().stream()
                                    .limit(10)
                                    .map(ObjectName::toString)
                                    .toList())
                    + (schema.tables().size() > 10 ? ", ..." : "")
                    + "). Name tables that exist, such as -Dmigrate.tables=orders*,customers.");
        }
        for (Table table : schema.tables().values()) {
            for (ForeignKey key : table.foreignKeys()) {
                ObjectName parent = key.referencedTableName();
                if (Boolean.FALSE.equals(drawn.get(table.qualifiedName()))
                        && schema.tables().containsKey(parent)) {
                    drawn.putIfAbsent(parent, true);
                }
                if (Boolean.FALSE.equals(drawn.get(parent))) {
                    drawn.putIfAbsent(table.qualifiedName(), true);
                }
            }
        }
        // the tables a chosen view reads
        views.values().stream()
                .filter(v -> matches(matching, v.name()))
                .flatMap(v -> v.reads().stream())
                .filter(schema.tables()::containsKey)
                .forEach(name -> drawn.putIfAbsent(name, true));
        return drawn;
    }

    /**
     * The views and materialized views to draw, in name order, each with whether it is drawn faded:
     * with no pattern, every one; else those the patterns name, the views they read, and the views
     * that read a chosen table or view, faded.
     */
    public Map<ObjectName, Boolean> views(DatabaseSchema schema) {
        Map<ObjectName, View> views = View.all(schema);
        Map<ObjectName, Boolean> drawn = new TreeMap<>();
        if (patterns.isEmpty()) {
            views.keySet().forEach(name -> drawn.put(name, false));
            return drawn;
        }
        Exclusions matching = Exclusions.of(patterns);
        views.keySet().stream().filter(name -> matches(matching, name)).forEach(name -> drawn.put(name, false));
        for (View view : views.values()) {
            boolean chosen = Boolean.FALSE.equals(drawn.get(view.name()));
            for (ObjectName read : view.reads()) {
                if (chosen && views.containsKey(read)) {
                    drawn.putIfAbsent(read, true);
                }
                if (matches(matching, read) && (schema.tables().containsKey(read) || views.containsKey(read))) {
                    drawn.putIfAbsent(view.name(), true);
                }
            }
        }
        return drawn;
    }

    private static boolean matches(Exclusions matching, ObjectName name) {
        return matching.excludes(name.schema(), name.name());
    }
}
