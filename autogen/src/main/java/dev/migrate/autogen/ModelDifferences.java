package dev.migrate.autogen;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Names every part in which two models differ, object by object, whether or not a migration could
 * express it: what {@code verify} says when the schema diff, which only reports what it would
 * migrate, finds nothing to name.
 */
final class ModelDifferences {
    private ModelDifferences() {}

    /** One line per differing part, as the database's state against the expected one. */
    static List<String> between(DatabaseSchema expected, DatabaseSchema actual) {
        List<String> lines = new ArrayList<>();
        objects("table", expected.tables(), actual.tables(), lines, ModelDifferences::tableParts);
        objects("sequence", expected.sequences(), actual.sequences(), lines, s -> Map.of("definition", s));
        objects("enum type", expected.enumTypes(), actual.enumTypes(), lines, e -> Map.of("labels", e.labels()));
        return lines;
    }

    private static <T> void objects(
            String kind,
            Map<ObjectName, T> expected,
            Map<ObjectName, T> actual,
            List<String> lines,
            Function<T, Map<String, Object>> parts) {
        for (ObjectName name : new TreeSet<>(union(expected.keySet(), actual.keySet()))) {
            T want = expected.get(name);
            T have = actual.get(name);
            if (want == null) {
                lines.add("extra " + kind + " " + name);
            } else if (have == null) {
                lines.add("missing " + kind + " " + name);
            } else if (!want.equals(have)) {
                Map<String, Object> wantParts = parts.apply(want);
                Map<String, Object> haveParts = parts.apply(have);
                for (String part : new TreeSet<>(union(wantParts.keySet(), haveParts.keySet()))) {
                    if (!Objects.equals(wantParts.get(part), haveParts.get(part))) {
                        lines.add(kind + " " + name + ", " + part + ": expected " + wantParts.get(part) + " but found "
                                + haveParts.get(part));
                    }
                }
            }
        }
    }

    /** A table's parts by name: each column on its own, then each kind of constraint, the indexes and the comment. */
    private static Map<String, Object> tableParts(Table t) {
        Map<String, Object> parts = new TreeMap<>();
        for (TableColumn column : t.columns()) {
            parts.put("column " + column.name(), column);
        }
        parts.put("column order", t.columns().stream().map(TableColumn::name).toList());
        parts.put("primary key", String.valueOf(t.primaryKey()));
        parts.put("foreign keys", t.foreignKeys());
        parts.put("unique constraints", t.uniqueConstraints());
        parts.put("check constraints", t.checkConstraints());
        parts.put("exclusion constraints", t.exclusionConstraints());
        parts.put("indexes", t.indexes());
        parts.put("comment", String.valueOf(t.comment()));
        parts.put("partitioning", String.valueOf(t.partitioning()));
        parts.put("unlogged", t.unlogged());
        parts.put("constraint comments", t.constraintComments());
        parts.put("index comments", t.indexComments());
        return parts;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
