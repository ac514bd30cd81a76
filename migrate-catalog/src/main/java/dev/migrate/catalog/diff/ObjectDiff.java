package dev.migrate.catalog.diff;

import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the objects beside tables (views, functions, triggers, policies, types, ...) of the database
 * with those the project declares, both read from a catalog, and puts their changes around the changes
 * of the tables, so that the script applies as it is:
 * <ol>
 *   <li>objects that go, or that must be dropped to change (a materialized view, a function whose
 *       arguments or result change, a view reading a column whose type changes or that goes), with every
 *       object that depends on them, dependents first;</li>
 *   <li>objects the tables need (a domain a column is typed with, a function a default calls), created;</li>
 *   <li>the changes of the tables;</li>
 *   <li>objects created, created again or replaced in place ({@code CREATE OR REPLACE}, only where
 *       PostgreSQL accepts it both ways, for the downgrade: a function keeping its arguments and result,
 *       a view keeping its columns), each after what it depends on;</li>
 *   <li>objects that tables of the database needed, dropped once the tables no longer use them.</li>
 * </ol>
 * An object is created with the definition read from the entity side and dropped with the one read from
 * the database, so the downgrade, undoing each change in reverse, puts back exactly what was there.
 *
 * <p>With {@link Scope#DECLARED_ONLY}, objects of the database the project does not declare are kept and
 * never dropped, and those dropped around a change of a column they read are created again as they were.
 */
public final class ObjectDiff {
    /** Which objects of the database the comparison may drop. */
    public enum Scope {
        /** Every object is declared: one of the database that the project lacks is dropped. */
        ALL,
        /** Only the objects the project declares are compared; the others stay as they are. */
        DECLARED_ONLY
    }

    /** The {@code VERSION '...'} clause of an extension's definition, the literal in group 1. */
    private static final Pattern EXTENSION_VERSION = Pattern.compile(" VERSION ('(?:[^']|'')*')");

    private final Map<ObjectId, SchemaObject> live;
    private final Map<ObjectId, SchemaObject> desired;
    private final Scope scope;
    private final String defaultSchema;

    private ObjectDiff(
            Map<ObjectId, SchemaObject> live, Map<ObjectId, SchemaObject> desired, Scope scope, String defaultSchema) {
        this.live = live;
        this.desired = desired;
        this.scope = scope;
        this.defaultSchema = defaultSchema;
    }

    /**
     * {@code tables} (the changes of the tables) with the changes of the objects put around it.
     *
     * @param live the objects of the database
     * @param desired the objects the project declares, read from the database they were applied to
     * @param exclusions names left out on both sides: an object whose name (or whose table's name) matches
     *     is never compared
     * @param defaultSchema the schema the ops name unqualified tables in
     */
    public static MigrationScript around(
            MigrationScript tables,
            Collection<SchemaObject> live,
            Collection<SchemaObject> desired,
            Scope scope,
            Exclusions exclusions,
            String defaultSchema) {
        return new ObjectDiff(kept(live, exclusions), kept(desired, exclusions), scope, defaultSchema).around(tables);
    }

    private static Map<ObjectId, SchemaObject> kept(Collection<SchemaObject> objects, Exclusions exclusions) {
        Map<ObjectId, SchemaObject> byId = new TreeMap<>();
        objects.stream().filter(o -> !excluded(o.id(), exclusions)).forEach(o -> byId.put(o.id(), o));
        return byId;
    }

    /**
     * Whether {@code exclusions} leave the object out: matched by its own schema and name, or by its
     * table's for a trigger, a policy or row-level security ({@code touch ON public.orders}).
     */
    public static boolean excluded(ObjectId id, Exclusions exclusions) {
        String identity = id.identity();
        if (id.kind() == ObjectKind.GRANT) {
            return grantExcluded(identity, exclusions);
        }
        int on = identity.indexOf(" ON ");
        String own = on < 0 ? identity : identity.substring(0, on);
        int parenthesis = own.indexOf('(');
        ObjectName name = parse(parenthesis < 0 ? own : own.substring(0, parenthesis));
        if (exclusions.excludes(name.schema(), name.name())) {
            return true;
        }
        if (on >= 0) {
            ObjectName table = parse(identity.substring(on + 4));
            return exclusions.excludes(table.schema(), table.name())
                    || exclusions.excludes(table.schema(), name.name());
        }
        return false;
    }

    /**
     * Whether a grant is on an object left out: {@code ON TABLE public.migrate_version TO app_user}, {@code
     * (status) ON TABLE ...}, {@code ON SEQUENCE public.migrate_history_id_seq TO ...}, {@code ON FUNCTION
     * public.f(integer) FROM PUBLIC}. The grants default privileges give migrate's own tables are so no
     * difference, as the tables are none.
     */
    private static boolean grantExcluded(String identity, Exclusions exclusions) {
        String target = identity;
        if (target.startsWith("(")) {
            target = target.substring(target.indexOf(") ON ") + 2);
        }
        if (!target.startsWith("ON ")) {
            return false;
        }
        int kind = target.indexOf(' ', 3);
        int to = Math.max(target.lastIndexOf(" TO "), target.lastIndexOf(" FROM "));
        if (kind < 0 || to < kind || target.startsWith("ON SCHEMA ")) {
            return false;
        }
        String name = target.substring(kind + 1, to);
        int parenthesis = name.indexOf('(');
        ObjectName parsed = parse(parenthesis < 0 ? name : name.substring(0, parenthesis));
        return exclusions.excludes(parsed.schema(), parsed.name());
    }

    /** A name as SQL spells it ({@code public."public.ix_orders"}): a dot inside quotes is the name's own. */
    private static ObjectName parse(String qualified) {
        String text = qualified.strip();
        if (text.isEmpty() || text.equals("\"\"")) {
            // a grant on columns, (total) ON TABLE ...: its name is its table's
            return ObjectName.of("", "");
        }
        QualifiedName name = QualifiedName.parse(text);
        return ObjectName.of(name.schema() == null ? "" : name.schema(), name.name());
    }

    private MigrationScript around(MigrationScript tables) {
        Set<String> columnsChanged = columns(tables, false);
        Set<String> columnsDropped = columns(tables, true);
        // the objects dropped first (and created again after the tables, when the project has them)
        Map<ObjectId, String> rebuilt = new LinkedHashMap<>();
        List<Change> notMigrated = new ArrayList<>();
        List<Change> updated = new ArrayList<>();
        for (SchemaObject have : live.values()) {
            SchemaObject want = desired.get(have.id());
            Set<String> read = new TreeSet<>(have.columns());
            read.retainAll(columnsChanged);
            Set<String> readDropped = new TreeSet<>(have.columns());
            readDropped.retainAll(columnsDropped);
            if (want == null && scope == Scope.DECLARED_ONLY && !readDropped.isEmpty()) {
                notMigrated.add(readsDroppedColumns(have, readDropped));
            } else if (!read.isEmpty()) {
                rebuilt.put(have.id(), "dropped and created again around the change of " + String.join(", ", read));
            } else if (want != null && !want.sql().equals(have.sql()) && !replacesInPlace(have, want)) {
                Optional<Change> update = extensionUpdate(have, want);
                if (update.isPresent()) {
                    updated.add(update.get());
                } else if (cannotBeDropped(have)) {
                    notMigrated.add(cannotRebuild(have, want));
                } else {
                    rebuilt.put(have.id(), whatDiffers(have, want));
                }
            }
        }
        // what depends on an object that goes goes first, and comes back after it
        Deque<ObjectId> pending = new ArrayDeque<>(rebuilt.keySet());
        live.keySet().stream()
                .filter(id -> !desired.containsKey(id) && scope == Scope.ALL)
                .forEach(pending::add);
        Set<ObjectId> going = new TreeSet<>(pending);
        while (!pending.isEmpty()) {
            ObjectId gone = pending.pop();
            for (SchemaObject dependent : live.values()) {
                if (dependent.dependsOn().contains(gone) && going.add(dependent.id())) {
                    rebuilt.putIfAbsent(
                            dependent.id(), "dropped and created again with " + gone + ", which it depends on");
                    pending.add(dependent.id());
                }
            }
        }

        List<Change> dropFirst = new ArrayList<>();
        List<Change> dropLast = new ArrayList<>();
        List<Change> createAfter = new ArrayList<>();
        Map<ObjectId, Change> createLater = new LinkedHashMap<>();
        for (ObjectId id : going) {
            // every object going is the database's: rebuilt, dropped, or depending on one of those
            SchemaObject have = Objects.requireNonNull(live.get(id), id::toString);
            SchemaObject want = desired.get(id);
            if (want == null && scope == Scope.DECLARED_ONLY) {
                want = have; // not the project's: it comes back as it was
            }
            if (want == null) {
                Change drop = Change.of(Description.removed(id.toString()), dropping(have));
                (have.neededByTables() ? dropLast : dropFirst).add(drop);
            } else {
                String why = rebuilt.getOrDefault(id, "dropped and created again");
                List<Change> parts = new Change(
                                have.sql().equals(want.sql())
                                        ? Description.changed(id.toString(), why)
                                        : Description.changed(id.toString(), whatDiffers(have, want)),
                                List.of(dropping(have), new ObjectOp.CreateObject(want.definitionIn(defaultSchema))),
                                List.of())
                        .splitAfter(1);
                dropFirst.add(parts.get(0));
                createLater.put(id, parts.get(1));
            }
        }
        for (SchemaObject want : desired.values()) {
            SchemaObject have = live.get(want.id());
            if (have == null) {
                createLater.put(
                        want.id(),
                        Change.of(
                                Description.added(want.id().toString()),
                                new ObjectOp.CreateObject(want.definitionIn(defaultSchema))));
            } else if (!going.contains(want.id()) && !want.sql().equals(have.sql()) && replacesInPlace(have, want)) {
                createLater.put(
                        want.id(),
                        Change.of(
                                Description.changed(want.id().toString(), whatDiffers(have, want)),
                                new ObjectOp.ReplaceObject(
                                        have.definitionIn(defaultSchema), want.definitionIn(defaultSchema))));
            }
        }
        if (dropFirst.isEmpty()
                && dropLast.isEmpty()
                && createLater.isEmpty()
                && notMigrated.isEmpty()
                && updated.isEmpty()) {
            return tables;
        }
        // created in the order of their dependencies: what the tables need before the tables
        Map<ObjectId, SchemaObject> created = new TreeMap<>();
        createLater.keySet().forEach(id -> created.put(id, desired.getOrDefault(id, live.get(id))));
        ObjectOrder order = ObjectOrder.of(created.values());
        List<Change> createBefore =
                order.beforeTables().stream().map(o -> createLater.get(o.id())).toList();
        // an object replaced in place after the tables is put back after them too on the way down: its old
        // definition reads the tables as they were (a column renamed back, a type restored)
        List<Change> restoreLast = new ArrayList<>();
        for (SchemaObject o : order.afterTables()) {
            Change create = Objects.requireNonNull(createLater.get(o.id()), o.id()::toString);
            if (create.ops().size() == 1 && create.ops().get(0) instanceof ObjectOp.ReplaceObject replace) {
                createAfter.add(new Change(
                        create.description(), create.ops(), create.hazards(), create.notes(), List.of(), false));
                restoreLast.add(new Change(
                        create.description(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(replace.reverse().orElseThrow()),
                        true));
            } else {
                createAfter.add(create);
            }
        }
        return tables.withFirst(OpGroup.outsideTables(restoreLast))
                .withFirst(OpGroup.outsideTables(createBefore))
                // an extension updated in place, before what the tables need: that may use its new version
                .withFirst(OpGroup.outsideTables(updated))
                .withFirst(OpGroup.outsideTables(droppingOrder(dropFirst)))
                .withLast(
                        List.of(
                                OpGroup.outsideTables(createAfter),
                                OpGroup.outsideTables(droppingOrder(dropLast)),
                                OpGroup.outsideTables(notMigrated)),
                        List.of());
    }

    /** {@code drops}, every object before those it depends on: the reverse of the order they are created in. */
    private List<Change> droppingOrder(List<Change> drops) {
        Map<ObjectId, Change> byId = new LinkedHashMap<>();
        Map<ObjectId, ObjectId> byWrittenId = new LinkedHashMap<>();
        // the ops name objects unqualified in the default schema; the catalog always qualifies them
        live.values().forEach(o -> {
            ObjectOp.DropObject written = dropping(o);
            byWrittenId.put(new ObjectId(written.kind(), written.identity()), o.id());
        });
        for (Change drop : drops) {
            ObjectOp.DropObject op = (ObjectOp.DropObject) drop.ops().get(0);
            byId.put(Objects.requireNonNull(byWrittenId.get(new ObjectId(op.kind(), op.identity()))), drop);
        }
        List<SchemaObject> created = new ArrayList<>(
                ObjectOrder.of(byId.keySet().stream().map(live::get).toList()).all());
        Collections.reverse(created);
        return created.stream().map(o -> byId.get(o.id())).toList();
    }

    /**
     * Dropping {@code have}, named as a migration of the default schema names it: unqualified there, so
     * that it drops the object of whichever schema leads the session's {@code search_path}.
     */
    private ObjectOp.DropObject dropping(SchemaObject have) {
        var written = have.definitionIn(defaultSchema);
        return new ObjectOp.DropObject(written.kind(), written.identity(), written);
    }

    /** Whether {@code tables} changes the type of a column, or drops one, which objects reading it stand in the way of. */
    public static boolean changesColumns(MigrationScript tables) {
        return tables.upgrade().stream()
                .anyMatch(op -> op instanceof ColumnOp.AlterColumnType || op instanceof ColumnOp.DropColumn);
    }

    /**
     * The columns ({@code schema.table.column}) that go, as the table changes say, and unless {@code
     * droppedOnly} those whose type changes too.
     */
    private Set<String> columns(MigrationScript tables, boolean droppedOnly) {
        Set<String> columns = new TreeSet<>();
        for (Op op : tables.upgrade()) {
            if (op instanceof ColumnOp.AlterColumnType alter && !droppedOnly) {
                columns.add(qualified(alter.table()) + "." + alter.column());
            } else if (op instanceof ColumnOp.DropColumn drop) {
                columns.add(qualified(drop.table()) + "." + drop.column());
            }
        }
        return columns;
    }

    private String qualified(QualifiedName table) {
        return (table.schema() == null ? defaultSchema : table.schema()) + "." + table.name();
    }

    /**
     * Whether PostgreSQL takes the new definition over the old one in place, and the old one back over the
     * new one on downgrade: a function whose arguments and result stay ({@code CREATE OR REPLACE
     * FUNCTION}), a view whose columns stay, with their names and types ({@code CREATE OR REPLACE VIEW}
     * would take columns added at the end, but not the downgrade that takes them away again).
     */
    static boolean replacesInPlace(SchemaObject have, SchemaObject want) {
        return switch (have.id().kind()) {
            case FUNCTION, PROCEDURE, VIEW -> have.shape().equals(want.shape());
            default -> false;
        };
    }

    /**
     * Whether dropping the object to create it again would take more along: an extension (its types and
     * functions, and the columns that use them), a domain, type or collation a table uses.
     */
    private static boolean cannotBeDropped(SchemaObject have) {
        ObjectKind kind = have.id().kind();
        return kind == ObjectKind.EXTENSION
                || (have.neededByTables()
                        && (kind == ObjectKind.DOMAIN || kind == ObjectKind.TYPE || kind == ObjectKind.COLLATION));
    }

    /** What differs, as {@code check} says it: the part of the definition a reader looks at first. */
    private static String whatDiffers(SchemaObject have, SchemaObject want) {
        if (!have.shape().equals(want.shape())) {
            return switch (have.id().kind()) {
                case FUNCTION, PROCEDURE, AGGREGATE -> "arguments or result " + have.shape() + " -> " + want.shape();
                default -> "columns (" + have.shape() + ") -> (" + want.shape() + ")";
            };
        }
        if (have.id().kind() == ObjectKind.MATERIALIZED_VIEW
                && firstStatement(have.sql()).equals(firstStatement(want.sql()))) {
            return "indexes or comments differ";
        }
        return switch (have.id().kind()) {
            case VIEW, MATERIALIZED_VIEW -> "query or options differ";
            case FUNCTION, PROCEDURE -> "body or attributes differ";
            case ROW_LEVEL_SECURITY -> rowSecurity(have.sql()) + " -> " + rowSecurity(want.sql());
            default -> "definition differs";
        };
    }

    /** What row-level security a table has: {@code ENABLE}, {@code FORCE} (its owner held to the policies too), both. */
    private static String rowSecurity(String sql) {
        boolean enabled = sql.contains("ENABLE ROW LEVEL SECURITY");
        boolean forced = sql.contains("FORCE ROW LEVEL SECURITY") && !sql.contains("NO FORCE ROW LEVEL SECURITY");
        return enabled && forced ? "ENABLE and FORCE" : enabled ? "ENABLE" : forced ? "FORCE" : "none";
    }

    /** A materialized view's own statement, before its indexes and comments: up to its first {@code ;} ending a line. */
    private static String firstStatement(String sql) {
        int end = sql.indexOf(";\n");
        return end < 0 ? sql : sql.substring(0, end + 1);
    }

    /**
     * An object the project does not declare reads a column that goes: it cannot be created again as it
     * was, and PostgreSQL refuses to drop the column while it stands.
     */
    private static Change readsDroppedColumns(SchemaObject have, Set<String> columns) {
        return new Change(
                Description.notMigrated(have.id().toString(), "reads " + String.join(", ", columns) + ", which goes"),
                List.of(),
                List.of("PostgreSQL refuses to drop a column an object reads. Declare the object without it in the "
                        + "objects directory (src/main/resources/db/objects), or drop it first in this migration: "
                        + "op.dropObject(ObjectKind." + have.id().kind().name() + ", \""
                        + have.id().identity()
                        + "\", ...)."));
    }

    /**
     * An extension whose pinned version alone differs ({@code CREATE EXTENSION vector ... VERSION '0.8.1'} declared,
     * 0.8.0 installed) is updated in place, as PostgreSQL updates it: {@code ALTER EXTENSION vector UPDATE TO
     * '0.8.1'}, and back to the version it had on the way down; dropping it would take every column of its types.
     */
    private static Optional<Change> extensionUpdate(SchemaObject have, SchemaObject want) {
        if (have.id().kind() != ObjectKind.EXTENSION) {
            return Optional.empty();
        }
        Matcher from = EXTENSION_VERSION.matcher(have.sql());
        Matcher to = EXTENSION_VERSION.matcher(want.sql());
        if (!from.find() || !to.find()) {
            return Optional.empty();
        }
        String installed = from.group(1);
        String declared = to.group(1);
        if (!from.replaceAll("").equals(to.replaceAll(""))) {
            return Optional.empty();
        }
        String name = have.id().identity();
        return Optional.of(Change.of(
                Description.changed(have.id().toString(), "version " + literal(installed) + " -> " + literal(declared)),
                new SqlOp.Execute(
                        "ALTER EXTENSION " + name + " UPDATE TO " + declared,
                        "ALTER EXTENSION " + name + " UPDATE TO " + installed)));
    }

    /** A version as a message shows it: the literal's text. */
    private static String literal(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }

    /** A type or domain the tables use changes: dropping it would drop their columns, so it is written by hand. */
    private static Change cannotRebuild(SchemaObject have, SchemaObject want) {
        String fix = switch (have.id().kind()) {
            case DOMAIN -> "ALTER DOMAIN " + have.id().identity() + " ...";
            case EXTENSION -> "ALTER EXTENSION " + have.id().identity() + " UPDATE TO '...'";
            // a collation has no ALTER that changes its locale: the columns move to a new one
            case COLLATION ->
                "CREATE COLLATION <new name> (...); ALTER TABLE ... ALTER COLUMN ... TYPE ... COLLATE <new name>";
            default -> "ALTER " + have.id().kind().keyword() + " " + have.id().identity() + " ...";
        };
        return new Change(
                Description.notMigrated(have.id().toString(), "changes while tables use it"),
                List.of(),
                List.of(
                        "Dropping it would take the columns that use it along; write the change by hand with op.execute(\""
                                + fix + "\"). The database has:\n" + have.sql() + "\nThe project declares:\n"
                                + want.sql()));
    }
}
