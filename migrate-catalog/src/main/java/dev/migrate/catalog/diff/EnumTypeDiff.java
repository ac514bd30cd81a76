package dev.migrate.catalog.diff;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.EnumType;
import dev.migrate.op.EnumOp;
import dev.migrate.sql.Identifiers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Enum types added, removed, or given labels. */
final class EnumTypeDiff {
    private final DiffContext context;

    EnumTypeDiff(DiffContext context) {
        this.context = context;
    }

    void compare(DatabaseSchema live, DatabaseSchema desired) {
        for (EnumType want : desired.enumTypes().values()) {
            EnumType have = live.enumTypes().get(want.qualifiedName());
            if (have == null) {
                context.script.beforeTables(Change.of(
                        Description.added(
                                "enum type " + want.qualifiedName(),
                                want.labels().toString()),
                        context.ops.createEnum(want)));
            } else if (!have.labels().equals(want.labels())) {
                labels(have, want);
            }
        }
        for (EnumType have : live.enumTypes().values()) {
            // a type still in use after the migration stays: PostgreSQL refuses to drop it (2BP01), and
            // the columns that use it are wanted (an entity's columnDefinition) or not the diff's (excluded)
            if (!desired.enumTypes().containsKey(have.qualifiedName())
                    && have.usedOutside().isEmpty()
                    && !usedBy(desired, have)) {
                context.script.afterTables(Change.of(
                        Description.removed("enum type " + have.qualifiedName()),
                        new EnumOp.DropEnum(context.ops.name(have.schema(), have.name()), have.labels())));
            }
        }
    }

    /**
     * Whether a column of {@code desired} has the type {@code e} or an array of it (a domain over it is
     * among {@link EnumType#usedOutside}), spelled as the catalog spells a type: unqualified
     * when its schema is on the search path the reading had, qualified otherwise. Either spelling counts:
     * at worst a type of the same name in another schema keeps this one, which costs a type left in place.
     */
    private boolean usedBy(DatabaseSchema desired, EnumType e) {
        Set<String> spellings = spellings(e.schema(), e.name());
        return desired.tables().values().stream()
                .flatMap(t -> t.columns().stream())
                .map(c -> elementType(c.type()))
                .anyMatch(spellings::contains);
    }

    private static Set<String> spellings(String schema, String name) {
        Set<String> spellings = new HashSet<>();
        String quoted = Identifiers.quote(name);
        spellings.add(quoted);
        spellings.add(Identifiers.quote(schema) + "." + quoted);
        return spellings;
    }

    /** {@code mood[]} or {@code mood[][]} to {@code mood}. */
    private static String elementType(String type) {
        String element = type.strip();
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
        }
        return element;
    }

    private void labels(EnumType have, EnumType want) {
        List<String> kept =
                want.labels().stream().filter(have.labels()::contains).toList();
        if (!kept.equals(have.labels())) {
            context.script.notMigrated(new Change(
                    Description.notMigrated(
                            "enum type " + have.qualifiedName(),
                            "labels changed from " + have.labels() + " to " + want.labels()),
                    List.of(),
                    List.of("PostgreSQL cannot "
                            + "remove or reorder enum labels in place: write this change by hand (create a new type, convert the "
                            + "columns, drop the old type).")));
            return;
        }
        List<String> labels = want.labels();
        for (int i = 0; i < labels.size(); i++) {
            if (have.labels().contains(labels.get(i))) {
                continue;
            }
            String after = i > 0 ? labels.get(i - 1) : null;
            String before = after == null ? labels.get(i + 1) : null;
            context.script.beforeTables(Change.of(
                    Description.added("label '" + labels.get(i) + "' to enum type " + have.qualifiedName()),
                    new EnumOp.AddEnumValue(context.ops.name(have.schema(), have.name()), labels.get(i), before, after),
                    "PostgreSQL cannot remove an enum label: the downgrade leaves '" + labels.get(i) + "' in place."));
        }
    }
}
