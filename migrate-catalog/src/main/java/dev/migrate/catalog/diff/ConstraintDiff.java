package dev.migrate.catalog.diff;

import static dev.migrate.catalog.diff.ShapeMatch.aspects;

import dev.migrate.catalog.CheckConstraint;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.catalog.diff.DiffContext.ChangedForeignKey;
import dev.migrate.catalog.diff.ScriptBuilder.Part;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.Deferrability;
import dev.migrate.op.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The primary key, unique, check and foreign key constraints of a table on both sides, matched by
 * shape; and the foreign keys that must let go of a primary key while it is replaced.
 */
final class ConstraintDiff {
    private final DiffContext context;

    ConstraintDiff(DiffContext context) {
        this.context = context;
    }

    void compare(Table have, Table want) {
        QualifiedName t = context.ops.name(want);
        ObjectName table = want.qualifiedName();
        // the same columns in another order are the same key: Hibernate orders an @IdClass key by attribute name
        if (!Objects.equals(primaryKeyShape(have.primaryKey()), primaryKeyShape(want.primaryKey()))) {
            if (have.primaryKey() != null) {
                context.primaryKeyReplaced.add(have.qualifiedName());
                context.script.table(
                        table,
                        Part.DROP_CONSTRAINT_OR_INDEX,
                        Change.of(
                                Description.removed(
                                        "primary key " + have.primaryKey().name() + " of " + t),
                                new ConstraintOp.DropConstraint(
                                        t, have.primaryKey().name(), context.ops.primaryKey(have.primaryKey()))));
            }
            if (want.primaryKey() != null) {
                context.script.table(
                        table,
                        Part.ADD_CONSTRAINT_OR_INDEX,
                        new Change(
                                Description.added(
                                        "primary key " + want.primaryKey().columns()
                                                + (want.primaryKey().deferrable()
                                                        ? " "
                                                                + deferrability(
                                                                        true,
                                                                        want.primaryKey()
                                                                                .initiallyDeferred())
                                                        : "")
                                                + " to " + t),
                                List.of(new ConstraintOp.AddConstraint(t, context.ops.primaryKey(want.primaryKey()))),
                                Hazards.primaryKey(
                                        "primary key " + want.primaryKey().columns() + " of " + table)));
            }
        }
        new ShapeMatch<>(UniqueConstraint::name, this::uniqueShape)
                .match(
                        have.uniqueConstraints(),
                        want.uniqueConstraints(),
                        u -> context.script.table(
                                table,
                                Part.ADD_CONSTRAINT_OR_INDEX,
                                new Change(
                                        Description.added("unique constraint " + u.columns() + " to " + t),
                                        List.of(new ConstraintOp.AddConstraint(t, context.ops.unique(u))),
                                        Hazards.unique("unique constraint " + u.columns() + " on " + table))),
                        u -> dropUnique(have, u),
                        (h, w, what) -> context.script.table(
                                table,
                                Part.ADD_CONSTRAINT_OR_INDEX,
                                new Change(
                                        Description.changed("unique constraint " + w.name() + " on " + t, what),
                                        List.of(
                                                new ConstraintOp.DropConstraint(t, h.name(), context.ops.unique(h)),
                                                new ConstraintOp.AddConstraint(t, context.ops.unique(w))),
                                        Hazards.unique("unique constraint " + w.name() + " on " + table))));
        new ShapeMatch<>(
                        CheckConstraint::name,
                        (CheckConstraint c) -> aspects(
                                "",
                                CheckEquivalence.comparable(ModelOps.checkExpression(c.expression())),
                                "NO INHERIT",
                                c.noInherit(),
                                "NOT ENFORCED",
                                c.notEnforced()))
                .match(
                        have.checkConstraints(),
                        want.checkConstraints(),
                        c -> context.script.table(
                                table,
                                Part.ADD_CONSTRAINT_OR_INDEX,
                                new Change(
                                        Description.added("check constraint " + c.expression() + " to " + t),
                                        List.of(new ConstraintOp.AddConstraint(t, context.ops.check(want, c))),
                                        Hazards.constraint("check constraint " + c.name() + " on " + table))),
                        c -> dropCheck(have, c),
                        (h, w, what) -> context.script.replaced(
                                table,
                                new Change(
                                        Description.changed("check constraint " + w.name() + " on " + t, what),
                                        List.of(
                                                new ConstraintOp.DropConstraint(
                                                        t, h.name(), context.ops.check(have, h)),
                                                new ConstraintOp.AddConstraint(t, context.ops.check(want, w))),
                                        Hazards.constraint("check constraint " + w.name() + " on " + table)),
                                ModelOps.replacedAroundColumns(have, want)));
        new ShapeMatch<>(ForeignKey::name, ConstraintDiff::foreignKeyShape)
                .match(
                        have.foreignKeys(),
                        want.foreignKeys(),
                        fk -> addForeignKey(want, fk, true),
                        fk -> dropForeignKey(have, fk),
                        (h, w, what) -> {
                            Description description = Description.changed(
                                    "foreign key " + w.name() + " on " + want.qualifiedName(), what);
                            // when only its deferrability differs, PostgreSQL alters the key in place: no scan,
                            // no lock on the referenced table
                            Change change = onlyDeferrabilityDiffers(h, w)
                                    ? Change.of(
                                            description,
                                            new ConstraintOp.AlterConstraintDeferrability(
                                                    t,
                                                    h.name(),
                                                    Deferrability.of(w.deferrable(), w.initiallyDeferred()),
                                                    Deferrability.of(h.deferrable(), h.initiallyDeferred())))
                                    : new Change(
                                            description,
                                            List.of(
                                                    new ConstraintOp.DropConstraint(
                                                            t, h.name(), context.ops.foreignKey(h)),
                                                    new ConstraintOp.AddConstraint(t, context.ops.foreignKey(w))),
                                            Hazards.constraint("foreign key " + w.name() + " on " + table));
                            context.script.foreignKey(table, referenced(w), change);
                            context.changedForeignKeys.add(new ChangedForeignKey(change, have, h, w));
                        });
    }

    /**
     * A foreign key that stays as it is but points at a primary key being replaced is dropped
     * before the key and added again after it, since PostgreSQL refuses to drop a key in use.
     */
    void reattachForeignKeys(DatabaseSchema live, DatabaseSchema desired) {
        if (context.primaryKeyReplaced.isEmpty()) {
            return;
        }
        for (ChangedForeignKey changed : context.changedForeignKeys) {
            ForeignKey fk = changed.live();
            if (context.primaryKeyReplaced.contains(referenced(fk))) {
                // the old key lets go before the primary key is replaced, the new one is added after
                Change change = changed.change();
                context.script.withdrawForeignKey(changed.table().qualifiedName(), change);
                dropForeignKey(changed.table(), fk);
                context.script.foreignKey(
                        changed.table().qualifiedName(),
                        referenced(changed.wanted()),
                        new Change(
                                change.description(),
                                List.of(new ConstraintOp.AddConstraint(
                                        context.ops.name(changed.table()), context.ops.foreignKey(changed.wanted()))),
                                change.hazards(),
                                change.notes(),
                                null,
                                false));
            }
        }
        for (Table have : live.tables().values()) {
            Table want = desired.tables().get(have.qualifiedName());
            if (want == null) {
                continue;
            }
            for (ForeignKey fk : have.foreignKeys()) {
                boolean pointsAtReplacedKey = context.primaryKeyReplaced.contains(referenced(fk));
                Optional<ForeignKey> kept = want.foreignKeys().stream()
                        .filter(w -> foreignKeyShape(w).equals(foreignKeyShape(fk)))
                        .findFirst();
                if (pointsAtReplacedKey && kept.isPresent()) {
                    dropForeignKey(have, fk);
                    addForeignKey(want, kept.get(), true);
                }
            }
        }
    }

    /** @param existing whether the table is in the database already (not created by the same migration) */
    void addForeignKey(Table table, ForeignKey fk, boolean existing) {
        context.script.foreignKey(
                table.qualifiedName(),
                referenced(fk),
                new Change(
                                Description.added("foreign key " + fk.columns() + " -> " + fk.referencedTable()
                                        + fk.referencedColumns() + " on " + table.qualifiedName()),
                                List.of(new ConstraintOp.AddConstraint(
                                        context.ops.name(table), context.ops.foreignKey(fk))),
                                List.of())
                        .withHazards(
                                existing
                                        ? List.of(Hazards.constraint(
                                                "foreign key " + fk.name() + " on " + table.qualifiedName()))
                                        : List.of()));
    }

    /** A unique constraint of {@code table} dropped before its columns change. */
    void dropUnique(Table table, UniqueConstraint unique) {
        QualifiedName t = context.ops.name(table);
        context.script.table(
                table.qualifiedName(),
                Part.DROP_CONSTRAINT_OR_INDEX,
                Change.of(
                        Description.removed("unique constraint " + unique.name() + " of " + t),
                        new ConstraintOp.DropConstraint(t, unique.name(), context.ops.unique(unique))));
    }

    /** A check constraint of {@code table} dropped before its columns change. */
    void dropCheck(Table table, CheckConstraint check) {
        QualifiedName t = context.ops.name(table);
        context.script.table(
                table.qualifiedName(),
                Part.DROP_CONSTRAINT_OR_INDEX,
                Change.of(
                        Description.removed("check constraint " + check.name() + " of " + t),
                        new ConstraintOp.DropConstraint(t, check.name(), context.ops.check(table, check))));
    }

    /** Foreign keys let go before anything else changes: what they point at may change or go. */
    void dropForeignKey(Table table, ForeignKey fk) {
        context.script.letGo(
                table.qualifiedName(),
                Change.of(
                        Description.removed("foreign key " + fk.name() + " of " + table.qualifiedName()),
                        new ConstraintOp.DropConstraint(
                                context.ops.name(table), fk.name(), context.ops.foreignKey(fk))));
    }

    /** Whether the two keys differ in their deferrability alone, which {@code ALTER CONSTRAINT} changes. */
    private static boolean onlyDeferrabilityDiffers(ForeignKey have, ForeignKey want) {
        return foreignKeyShape(have.withDeferrability(want.deferrable(), want.initiallyDeferred()))
                .equals(foreignKeyShape(want));
    }

    private static ObjectName referenced(ForeignKey fk) {
        return ObjectName.of(fk.referencedSchema(), fk.referencedTable());
    }

    /**
     * The columns in any order, and whether the key is deferrable where both sides were read from a
     * catalog: entities cannot say {@code DEFERRABLE}, so a key made so by hand stays so for autogenerate.
     */
    private @Nullable List<String> primaryKeyShape(@Nullable PrimaryKey pk) {
        if (pk == null) {
            return null;
        }
        List<String> shape = new ArrayList<>(sorted(pk.columns()));
        if (context.options.bothRead()) {
            shape.add(deferrability(pk.deferrable(), pk.initiallyDeferred()));
            shape.add("WITH " + pk.storage());
        }
        return shape;
    }

    private static List<String> sorted(List<String> columns) {
        return columns.stream().sorted().toList();
    }

    private static String deferrability(boolean deferrable, boolean initiallyDeferred) {
        return !deferrable
                ? "NOT DEFERRABLE"
                : initiallyDeferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE";
    }

    /** Columns in any order: like a primary key, a unique constraint's column order is not expressible by entities. */
    /**
     * The columns in any order, NULLS NOT DISTINCT and deferrability, and the storage parameters of the
     * constraint's index where both sides were read from a catalog: entities cannot say {@code WITH (...)}.
     */
    private Map<String, Object> uniqueShape(UniqueConstraint u) {
        return aspects(
                "columns",
                sorted(u.columns()),
                "NULLS NOT DISTINCT",
                u.nullsNotDistinct(),
                "",
                deferrability(u.deferrable(), u.initiallyDeferred()),
                "WITH",
                context.options.bothRead() ? u.storage() : Map.of());
    }

    private static Map<String, Object> foreignKeyShape(ForeignKey fk) {
        return aspects(
                "columns",
                fk.columns(),
                "references",
                fk.referencedTableName() + fk.referencedColumns().toString(),
                "MATCH",
                fk.matchFull() ? "FULL" : "SIMPLE",
                "ON DELETE",
                fk.onDelete().sql() + (fk.onDeleteColumns().isEmpty() ? "" : " " + fk.onDeleteColumns()),
                "ON UPDATE",
                fk.onUpdate().sql(),
                "",
                deferrability(fk.deferrable(), fk.initiallyDeferred()),
                "NOT ENFORCED",
                fk.notEnforced());
    }
}
