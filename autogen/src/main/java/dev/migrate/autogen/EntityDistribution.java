package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.entity.DeclaredDistribution;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.DistributedTable;
import dev.migrate.catalog.Distribution;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.op.CitusOp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The distribution the entities declare ({@code @Distributed}, {@code @ReferenceTable}), as the catalog
 * reader would read it from a Citus coordinator built from them: each declared table found among the
 * entity side's tables, its colocation group led by the table the others colocate with (the one that
 * declares no {@code colocateWith}), with that table's shard count, so that the migration distributes it
 * first and the others with it. What Citus would refuse is refused here, before anything is written: a
 * distribution column the table lacks, a primary key or unique constraint without it, a colocation with a
 * table not declared distributed.
 */
final class EntityDistribution {
    private EntityDistribution() {}

    /**
     * The distribution {@code declared} gives the tables of {@code desired}.
     *
     * @param defaultSchema the schema of an entity that names none
     * @throws MigrateException naming the entity and the fix, when Citus would refuse it
     */
    static Distribution of(List<DeclaredDistribution> declared, DatabaseSchema desired, String defaultSchema) {
        Map<ObjectName, DeclaredDistribution> byTable = new TreeMap<>();
        for (DeclaredDistribution d : declared) {
            ObjectName table = tableOf(d, desired, defaultSchema);
            DeclaredDistribution other = byTable.put(table, d);
            if (other != null) {
                throw new MigrateException("The entity " + d.entityClass() + " declares how table " + table
                        + " is spread over the Citus cluster, and so does " + other.entityClass()
                        + (other.entityClass().equals(d.entityClass())
                                ? " again (it carries both @Distributed and @ReferenceTable)"
                                : "")
                        + ". Keep one @Distributed or @ReferenceTable per table.");
            }
        }
        Map<ObjectName, ObjectName> colocatedWith = new HashMap<>();
        byTable.forEach((table, d) -> {
            if (d.kind() == DeclaredDistribution.Kind.REFERENCE) {
                return;
            }
            Table t = requireColumn(d, table, desired.tables().get(table));
            requireKeysWithColumn(d, table, t);
            if (!d.colocateWith().isEmpty()) {
                ObjectName with = named(d.colocateWith(), table.schema());
                DeclaredDistribution target = byTable.get(with);
                if (target == null || target.kind() != DeclaredDistribution.Kind.DISTRIBUTED) {
                    throw new MigrateException("The entity " + d.entityClass() + " is @Distributed(colocateWith = \""
                            + d.colocateWith() + "\"), but table " + with + " is "
                            + (target == null ? "not one an entity declares @Distributed" : "a reference table")
                            + ". Name the table of a @Distributed entity (schema.table outside schema "
                            + table.schema() + "), or leave colocateWith out for a colocation group of its own.");
                }
                colocatedWith.put(table, with);
            }
        });
        List<DistributedTable> tables = new ArrayList<>();
        for (Map.Entry<ObjectName, DeclaredDistribution> e : byTable.entrySet()) {
            ObjectName table = e.getKey();
            DeclaredDistribution d = e.getValue();
            if (d.kind() == DeclaredDistribution.Kind.REFERENCE) {
                tables.add(DistributedTable.reference(table));
                continue;
            }
            ObjectName leader = leader(group(table, colocatedWith), colocatedWith);
            tables.add(new DistributedTable(
                    table,
                    d.column(),
                    leader.equals(table) ? null : leader,
                    Objects.requireNonNull(byTable.get(leader)).shardCount()));
        }
        return Distribution.of(tables, List.of(), Map.of());
    }

    /**
     * {@code script} with each change of a table's distribution saying which entity declares it: {@code
     * table public.events: not distributed -> distributed by device_id in 32 shards (@Distributed on
     * com.example.Event)}, as {@code check} lists it.
     */
    static MigrationScript naming(
            MigrationScript script, List<DeclaredDistribution> declared, DatabaseSchema desired, String schema) {
        Map<String, DeclaredDistribution> bySubject = new HashMap<>();
        for (DeclaredDistribution d : declared) {
            bySubject.put("table " + tableOf(d, desired, schema), d);
        }
        List<OpGroup> groups = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            List<Change> changes = new ArrayList<>();
            for (Change c : group.changes()) {
                DeclaredDistribution d = bySubject.get(c.description().subject());
                boolean distribution = c.ops().stream()
                        .anyMatch(op ->
                                op instanceof CitusOp.TableDistribution || op instanceof CitusOp.UndistributeTable);
                if (d == null || !distribution) {
                    changes.add(c);
                    continue;
                }
                Description was = c.description();
                String by = (d.kind() == DeclaredDistribution.Kind.REFERENCE ? "@ReferenceTable" : "@Distributed")
                        + " on " + d.entityClass();
                changes.add(new Change(
                        new Description(
                                was.action(),
                                was.subject(),
                                (was.detail() == null ? "" : was.detail() + " ") + "(" + by + ")"),
                        c.ops(),
                        c.hazards(),
                        c.notes(),
                        c.undo(),
                        c.aheadPart()));
            }
            groups.add(new OpGroup(group.table(), changes));
        }
        return new MigrationScript(groups, script.warnings(), script.guards());
    }

    /**
     * The tables Citus spreads on {@code live} or that the entities declare spread, each with how: {@code
     * distributed by customer_id in 32 shards, as @Distributed on com.example.Order declares}, {@code a reference table
     * in the database}, {@code in the distributed schema tenant_1 in the database}. What the entities declare
     * comes first: it is what the migration makes of the table.
     *
     * @param wanted the distribution {@code declared} gives the tables of {@code desired} ({@link #of})
     */
    static Map<ObjectName, String> spread(
            List<DeclaredDistribution> declared,
            Distribution wanted,
            DatabaseSchema desired,
            String defaultSchema,
            DatabaseSchema live) {
        Map<ObjectName, String> spread = new TreeMap<>();
        Distribution there = live.distribution();
        live.tables().keySet().forEach(table -> {
            DistributedTable t = there.tables().get(table);
            if (t != null) {
                spread.put(table, t.describe() + " in the database");
            } else if (there.schemas().contains(table.schema())) {
                spread.put(table, "in the distributed schema " + table.schema() + " in the database");
            }
        });
        there.tables().forEach((table, t) -> spread.putIfAbsent(table, t.describe() + " in the database"));
        for (DeclaredDistribution d : declared) {
            ObjectName table = tableOf(d, desired, defaultSchema);
            DistributedTable t = wanted.tables().get(table);
            if (t != null) {
                spread.put(
                        table,
                        t.describe() + ", as "
                                + (d.kind() == DeclaredDistribution.Kind.REFERENCE ? "@ReferenceTable" : "@Distributed")
                                + " on " + d.entityClass() + " declares");
            }
        }
        return spread;
    }

    /** The tables colocated with {@code table}, itself included, in name order. */
    private static Set<ObjectName> group(ObjectName table, Map<ObjectName, ObjectName> colocatedWith) {
        Set<ObjectName> group = new TreeSet<>();
        List<ObjectName> pending = new ArrayList<>(List.of(table));
        while (!pending.isEmpty()) {
            ObjectName next = pending.remove(pending.size() - 1);
            if (!group.add(next)) {
                continue;
            }
            ObjectName with = colocatedWith.get(next);
            if (with != null) {
                pending.add(with);
            }
            colocatedWith.forEach((from, to) -> {
                if (to.equals(next)) {
                    pending.add(from);
                }
            });
        }
        return group;
    }

    /**
     * The table the group's others colocate with, directly or through one another: the one that names no
     * other, whose shard count they all take. Citus distributes it first; a group whose tables name one
     * another round in a circle has none, and is led by its first table by name.
     */
    private static ObjectName leader(Set<ObjectName> group, Map<ObjectName, ObjectName> colocatedWith) {
        return group.stream()
                .filter(member -> !colocatedWith.containsKey(member))
                .findFirst()
                .orElse(group.iterator().next());
    }

    private static Table requireColumn(DeclaredDistribution d, ObjectName table, @Nullable Table t) {
        if (t == null || t.column(d.column()) == null) {
            throw new MigrateException("The entity " + d.entityClass() + " is @Distributed(column = \"" + d.column()
                    + "\"), but its table " + table + " has no column " + d.column()
                    + ". Name a column of the table as the database spells it"
                    + (t == null ? "" : " (one of " + columnNames(t) + ")")
                    + ".");
        }
        return t;
    }

    /**
     * Citus enforces a primary key or a unique constraint shard by shard, so each must include the
     * distribution column, or it refuses to distribute the table.
     */
    private static void requireKeysWithColumn(DeclaredDistribution d, ObjectName table, Table t) {
        String column = d.column();
        List<String> offending = new ArrayList<>();
        PrimaryKey pk = t.primaryKey();
        if (pk != null && !pk.columns().contains(column)) {
            offending.add("primary key " + pk.name() + " (" + String.join(", ", pk.columns()) + ")");
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            if (!u.columns().contains(column)) {
                offending.add("unique constraint " + u.name() + " (" + String.join(", ", u.columns()) + ")");
            }
        }
        for (Index i : t.indexes()) {
            if (i.unique() && !i.keys().contains(column)) {
                offending.add("unique index " + i.name() + " (" + String.join(", ", i.keys()) + ")");
            }
        }
        if (!offending.isEmpty()) {
            throw new MigrateException("The entity " + d.entityClass() + " is @Distributed(column = \"" + column
                    + "\"), but the " + String.join(" and the ", offending) + " of its table " + table
                    + " does not include " + column + ", and Citus refuses to distribute a table whose primary key"
                    + " or unique constraints leave the distribution column out. Add " + column
                    + " to the key (an @IdClass or @EmbeddedId with it, or the unique constraint's columns), or"
                    + " distribute by a column the keys share.");
        }
    }

    private static String columnNames(Table t) {
        return String.join(", ", t.columns().stream().map(c -> c.name()).toList());
    }

    /**
     * The entity's table among {@code desired}'s: the one {@code @Table} names, else the one the provider's
     * usual naming makes of the entity's name ({@code OrderLine}: {@code orderline}, {@code order_line}).
     */
    private static ObjectName tableOf(DeclaredDistribution d, DatabaseSchema desired, String defaultSchema) {
        Set<String> names = new LinkedHashSet<>();
        if (!d.tableName().isEmpty()) {
            names.addAll(spellings(d.tableName()));
        } else {
            names.addAll(spellings(d.entityName()));
            names.add(snakeCase(d.entityName()));
        }
        Set<String> schemas = new LinkedHashSet<>();
        if (!d.tableSchema().isEmpty()) {
            schemas.addAll(spellings(d.tableSchema()));
        } else {
            schemas.add(defaultSchema);
        }
        for (String schema : schemas) {
            for (String name : names) {
                ObjectName candidate = ObjectName.of(schema, name);
                if (desired.tables().containsKey(candidate)) {
                    return candidate;
                }
            }
        }
        if (d.tableSchema().isEmpty()) {
            // the provider's default schema may put it elsewhere: a table of that name in one schema only
            List<ObjectName> elsewhere = desired.tables().keySet().stream()
                    .filter(n -> names.contains(n.name()))
                    .toList();
            if (elsewhere.size() == 1) {
                return elsewhere.get(0);
            }
        }
        throw new MigrateException("The entity " + d.entityClass() + " is "
                + (d.kind() == DeclaredDistribution.Kind.REFERENCE ? "@ReferenceTable" : "@Distributed")
                + ", but no table of the entities is named " + String.join(" or ", names)
                + (d.tableSchema().isEmpty() ? "" : " in schema " + d.tableSchema())
                + ": the naming strategy names it otherwise. Name its table with @Table(name = \"...\").");
    }

    /** A name as written, then as PostgreSQL folds it when unquoted; a quoted one as it stands. */
    private static List<String> spellings(String name) {
        if (name.length() > 1
                && ((name.startsWith("\"") && name.endsWith("\"")) || (name.startsWith("`") && name.endsWith("`")))) {
            return List.of(name.substring(1, name.length() - 1));
        }
        return List.of(name.toLowerCase(Locale.ROOT), name);
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** {@code schema.table} or {@code table} (in {@code schema}), folded as PostgreSQL folds unquoted names. */
    private static ObjectName named(String written, String schema) {
        int dot = written.indexOf('.');
        return dot < 0
                ? ObjectName.of(schema, spellings(written).get(0))
                : ObjectName.of(
                        spellings(written.substring(0, dot)).get(0),
                        spellings(written.substring(dot + 1)).get(0));
    }

    /**
     * The distribution to compare with {@code live}: the declared one, except that where {@code live} is
     * no Citus coordinator (a throwaway server that replayed the chain) the tables it has already keep the
     * distribution it reads (none): only a table the migration creates gets its calls. Distributed schemas
     * are not the entities' to say: they stay as {@code live} has them.
     */
    static Distribution comparedWith(Distribution declared, DatabaseSchema live, boolean liveIsCoordinator) {
        Map<ObjectName, DistributedTable> tables = new TreeMap<>();
        declared.tables().forEach((name, t) -> {
            if (liveIsCoordinator || !live.tables().containsKey(name)) {
                tables.put(name, t);
            }
        });
        return new Distribution(tables, live.distribution().schemas(), Map.of());
    }
}
