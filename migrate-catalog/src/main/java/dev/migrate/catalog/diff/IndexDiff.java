package dev.migrate.catalog.diff;

import static dev.migrate.catalog.diff.ShapeMatch.aspects;

import dev.migrate.catalog.Index;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.diff.ScriptBuilder.Part;
import dev.migrate.op.IndexKey;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The indexes of a table on both sides, matched by shape. An index the entities cannot describe
 * (an expression, an operator class, another method) is never dropped.
 */
final class IndexDiff {
    private final DiffContext context;

    IndexDiff(DiffContext context) {
        this.context = context;
    }

    void compare(Table have, Table want) {
        QualifiedName t = context.ops.name(want);
        ObjectName table = want.qualifiedName();
        List<Index> droppable = new ArrayList<>();
        for (Index index : have.indexes()) {
            // an index the entities name is theirs to define, whatever it is today
            if (comparable(index)
                    || want.indexes().stream().anyMatch(i -> i.name().equals(index.name()))) {
                droppable.add(index);
            } else if (want.indexes().stream().noneMatch(i -> shape(i).equals(shape(index)))) {
                context.script.warn("Kept index " + index.name() + " on " + t + ": entities cannot describe it ("
                        + index.definition() + "), so autogenerate leaves it alone.");
            }
        }
        List<Index> wanted = want.indexes().stream()
                // one the entities name is compared with the live index of that name, which is droppable
                .filter(i -> comparable(i)
                        || droppable.stream().anyMatch(d -> d.name().equals(i.name()))
                        || have.indexes().stream().noneMatch(h -> shape(h).equals(shape(i))))
                .toList();
        new ShapeMatch<>(Index::name, IndexDiff::shape)
                .match(
                        droppable,
                        wanted,
                        i -> context.script.table(
                                table,
                                Part.ADD_CONSTRAINT_OR_INDEX,
                                built(
                                        have,
                                        Description.added("index " + i.name() + " on " + t),
                                        List.of(context.ops.index(want, i)),
                                        "index " + i.name() + " on " + want.qualifiedName())),
                        i -> {
                            IndexOp.CreateIndex definition = context.ops.index(have, i);
                            context.script.table(
                                    table,
                                    Part.DROP_CONSTRAINT_OR_INDEX,
                                    Change.of(
                                            Description.removed("index " + i.name() + " on " + t),
                                            new IndexOp.DropIndex(
                                                    definition.table().sibling(i.name()), false, definition)));
                        },
                        (h, w, what) -> {
                            IndexOp.CreateIndex before = context.ops.index(have, h);
                            context.script.replaced(
                                    table,
                                    built(
                                            have,
                                            Description.changed("index " + w.name() + " on " + t, what),
                                            List.of(
                                                    new IndexOp.DropIndex(
                                                            before.table().sibling(h.name()), false, before),
                                                    context.ops.index(want, w)),
                                            "index " + w.name() + " on " + want.qualifiedName()),
                                    ModelOps.replacedAroundColumns(have, want));
                        });
    }

    private static Map<String, @Nullable Object> shape(Index i) {
        return aspects(
                "unique",
                i.unique(),
                "method",
                i.method(),
                "keys",
                i.keys(),
                "INCLUDE",
                i.includeColumns(),
                "WHERE",
                i.where(),
                "NULLS NOT DISTINCT",
                i.nullsNotDistinct(),
                "WITH",
                i.storage());
    }

    /**
     * A btree index on columns, in any order, with or without WHERE, INCLUDE or NULLS NOT DISTINCT:
     * what JPA's {@code @Index(columnList = "a desc, b", options = ...)} can ask for. Expressions,
     * operator classes and other methods cannot be described, so such an index is never dropped.
     */
    boolean comparable(Index i) {
        return context.options.bothRead() || expressibleByEntities(i);
    }

    private static boolean expressibleByEntities(Index i) {
        return "btree".equals(i.method())
                && i.keys().stream().allMatch(k -> ModelOps.indexKey(k) instanceof IndexKey.Column);
    }

    /**
     * A change that builds an index on an existing table, with its hazard; on a partitioned table
     * PostgreSQL cannot build one concurrently ("Concurrent builds for indexes on partitioned tables are
     * currently not supported", CREATE INDEX in its docs), so the lock-safe form leaves it plain and the
     * note says what to do by hand.
     */
    private static Change built(Table have, Description description, List<Op> ops, String subject) {
        if (have.partitioning() == null) {
            return new Change(description, ops, Hazards.index(subject));
        }
        return new Change(
                description,
                ops,
                List.of("Hazard: " + subject + " is built under a SHARE lock on every partition (writes wait), and"
                        + " PostgreSQL cannot build an index on a partitioned table CONCURRENTLY. To keep writes going, build it"
                        + " by hand: CREATE INDEX ... ON ONLY the parent, CREATE INDEX CONCURRENTLY on each partition, then"
                        + " ALTER INDEX ... ATTACH PARTITION for each."));
    }
}
