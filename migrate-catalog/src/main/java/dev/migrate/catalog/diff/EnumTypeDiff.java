package dev.migrate.catalog.diff;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.EnumType;
import dev.migrate.op.Op;
import java.util.List;

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
            if (!desired.enumTypes().containsKey(have.qualifiedName())) {
                context.script.afterTables(Change.of(
                        Description.removed("enum type " + have.qualifiedName()),
                        new Op.DropEnum(context.ops.name(have.schema(), have.name()), have.labels())));
            }
        }
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
                    new Op.AddEnumValue(context.ops.name(have.schema(), have.name()), labels.get(i), before, after),
                    "PostgreSQL cannot remove an enum label: the downgrade leaves '" + labels.get(i) + "' in place."));
        }
    }
}
