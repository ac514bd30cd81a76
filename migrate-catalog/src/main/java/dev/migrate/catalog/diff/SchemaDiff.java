package dev.migrate.catalog.diff;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
     * How the comparison reads names, renames and type changes.
     *
     * @param defaultSchema the schema migrations write unqualified names for (normally {@code public})
     * @param renames rename hints: {@code old=new} for tables, {@code table.old=new} for columns
     * @param serialToIdentity whether a {@code serial} column the entities want as an identity column is
     *     converted; otherwise the two number alike and are no difference ({@link SerialColumns})
     * @param bothRead whether the desired side was read from a database too (drift: the schema the chain
     *     builds), so that what entities cannot express (an expression index, an exclusion constraint) is
     *     compared like the rest instead of left alone
     */
    public record Options(
            String defaultSchema,
            Map<String, String> renames,
            RenameDecider decider,
            TypeChanges typeChanges,
            boolean serialToIdentity,
            boolean bothRead) {
        public Options {
            renames = Map.copyOf(renames);
        }

        public Options(
                String defaultSchema, Map<String, String> renames, RenameDecider decider, TypeChanges typeChanges) {
            this(defaultSchema, renames, decider, typeChanges, false, false);
        }

        public Options(String defaultSchema, Map<String, String> renames, RenameDecider decider) {
            this(defaultSchema, renames, decider, TypeChanges.cautious());
        }

        public static Options defaults() {
            return new Options("public", Map.of(), RenameDecider.never());
        }

        /** Casts and rewrites as the comparison server does them. */
        public Options withTypeChanges(TypeChanges changes) {
            return new Options(defaultSchema, renames, decider, changes, serialToIdentity, bothRead);
        }

        /** A {@code serial} column the entities want as an identity column converted, when {@code convert}. */
        public Options withSerialToIdentity(boolean convert) {
            return new Options(defaultSchema, renames, decider, typeChanges, convert, bothRead);
        }

        /** Both sides read from databases: nothing is left alone as beyond what entities express. */
        public Options withBothRead() {
            return new Options(defaultSchema, renames, decider, typeChanges, serialToIdentity, true);
        }

        /**
         * The new name a hint gives column {@code column} of the table the entities name {@code table}, or null.
         * The hint may name the table by either name when a hint renames the table too: {@code clients.name=...}
         * or {@code customers.name=...} with {@code customers=clients}.
         */
        public @Nullable String columnRename(String table, String column) {
            String hint = renames.get(table + "." + column);
            if (hint != null) {
                return hint;
            }
            String old = tableRenamedTo(table);
            return old == null ? null : renames.get(old + "." + column);
        }

        /** The table a hint renames to {@code table} ({@code old=table}), or null. */
        public @Nullable String tableRenamedTo(String table) {
            return renames.entrySet().stream()
                    .filter(hint ->
                            hint.getKey().indexOf('.') < 0 && hint.getValue().equals(table))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }
    }

    private SchemaDiff() {}

    /**
     * Fails on a rename hint that matches nothing, so a misspelt one is never silently a drop and
     * an add: {@code old=new} needs a table {@code old} in the database (or {@code new} there
     * already: the rename is applied) and {@code new} in the entities; {@code table.old=new} the
     * same of a column of that table.
     */
    private static void checkRenames(DatabaseSchema live, DatabaseSchema desired, Options options) {
        Map<String, String> renames = options.renames();
        for (Map.Entry<String, String> hint : renames.entrySet()) {
            String from = hint.getKey();
            String to = hint.getValue();
            int dot = from.lastIndexOf('.');
            String problem;
            // a rename already applied (the database has the new name, not the old) is no mistake
            if (dot < 0) {
                boolean applied = tableNamed(live, from) == null && tableNamed(live, to) != null;
                problem = tableNamed(live, from) == null && !applied
                        ? "the database has no table " + from
                        : tableNamed(desired, to) == null
                                ? "the entities (or schema files, or DDL) have no table " + to
                                : null;
            } else {
                String table = from.substring(0, dot);
                String column = from.substring(dot + 1);
                // a table renamed by a hint of its own is named by its old name in the database (its new one once the
                // hint is applied) and its new one in the entities, whichever of the two the column's hint names it by
                @Nullable String renamedTo = renames.get(table);
                @Nullable String renamedFrom = options.tableRenamedTo(table);
                String liveName = firstIn(live, table, renamedFrom, renamedTo);
                String desiredName = firstIn(desired, table, renamedTo, renamedFrom);
                Table have = tableNamed(live, liveName);
                Table want = tableNamed(desired, desiredName);
                boolean applied = have != null && have.column(column) == null && have.column(to) != null;
                problem = (have == null || have.column(column) == null) && !applied
                        ? "the database has no column " + from
                        : want == null || want.column(to) == null
                                ? "the entities (or schema files, or DDL) have no column " + desiredName + "." + to
                                : null;
            }
            if (problem != null) {
                throw new MigrateException("The rename " + from + "=" + to + " matches nothing: " + problem
                        + ". Check the spelling against the database and the entities (or schema files, or DDL), or leave it out of "
                        + "-Dmigrate.renames (<renames> in the pom) once the rename is applied.");
            }
        }
    }

    /** The first of {@code table} and the {@code others} given that {@code schema} has a table of; else {@code table}. */
    private static String firstIn(DatabaseSchema schema, String table, @Nullable String... others) {
        List<String> names = new ArrayList<>(List.of(table));
        Arrays.stream(others).filter(Objects::nonNull).forEach(names::add);
        return names.stream()
                .filter(name -> tableNamed(schema, name) != null)
                .findFirst()
                .orElse(table);
    }

    private static @Nullable Table tableNamed(DatabaseSchema schema, String name) {
        return schema.tables().values().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    public static MigrationScript compare(DatabaseSchema live, DatabaseSchema desired, Options options) {
        checkRenames(live, desired, options);
        ModelOps ops = new ModelOps(options.defaultSchema());
        ScriptBuilder script = new ScriptBuilder();
        DatabaseSchema renamed = new Renames(options, ops, script).apply(live, desired);
        DiffContext context = new DiffContext(options, ops, script, new SerialColumns(renamed, desired));
        new EnumTypeDiff(context).compare(renamed, desired);
        new SequenceDiff(context).compare(renamed, desired);
        new TableDiff(context, renamed).compare(desired);
        // entities say nothing of a Citus cluster yet: its distribution is compared where both sides were read
        if (options.bothRead() || !desired.distribution().isEmpty()) {
            DistributionDiff.changes(renamed, desired, options.defaultSchema()).forEach(context.script::afterTables);
        }
        return context.script.build(references(desired), references(renamed));
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
