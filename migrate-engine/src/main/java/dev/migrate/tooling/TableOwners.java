package dev.migrate.tooling;

import dev.migrate.HandsOver;
import dev.migrate.JdbcWork;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.TakesOver;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.ModuleOrder;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.runtime.Engine;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which module's chain owns each table of a chain with modules: the module whose revision created it, until a revision
 * of that module hands it over ({@link HandsOver}) to the module whose revision takes it ({@link TakesOver}). A
 * module's comparison with its entities leaves the tables of other modules alone: a library's, created by the revisions
 * in its jar, and a table its module gave away. Sequences are owned the same way (an entity's own sequence, which is
 * handed over with its table), and named among the tables.
 *
 * <pre>{@code
 * List<String> leftAlone = MigratorTools.of(chain).tableOwners().ownedByOthers("billing");
 * }</pre>
 *
 * <p>Published for migrate's modules, not for applications: see the package.
 *
 * @param owners each table ({@code schema.table} outside the default schema) and the module that owns it, the
 *     application's own revisions as {@code ""}, in the order the chain created them
 * @param handedOver the tables given to a module that has not taken them yet, each with the revision that gave it
 */
public record TableOwners(Map<String, String> owners, Map<String, Given> handedOver) {
    /** A {@code CREATE TABLE} in a revision's own SQL ({@code op.execute}). */
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)^\\s*create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?\"?([\\w.\"]+?)\"?\\s*[(\\s]");
    /** A {@code CREATE SEQUENCE} in a revision's own SQL: an entity's sequence, owned as a table is. */
    private static final Pattern CREATE_SEQUENCE = Pattern.compile(
            "(?i)^\\s*create\\s+(?:temp(?:orary)?\\s+|unlogged\\s+)?sequence\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "\"?([\\w.\"]+?)\"?\\s*(?:[;\\s]|$)");

    /**
     * A table given and not yet taken.
     *
     * @param to the module it was given to
     * @param revision the revision that gave it, as the graph names it ({@code customers.20261129_100000})
     */
    public record Given(String to, String revision) {}

    public TableOwners {
        owners = Map.copyOf(owners);
        handedOver = Map.copyOf(handedOver);
    }

    /** No table owned by a module: a chain without modules. */
    public static final TableOwners NONE = new TableOwners(Map.of(), Map.of());

    /**
     * The owners of the tables {@code engine}'s revisions create, hand over and take, in the graph's order; none when
     * no revision belongs to a named module (the revisions are not run then).
     *
     * @throws MigrateException when a revision hands over a table its module does not own, or takes one it was not
     *     given or without depending on the revision that gave it, naming the revision and the fix
     */
    static TableOwners of(Engine engine) {
        RevisionGraph graph = engine.graph();
        if (graph.all().stream().allMatch(r -> r.id().indexOf('.') < 0)) {
            return NONE;
        }
        Map<String, DiscoveredMigration> byId = new LinkedHashMap<>();
        engine.migrations().forEach(m -> byId.putIfAbsent(m.info().id(), m));
        Map<String, String> owners = new LinkedHashMap<>();
        Map<String, Given> given = new LinkedHashMap<>();
        for (RevisionInfo revision : graph.all()) {
            DiscoveredMigration migration = byId.get(revision.id());
            if (migration == null) {
                continue; // a squash's replaced revision, or one of a context this run leaves out
            }
            String module = ModuleOrder.moduleOf(revision.id());
            for (Op op : recorded(migration)) {
                created(op).ifPresent(table -> owners.put(table, module));
                if (op instanceof TableOp.RenameTable rename) {
                    String owner = owners.remove(name(rename.table()));
                    if (owner != null) {
                        owners.put(name(rename.table().sibling(rename.newName())), owner);
                    }
                } else if (op instanceof TableOp.DropTable drop) {
                    owners.remove(name(drop.table()));
                } else if (op instanceof SequenceOp.DropSequence drop) {
                    owners.remove(name(drop.sequence()));
                }
            }
            Class<? extends Migration> type = migration.type();
            HandsOver gives = type.getAnnotation(HandsOver.class);
            if (gives != null) {
                for (String table : gives.tables()) {
                    String owner = owners.get(table);
                    if (!module.equals(owner)) {
                        throw new MigrateException("Revision " + revision.id() + " hands table " + table + " over to "
                                + gives.to() + ", but "
                                + (owner == null
                                        ? "no revision before it creates that table"
                                        : "it belongs to " + ModuleOrder.describe(owner))
                                + ", not to " + ModuleOrder.describe(module) + ". Name a table of the module in"
                                + " @HandsOver(tables = ...), as its revisions created it.");
                    }
                    owners.put(table, gives.to());
                    given.put(table, new Given(gives.to(), revision.id()));
                }
            }
            TakesOver takes = type.getAnnotation(TakesOver.class);
            if (takes != null) {
                for (String table : takes.tables()) {
                    Given from = given.get(table);
                    if (from == null
                            || !from.to().equals(module)
                            || !ModuleOrder.moduleOf(from.revision()).equals(takes.from())) {
                        throw new MigrateException("Revision " + revision.id() + " takes table " + table + " from "
                                + takes.from() + ", but no revision of " + takes.from() + " before it hands that"
                                + " table over to " + ModuleOrder.describe(module) + ". Hand it over first with"
                                + " @HandsOver(to = \"" + module + "\", tables = \"" + table + "\") on a revision of "
                                + takes.from() + ", and make this revision depend on it.");
                    }
                    if (!reaches(graph, revision.id(), from.revision())) {
                        throw new MigrateException("Revision " + revision.id() + " takes table " + table + " from "
                                + takes.from() + " but does not depend on " + from.revision() + ", which gives it:"
                                + " an upgrade could take the table before it is given. Add dependsOn = \""
                                + from.revision() + "\" to its @Revision.");
                    }
                    given.remove(table);
                }
            }
        }
        return new TableOwners(owners, given);
    }

    /**
     * The tables that belong to modules other than {@code module} ({@code ""}: the application's own revisions), as
     * name patterns a comparison leaves alone; a table given to {@code module} and not yet taken is its own.
     */
    public List<String> ownedByOthers(String module) {
        return owners.entrySet().stream()
                .filter(e -> !e.getValue().equals(module))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The tables given to {@code module} that it has not taken yet, each with the revision that gave it. */
    public Map<String, Given> toTake(String module) {
        Map<String, Given> toTake = new LinkedHashMap<>();
        handedOver.forEach((table, from) -> {
            if (from.to().equals(module)) {
                toTake.put(table, from);
            }
        });
        return toTake;
    }

    /** The module that owns {@code table}; empty when no revision of the chain created it. */
    public Optional<String> ownerOf(String table) {
        return Optional.ofNullable(owners.get(table));
    }

    private static boolean reaches(RevisionGraph graph, String from, String ancestor) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(ancestor)) {
                return true;
            }
            if (seen.add(id)) {
                RevisionInfo info = graph.get(id);
                todo.addAll(info.revises());
                todo.addAll(info.dependsOn());
            }
        }
        return false;
    }

    private static Optional<String> created(Op op) {
        if (op instanceof TableOp.CreateTable create) {
            return Optional.of(name(create.table()));
        }
        if (op instanceof TableOp.CreatePartition partition) {
            return Optional.of(name(partition.partition()));
        }
        if (op instanceof SequenceOp.CreateSequence sequence) {
            return Optional.of(name(sequence.sequence()));
        }
        if (op instanceof SqlOp.Execute execute) {
            for (Pattern created : List.of(CREATE_TABLE, CREATE_SEQUENCE)) {
                Matcher name = created.matcher(execute.sql());
                if (name.find()) {
                    return Optional.of(name.group(1).replace("\"", ""));
                }
            }
        }
        return Optional.empty();
    }

    private static String name(QualifiedName table) {
        return table.schema() == null ? table.name() : table.schema() + "." + table.name();
    }

    /** The operations of the revision's upgrade, recorded without a database. */
    private static List<Op> recorded(DiscoveredMigration migration) {
        List<Op> ops = new ArrayList<>();
        Operations recording = new Operations() {
            @Override
            public void run(Op op) {
                ops.add(op);
            }

            @Override
            public void jdbc(JdbcWork work) {
                // Java code's tables cannot be known without running it: they belong to no module
            }

            @Override
            public boolean isOffline() {
                return true;
            }
        };
        try {
            migration.newInstance().upgrade(recording);
        } catch (RuntimeException e) {
            throw new MigrateException(
                    "Migration " + migration.info().id() + " ("
                            + migration.type().getName()
                            + ") failed while describing its upgrade, read to learn which module owns its tables: "
                            + e.getMessage(),
                    e);
        }
        return ops;
    }
}
