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
 * {@code schema.name}) together with the tables one foreign key away, drawn faded.
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
     * chosen table rather than a chosen one).
     *
     * @throws MigrateException when patterns are given and no table matches them
     */
    public Map<ObjectName, Boolean> apply(DatabaseSchema schema) {
        Map<ObjectName, Boolean> drawn = new TreeMap<>();
        if (patterns.isEmpty()) {
            schema.tables().keySet().forEach(name -> drawn.put(name, false));
            return drawn;
        }
        Exclusions matching = Exclusions.of(patterns); // the same glob rules as exclude
        schema.tables().keySet().stream()
                .filter(name -> matching.excludes(name.schema(), name.name()))
                .forEach(name -> drawn.put(name, false));
        if (drawn.isEmpty()) {
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
        return drawn;
    }
}
