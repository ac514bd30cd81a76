package dev.migrate.autogen.diff;

import dev.migrate.autogen.schema.DatabaseSchema;
import dev.migrate.autogen.schema.ForeignKey;
import dev.migrate.autogen.schema.ObjectName;
import dev.migrate.autogen.schema.Table;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compares the live schema with the schema the entities describe, both read by the same catalog
 * reader, and gives the migration script that makes the live one match.
 *
 * <p>Each kind of object has its comparer ({@link EnumTypeDiff}, {@link SequenceDiff},
 * {@link TableDiff} with {@link ColumnDiff}, {@link ConstraintDiff} and {@link IndexDiff}); they
 * share a {@link DiffContext} and put their changes where they belong in the script, which orders
 * them.
 *
 * <p>Constraints and indexes are matched by what they do, not by name, so a primary key or unique
 * constraint named differently by hand is no difference; one that keeps its name but not its shape
 * is one change naming what differs. What entities cannot express (expression keys, operator
 * classes, non-btree indexes, exclusion constraints) is never dropped.
 */
public final class SchemaDiff {
    /**
     * @param defaultSchema the schema migrations write unqualified names for (normally {@code public})
     * @param renames rename hints: {@code old=new} for tables, {@code table.old=new} for columns
     */
    public record Options(
            String defaultSchema, Map<String, String> renames, RenameDecider decider, TypeChanges typeChanges) {
        public Options {
            renames = Map.copyOf(renames);
        }

        public Options(String defaultSchema, Map<String, String> renames, RenameDecider decider) {
            this(defaultSchema, renames, decider, TypeChanges.cautious());
        }

        public static Options defaults() {
            return new Options("public", Map.of(), RenameDecider.never());
        }

        /** Casts and rewrites as the comparison server does them. */
        public Options withTypeChanges(TypeChanges changes) {
            return new Options(defaultSchema, renames, decider, changes);
        }
    }

    private SchemaDiff() {}

    public static MigrationScript compare(DatabaseSchema live, DatabaseSchema desired, Options options) {
        DiffContext context = new DiffContext(options);
        new EnumTypeDiff(context).compare(live, desired);
        new SequenceDiff(context).compare(live, desired);
        new TableDiff(context).compare(live, desired);
        return context.script.build(references(desired), references(live));
    }

    /** For each table, the tables its foreign keys point at. */
    private static Map<ObjectName, Set<ObjectName>> references(DatabaseSchema schema) {
        Map<ObjectName, Set<ObjectName>> references = new HashMap<>();
        for (Table table : schema.tables().values()) {
            Set<ObjectName> targets = new LinkedHashSet<>();
            for (ForeignKey fk : table.foreignKeys()) {
                targets.add(ObjectName.of(fk.referencedSchema(), fk.referencedTable()));
            }
            references.put(table.qualifiedName(), targets);
        }
        return references;
    }
}
