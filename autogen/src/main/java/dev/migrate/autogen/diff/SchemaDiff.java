package dev.migrate.autogen.diff;

import dev.migrate.autogen.diff.Change.Phase;
import dev.migrate.autogen.schema.CheckConstraint;
import dev.migrate.autogen.schema.Column;
import dev.migrate.autogen.schema.DatabaseSchema;
import dev.migrate.autogen.schema.EnumType;
import dev.migrate.autogen.schema.ForeignKey;
import dev.migrate.autogen.schema.Index;
import dev.migrate.autogen.schema.QualifiedName;
import dev.migrate.autogen.schema.Sequence;
import dev.migrate.autogen.schema.Table;
import dev.migrate.autogen.schema.UniqueConstraint;
import dev.migrate.op.IndexKey;
import dev.migrate.op.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares the live schema with the schema the entities describe, both read by the same catalog
 * reader, and lists the changes that make the live one match.
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
    public record Options(String defaultSchema, Map<String, String> renames, RenameDecider decider, TypeChanges typeChanges) {
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

    private final Options options;
    private final ModelOps ops;
    private final List<Change> changes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** Tables whose primary key is dropped and added again: foreign keys that point at it must let go first. */
    private final Set<QualifiedName> primaryKeyReplaced = new HashSet<>();
    /** Foreign keys written as one change in place, with the live key: split when they point at a replaced key. */
    private final List<ChangedForeignKey> changedForeignKeys = new ArrayList<>();

    private record ChangedForeignKey(Change change, Table table, ForeignKey live) {}

    private SchemaDiff(Options options) {
        this.options = options;
        this.ops = new ModelOps(options.defaultSchema());
    }

    public static DiffResult compare(DatabaseSchema live, DatabaseSchema desired, Options options) {
        SchemaDiff diff = new SchemaDiff(options);
        diff.enums(live, desired);
        diff.sequences(live, desired);
        diff.tables(live, desired);
        return new DiffResult(diff.changes, diff.warnings);
    }

    // ---- enum types ----

    private void enums(DatabaseSchema live, DatabaseSchema desired) {
        for (EnumType want : desired.enumTypes().values()) {
            EnumType have = live.enumTypes().get(want.qualifiedName());
            if (have == null) {
                add(Change.of(Phase.CREATE_ENUM, "added enum type " + want.qualifiedName() + " " + want.labels(),
                        ops.createEnum(want)));
            } else if (!have.labels().equals(want.labels())) {
                enumLabels(have, want);
            }
        }
        for (EnumType have : live.enumTypes().values()) {
            if (!desired.enumTypes().containsKey(have.qualifiedName())) {
                add(Change.of(Phase.DROP_ENUM, "removed enum type " + have.qualifiedName(),
                        new Op.DropEnum(ops.name(have.schema(), have.name()), have.labels())));
            }
        }
    }

    private void enumLabels(EnumType have, EnumType want) {
        List<String> kept = want.labels().stream().filter(have.labels()::contains).toList();
        if (!kept.equals(have.labels())) {
            add(new Change(Phase.MANUAL, "enum type " + have.qualifiedName() + " labels changed from " + have.labels()
                    + " to " + want.labels(), List.of(), List.of("PostgreSQL cannot remove or reorder enum labels in place: "
                    + "write this change by hand (create a new type, convert the columns, drop the old type).")));
            return;
        }
        List<String> labels = want.labels();
        for (int i = 0; i < labels.size(); i++) {
            if (have.labels().contains(labels.get(i))) {
                continue;
            }
            String after = i > 0 ? labels.get(i - 1) : null;
            String before = after == null ? labels.get(i + 1) : null;
            add(Change.of(Phase.CREATE_ENUM, "added label '" + labels.get(i) + "' to enum type " + have.qualifiedName(),
                    new Op.AddEnumValue(ops.name(have.schema(), have.name()), labels.get(i), before, after),
                    "PostgreSQL cannot remove an enum label: the downgrade leaves '" + labels.get(i) + "' in place."));
        }
    }

    // ---- sequences ----

    private void sequences(DatabaseSchema live, DatabaseSchema desired) {
        for (Sequence want : desired.sequences().values()) {
            Sequence have = live.sequences().get(want.qualifiedName());
            if (have == null) {
                add(Change.of(Phase.CREATE_SEQUENCE, "added sequence " + want.qualifiedName(), ops.createSequence(want)));
            } else {
                alterSequence(have, want);
            }
        }
        for (Sequence have : live.sequences().values()) {
            if (!desired.sequences().containsKey(have.qualifiedName()) && have.ownedBy() == null) {
                Op.CreateSequence definition = ops.createSequence(have);
                add(Change.of(Phase.DROP_SEQUENCE, "removed sequence " + have.qualifiedName(),
                        new Op.DropSequence(definition.sequence(), definition)));
            }
        }
    }

    /**
     * Options that differ are altered in place: never a drop and re-create, which would restart the
     * sequence under rows that already hold its values. START is left alone on a sequence in use,
     * since it only tells what a RESTART would go back to.
     */
    private void alterSequence(Sequence have, Sequence want) {
        SequenceDelta delta = new SequenceDelta(have.inUse())
                .compare("type", have.dataType(), want.dataType())
                .compare("increment", have.increment(), want.increment())
                .compare("minvalue", have.min(), want.min())
                .compare("maxvalue", have.max(), want.max())
                .compare("start", have.start(), want.start())
                .compare("cache", have.cache(), want.cache())
                .compare("cycle", have.cycle(), want.cycle());
        delta.ignoredStart().ifPresent(note -> warnings.add("Sequence " + want.qualifiedName() + ": " + note));
        if (!delta.isEmpty()) {
            add(Change.of(Phase.CREATE_SEQUENCE, "sequence " + want.qualifiedName() + ": " + delta.description(),
                    new Op.AlterSequence(ops.name(want.schema(), want.name()), delta.to(), delta.from())));
        }
    }

    // ---- tables ----

    private void tables(DatabaseSchema live, DatabaseSchema desired) {
        Map<QualifiedName, Table> added = new LinkedHashMap<>();
        Map<QualifiedName, Table> removed = new LinkedHashMap<>();
        for (Table want : desired.tables().values()) {
            Table have = live.tables().get(want.qualifiedName());
            if (have == null) {
                added.put(want.qualifiedName(), want);
            } else {
                alterTable(have, want);
            }
        }
        live.tables().values().stream().filter(t -> !desired.tables().containsKey(t.qualifiedName()))
                .forEach(t -> removed.put(t.qualifiedName(), t));

        for (Table gone : List.copyOf(removed.values())) {
            Optional<Table> renamedTo = added.values().stream()
                    .filter(t -> t.schema().equals(gone.schema()) && isTableRename(gone, t)).findFirst();
            if (renamedTo.isPresent()) {
                Table target = renamedTo.get();
                removed.remove(gone.qualifiedName());
                added.remove(target.qualifiedName());
                add(Change.of(Phase.RENAME, "renamed table " + gone.qualifiedName() + " to " + target.name(),
                        new Op.RenameTable(ops.name(gone), target.name())));
                alterTable(renamed(gone, target.name()), target);
            }
        }
        for (Table want : added.values()) {
            createTable(want);
        }
        reattachForeignKeys(live, desired);
        for (Table have : removed.values()) {
            dropTable(have);
        }
    }

    private boolean isTableRename(Table from, Table to) {
        String hint = options.renames().get(from.name());
        if (hint != null) {
            return hint.equals(to.name());
        }
        if (!sameColumnNames(from, to)) {
            return false;
        }
        if (options.decider().isRename("table", null, from.qualifiedName().toString(), to.qualifiedName().toString())) {
            return true;
        }
        warnings.add("Table " + from.qualifiedName() + " looks renamed to " + to.qualifiedName() + ", but it is written as "
                + "DROP TABLE plus CREATE TABLE, which loses its data. To rename it instead, run again with "
                + "-Dmigrate.renames=" + from.name() + "=" + to.name() + ".");
        return false;
    }

    private static boolean sameColumnNames(Table a, Table b) {
        return a.columns().stream().map(Column::name).sorted().toList()
                .equals(b.columns().stream().map(Column::name).sorted().toList());
    }

    private static Table renamed(Table t, String name) {
        return new Table(t.schema(), name, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(),
                t.checkConstraints(), t.exclusionConstraints(), t.indexes(), t.comment());
    }

    private void createTable(Table want) {
        add(Change.of(Phase.CREATE_TABLE, "added table " + want.qualifiedName(), ops.createTable(want)));
        for (Index index : want.indexes()) {
            add(Change.of(Phase.ADD_INDEX_OR_CONSTRAINT, "added index " + index.name() + " on " + want.qualifiedName(),
                    ops.index(want, index)));
        }
        for (ForeignKey fk : want.foreignKeys()) {
            add(foreignKeyChange(want, fk));
        }
    }

    private void dropTable(Table have) {
        // drop what a re-created table would need back explicitly, so the downgrade restores it too
        for (ForeignKey fk : have.foreignKeys()) {
            add(dropForeignKeyChange(have, fk));
        }
        for (Index index : have.indexes()) {
            Op.CreateIndex definition = ops.index(have, index);
            add(Change.of(Phase.DROP_INDEX_OR_CONSTRAINT, "removed index " + index.name() + " on " + have.qualifiedName(),
                    new Op.DropIndex(definition.table().sibling(index.name()), false, definition)));
        }
        Op.CreateTable definition = ops.createTable(have);
        List<String> notes = new ArrayList<>();
        notes.add("Hazard: drops table " + have.qualifiedName() + " and all its rows.");
        for (var exclusion : have.exclusionConstraints()) {
            // the op model has no exclusion constraint, so the downgrade cannot bring it back by itself
            notes.add("The downgrade does not restore exclusion constraint " + exclusion.name() + " (" + exclusion.definition()
                    + "); add it to downgrade with op.execute(\"ALTER TABLE ... ADD CONSTRAINT ...\").");
        }
        add(new Change(Phase.DROP_TABLE, "removed table " + have.qualifiedName(),
                List.of(new Op.DropTable(definition.table(), definition)), notes));
    }

    // ---- columns ----

    private void alterTable(Table have, Table want) {
        Map<String, Column> added = new LinkedHashMap<>();
        Map<String, Column> removed = new LinkedHashMap<>();
        for (Column c : want.columns()) {
            Column old = have.column(c.name());
            if (old == null) {
                added.put(c.name(), c);
            } else {
                alterColumn(want, old, c);
            }
        }
        have.columns().stream().filter(c -> want.column(c.name()) == null).forEach(c -> removed.put(c.name(), c));
        for (Column gone : List.copyOf(removed.values())) {
            Optional<Column> renamedTo = added.values().stream().filter(c -> isColumnRename(want, gone, c)).findFirst();
            if (renamedTo.isPresent()) {
                Column target = renamedTo.get();
                removed.remove(gone.name());
                added.remove(target.name());
                add(Change.of(Phase.RENAME, "renamed column " + want.qualifiedName() + "." + gone.name() + " to " + target.name(),
                        new Op.RenameColumn(ops.name(want), gone.name(), target.name())));
                alterColumn(want, renamedColumn(gone, target.name()), target);
            }
        }
        for (Column c : added.values()) {
            dev.migrate.op.Column column = ops.column(c);
            List<String> notes = new ArrayList<>();
            if (!c.nullable() && c.defaultExpression() == null && c.identity() == null && c.generated() == null) {
                notes.add("Hazard: a NOT NULL column without a default fails on a table that has rows; add a default or "
                        + "fill the column in a data migration first.");
            }
            add(new Change(Phase.ALTER_TABLE, "added column " + want.qualifiedName() + "." + c.name(),
                    List.of(new Op.AddColumn(ops.name(want), column)), notes));
        }
        for (Column c : removed.values()) {
            add(Change.of(Phase.DROP_COLUMN, "removed column " + want.qualifiedName() + "." + c.name(),
                    new Op.DropColumn(ops.name(want), c.name(), ops.column(c)),
                    "Hazard: drops column " + want.qualifiedName() + "." + c.name() + " and its data."));
        }
        constraints(have, want);
        if (!Objects.equals(have.comment(), want.comment())) {
            add(Change.of(Phase.COMMENT, "changed comment of table " + want.qualifiedName(),
                    new Op.CommentOnTable(ops.name(want), want.comment(), have.comment())));
        }
    }

    private boolean isColumnRename(Table table, Column from, Column to) {
        String hint = options.renames().get(table.name() + "." + from.name());
        if (hint != null) {
            return hint.equals(to.name());
        }
        if (!from.type().equals(to.type())) {
            return false;
        }
        if (options.decider().isRename("column", table.qualifiedName().toString(), from.name(), to.name())) {
            return true;
        }
        warnings.add("Column " + table.qualifiedName() + "." + from.name() + " looks renamed to " + to.name() + ", but it is "
                + "written as DROP COLUMN plus ADD COLUMN, which loses its data. To rename it instead, run again with "
                + "-Dmigrate.renames=" + table.name() + "." + from.name() + "=" + to.name() + ".");
        return false;
    }

    private static Column renamedColumn(Column c, String name) {
        return new Column(name, c.type(), c.nullable(), c.defaultExpression(), c.identity(), c.generated(), c.collation(),
                c.comment());
    }

    private void alterColumn(Table table, Column have, Column want) {
        dev.migrate.op.QualifiedName t = ops.name(table);
        String where = "column " + table.qualifiedName() + "." + want.name() + ": ";
        if (!Objects.equals(have.generated(), want.generated())) {
            generationChange(table, have, want, where);
            return;
        }
        if (!sameType(have.type(), want.type())) {
            TypeChanges casts = options.typeChanges();
            String using = casts.needsUsing(have.type(), want.type()) ? castOf(want.name(), want.type()) : null;
            String reverseUsing = casts.needsUsing(want.type(), have.type()) ? castOf(want.name(), have.type()) : null;
            boolean rewrites = casts.rewrites(have.type(), want.type());
            List<String> notes = new ArrayList<>();
            notes.add("Locks " + table.qualifiedName() + " with ACCESS EXCLUSIVE (no reads or writes) while it runs; "
                    + (rewrites ? "rewrites the table and its indexes (" + have.type() + " to " + want.type()
                            + " is not binary coercible)." : "no rewrite (" + have.type() + " to " + want.type()
                            + " keeps the stored values), so it is brief."));
            if (using != null) {
                notes.add("Hazard: PostgreSQL has no assignment cast from " + have.type() + " to " + want.type()
                        + ", so the change converts with USING " + using + "; it fails if a value does not convert.");
            }
            add(new Change(Phase.ALTER_TABLE, where + "type " + have.type() + " -> " + want.type(),
                    List.of(new Op.AlterColumnType(t, want.name(), want.type(), using, have.type(), null, null, reverseUsing)),
                    notes));
        }
        if (!Objects.equals(have.collation(), want.collation())) {
            add(Change.of(Phase.ALTER_TABLE, where + "collation " + collationName(have.collation()) + " -> "
                            + collationName(want.collation()),
                    new Op.AlterColumnType(t, want.name(), want.type(), null, want.type(), collationOf(want.collation()),
                            collationOf(have.collation()), null),
                    "Locks " + table.qualifiedName() + " with ACCESS EXCLUSIVE while it runs; the values are kept and "
                            + "indexes on the column are rebuilt in the new order."));
        }
        if (have.identity() != null && want.identity() != null) {
            alterIdentity(t, have, want, where);
        } else if (!Objects.equals(have.identity(), want.identity())) {
            if (have.identity() != null) {
                add(Change.of(Phase.ALTER_TABLE, where + "identity removed",
                        new Op.DropIdentity(t, want.name(), ops.identity(have.identity(), have.type()))));
            }
            if (want.identity() != null) {
                add(Change.of(Phase.ALTER_TABLE, where + "identity added",
                        new Op.AddIdentity(t, want.name(), ops.identity(want.identity(), want.type()))));
            }
        }
        if (!Objects.equals(have.defaultExpression(), want.defaultExpression())) {
            add(Change.of(Phase.ALTER_TABLE, where + "default " + have.defaultExpression() + " -> " + want.defaultExpression(),
                    new Op.AlterColumnDefault(t, want.name(), want.defaultExpression(), have.defaultExpression())));
        }
        if (have.nullable() != want.nullable()) {
            add(Change.of(Phase.ALTER_TABLE, where + (want.nullable() ? "NOT NULL -> NULL" : "NULL -> NOT NULL"),
                    new Op.AlterColumnNullable(t, want.name(), want.nullable()),
                    want.nullable() ? new String[0] : new String[] {"Hazard: fails if the column holds NULLs; fill them "
                            + "first. Locks " + table.qualifiedName() + " with ACCESS EXCLUSIVE while it scans every row "
                            + "(a validated CHECK (" + want.name() + " IS NOT NULL) beforehand makes the scan unnecessary)."}));
        }
        if (!Objects.equals(have.comment(), want.comment())) {
            add(Change.of(Phase.COMMENT, where + "comment " + quoted(have.comment()) + " -> " + quoted(want.comment()),
                    new Op.CommentOnColumn(t, want.name(), want.comment(), have.comment())));
        }
    }

    private static String quoted(String text) {
        if (text == null) {
            return "none";
        }
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return "'" + shown.replace("\n", " ") + "'";
    }

    /**
     * An identity column whose options differ keeps its sequence (and so its current value): ALTER
     * COLUMN ... SET, never DROP IDENTITY plus ADD, which would start numbering again.
     */
    private void alterIdentity(dev.migrate.op.QualifiedName t, Column have, Column want, String where) {
        var before = have.identity();
        var after = want.identity();
        SequenceDelta delta = new SequenceDelta(before.inUse())
                .compare("increment", before.increment(), after.increment())
                .compare("minvalue", before.min(), after.min())
                .compare("maxvalue", before.max(), after.max())
                .compare("start", before.start(), after.start())
                .compare("cache", before.cache(), after.cache())
                .compare("cycle", before.cycle(), after.cycle());
        delta.ignoredStart().ifPresent(note -> warnings.add("Identity of " + where.substring(0, where.length() - 2) + ": " + note));
        boolean generation = before.generation() != after.generation();
        if (delta.isEmpty() && !generation) {
            return;
        }
        List<String> described = new ArrayList<>();
        if (generation) {
            described.add("generated " + before.generation().sql() + " -> " + after.generation().sql());
        }
        if (!delta.isEmpty()) {
            described.add(delta.description());
        }
        boolean always = after.generation() == dev.migrate.autogen.schema.Identity.Generation.ALWAYS;
        add(Change.of(Phase.ALTER_TABLE, where + "identity " + String.join(", ", described),
                new Op.AlterIdentity(t, want.name(), generation ? always : null, delta.to(), generation ? !always : null,
                        delta.from())));
    }

    /**
     * A generated column's values come from the other columns, so dropping and adding it again
     * loses nothing; a plain column that becomes generated (or the reverse) does lose its values.
     */
    private void generationChange(Table table, Column have, Column want, String where) {
        dev.migrate.op.QualifiedName t = ops.name(table);
        List<String> notes = new ArrayList<>();
        if (have.generated() == null || want.generated() == null) {
            notes.add("Hazard: the column is dropped and added again " + (have.generated() == null
                    ? "as a generated column, so its stored values are replaced by computed ones."
                    : "as a plain column, so it starts empty; fill it in a data migration."));
        } else {
            notes.add("The column is dropped and added again; its values are computed from the other columns, so nothing is "
                    + "lost" + (want.generated().stored() ? ", but the table is rewritten to store them." : "."));
        }
        add(new Change(Phase.ALTER_TABLE, where + "generated " + generation(have) + " -> " + generation(want),
                List.of(new Op.DropColumn(t, have.name(), ops.column(have)), new Op.AddColumn(t, ops.column(want))), notes));
    }

    private static String generation(Column c) {
        return c.generated() == null ? "no" : "AS (" + c.generated().expression() + ") "
                + (c.generated().stored() ? "STORED" : "VIRTUAL");
    }

    /**
     * {@code timestamp} and {@code timestamp(6)} (and the same for timestamptz, time, timetz and
     * interval) are one type: 6 is the default and the largest precision.
     */
    static boolean sameType(String a, String b) {
        return a.equals(b) || withoutDefaultPrecision(a).equals(withoutDefaultPrecision(b));
    }

    private static String withoutDefaultPrecision(String type) {
        return type.replaceFirst("^(timestamp|time|interval)\\(6\\)", "$1");
    }

    private static String castOf(String column, String type) {
        return dev.migrate.sql.Identifiers.quote(column) + "::" + type;
    }

    /** The catalog spells a collation quoted, as in DDL; none means the type's default. */
    private static String collationOf(String catalogCollation) {
        return catalogCollation == null ? "default" : ModelOps.unquote(catalogCollation);
    }

    private static String collationName(String catalogCollation) {
        return catalogCollation == null ? "default" : catalogCollation;
    }

    // ---- constraints and indexes ----

    private void constraints(Table have, Table want) {
        dev.migrate.op.QualifiedName t = ops.name(want);
        // the same columns in another order are the same key: Hibernate orders an @IdClass key by attribute name
        if (!Objects.equals(have.primaryKey() == null ? null : sorted(have.primaryKey().columns()),
                want.primaryKey() == null ? null : sorted(want.primaryKey().columns()))) {
            if (have.primaryKey() != null) {
                primaryKeyReplaced.add(have.qualifiedName());
                add(Change.of(Phase.DROP_INDEX_OR_CONSTRAINT, "removed primary key " + have.primaryKey().name() + " of " + t,
                        new Op.DropConstraint(t, have.primaryKey().name(), ops.primaryKey(have.primaryKey()))));
            }
            if (want.primaryKey() != null) {
                add(Change.of(Phase.ADD_INDEX_OR_CONSTRAINT, "added primary key " + want.primaryKey().columns() + " to " + t,
                        new Op.AddConstraint(t, ops.primaryKey(want.primaryKey()))));
            }
        }
        matchByShape(have.uniqueConstraints(), want.uniqueConstraints(), UniqueConstraint::name, SchemaDiff::uniqueShape,
                u -> Change.of(Phase.ADD_INDEX_OR_CONSTRAINT, "added unique constraint " + u.columns() + " to " + t,
                        new Op.AddConstraint(t, ops.unique(u))),
                u -> Change.of(Phase.DROP_INDEX_OR_CONSTRAINT, "removed unique constraint " + u.name() + " of " + t,
                        new Op.DropConstraint(t, u.name(), ops.unique(u))),
                (h, w, what) -> new Change(Phase.ADD_INDEX_OR_CONSTRAINT, "unique constraint " + w.name() + " on " + t + ": " + what,
                        List.of(new Op.DropConstraint(t, h.name(), ops.unique(h)), new Op.AddConstraint(t, ops.unique(w))), List.of()));
        matchByShape(have.checkConstraints(), want.checkConstraints(), CheckConstraint::name,
                c -> aspects("", ModelOps.checkExpression(c.expression())),
                c -> Change.of(Phase.ADD_INDEX_OR_CONSTRAINT, "added check constraint " + c.expression() + " to " + t,
                        new Op.AddConstraint(t, ops.check(c))),
                c -> Change.of(Phase.DROP_INDEX_OR_CONSTRAINT, "removed check constraint " + c.name() + " of " + t,
                        new Op.DropConstraint(t, c.name(), ops.check(c))),
                (h, w, what) -> new Change(Phase.ADD_INDEX_OR_CONSTRAINT, "check constraint " + w.name() + " on " + t + ": " + what,
                        List.of(new Op.DropConstraint(t, h.name(), ops.check(h)), new Op.AddConstraint(t, ops.check(w))), List.of()));
        matchByShape(have.foreignKeys(), want.foreignKeys(), ForeignKey::name, SchemaDiff::foreignKeyShape,
                fk -> foreignKeyChange(want, fk), fk -> dropForeignKeyChange(have, fk),
                (h, w, what) -> {
                    Change change = new Change(Phase.ADD_FOREIGN_KEY, "foreign key " + w.name() + " on " + want.qualifiedName() + ": " + what,
                            List.of(new Op.DropConstraint(t, h.name(), ops.foreignKey(h)), new Op.AddConstraint(t, ops.foreignKey(w))),
                            List.of());
                    changedForeignKeys.add(new ChangedForeignKey(change, have, h));
                    return change;
                });
        List<Index> droppable = new ArrayList<>();
        for (Index index : have.indexes()) {
            // an index the entities name is theirs to define, whatever it is today
            if (expressibleByEntities(index) || want.indexes().stream().anyMatch(i -> i.name().equals(index.name()))) {
                droppable.add(index);
            } else if (want.indexes().stream().noneMatch(i -> indexShape(i).equals(indexShape(index)))) {
                warnings.add("Kept index " + index.name() + " on " + t + ": entities cannot describe it (" + index.definition()
                        + "), so autogenerate leaves it alone.");
            }
        }
        List<Index> wanted = want.indexes().stream()
                .filter(i -> expressibleByEntities(i) || have.indexes().stream().noneMatch(h -> indexShape(h).equals(indexShape(i))))
                .toList();
        matchByShape(droppable, wanted, Index::name, SchemaDiff::indexShape,
                i -> Change.of(Phase.ADD_INDEX_OR_CONSTRAINT, "added index " + i.name() + " on " + t, ops.index(want, i)),
                i -> {
                    Op.CreateIndex definition = ops.index(have, i);
                    return Change.of(Phase.DROP_INDEX_OR_CONSTRAINT, "removed index " + i.name() + " on " + t,
                            new Op.DropIndex(definition.table().sibling(i.name()), false, definition));
                },
                (h, w, what) -> {
                    Op.CreateIndex before = ops.index(have, h);
                    return new Change(Phase.ADD_INDEX_OR_CONSTRAINT, "index " + w.name() + " on " + t + ": " + what,
                            List.of(new Op.DropIndex(before.table().sibling(h.name()), false, before), ops.index(want, w)), List.of());
                });
    }

    /**
     * A foreign key that stays as it is but points at a primary key being replaced is dropped
     * before the key and added again after it, since PostgreSQL refuses to drop a key in use.
     */
    private void reattachForeignKeys(DatabaseSchema live, DatabaseSchema desired) {
        if (primaryKeyReplaced.isEmpty()) {
            return;
        }
        for (ChangedForeignKey changed : changedForeignKeys) {
            ForeignKey fk = changed.live();
            if (primaryKeyReplaced.contains(QualifiedName.of(fk.referencedSchema(), fk.referencedTable()))) {
                // the old key lets go before the primary key is replaced, the new one is added after
                Change change = changed.change();
                changes.remove(change);
                add(dropForeignKeyChange(changed.table(), fk));
                add(new Change(Phase.ADD_FOREIGN_KEY, change.description(), change.ops().subList(1, 2), List.of()));
            }
        }
        for (Table have : live.tables().values()) {
            Table want = desired.tables().get(have.qualifiedName());
            if (want == null) {
                continue;
            }
            for (ForeignKey fk : have.foreignKeys()) {
                boolean pointsAtReplacedKey = primaryKeyReplaced.contains(QualifiedName.of(fk.referencedSchema(), fk.referencedTable()));
                Optional<ForeignKey> kept = want.foreignKeys().stream()
                        .filter(w -> foreignKeyShape(w).equals(foreignKeyShape(fk))).findFirst();
                if (pointsAtReplacedKey && kept.isPresent()) {
                    add(dropForeignKeyChange(have, fk));
                    add(foreignKeyChange(want, kept.get()));
                }
            }
        }
    }

    /** What replaces an object that kept its name but not its shape; {@code what} names each aspect that differs. */
    private interface OnChange<T> {
        Change apply(T have, T want, String what);
    }

    /**
     * Pairs objects of the two sides by shape; an object left over on both sides under the same name
     * changed (one change naming what differs), what else has no partner is added or removed.
     *
     * @param shape the aspects that define the object, by label, for matching and for describing a change
     */
    private <T> void matchByShape(List<T> have, List<T> want, Function<T, String> name, Function<T, Map<String, Object>> shape,
                                  Function<T, Change> onAdd, Function<T, Change> onRemove, OnChange<T> onChange) {
        Map<Object, List<T>> unmatched = new HashMap<>();
        for (T h : have) {
            unmatched.computeIfAbsent(shape.apply(h), k -> new ArrayList<>()).add(h);
        }
        List<T> unmatchedWanted = new ArrayList<>();
        for (T w : want) {
            List<T> candidates = unmatched.get(shape.apply(w));
            if (candidates != null && !candidates.isEmpty()) {
                // same shape, possibly another name: prefer the same name when there are several
                T match = candidates.stream().filter(h -> name.apply(h).equals(name.apply(w))).findFirst().orElse(candidates.get(0));
                candidates.remove(match);
            } else {
                unmatchedWanted.add(w);
            }
        }
        List<T> unmatchedHave = new ArrayList<>();
        unmatched.values().forEach(unmatchedHave::addAll);
        for (T w : unmatchedWanted) {
            Optional<T> sameName = unmatchedHave.stream().filter(h -> name.apply(h).equals(name.apply(w))).findFirst();
            if (sameName.isPresent()) {
                unmatchedHave.remove(sameName.get());
                add(onChange.apply(sameName.get(), w, differences(shape.apply(sameName.get()), shape.apply(w))));
            } else {
                add(onAdd.apply(w));
            }
        }
        unmatchedHave.forEach(h -> add(onRemove.apply(h)));
    }

    /** {@code ON DELETE NO ACTION -> CASCADE, DEFERRABLE ...}: each aspect that differs, old value then new. */
    private static String differences(Map<String, Object> have, Map<String, Object> want) {
        List<String> parts = new ArrayList<>();
        have.forEach((label, old) -> {
            Object now = want.get(label);
            if (!Objects.equals(old, now)) {
                parts.add((label.isEmpty() ? "" : label + " ") + (old == null ? "none" : old) + " -> " + (now == null ? "none" : now));
            }
        });
        return String.join(", ", parts);
    }

    /** Labels and values in pairs, in the order a description names them; values may be null. */
    private static Map<String, Object> aspects(Object... labelsAndValues) {
        Map<String, Object> aspects = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            aspects.put((String) labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return aspects;
    }

    private static List<String> sorted(List<String> columns) {
        return columns.stream().sorted().toList();
    }

    private static String deferrability(boolean deferrable, boolean initiallyDeferred) {
        return !deferrable ? "NOT DEFERRABLE" : initiallyDeferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE";
    }

    /** Columns in any order: like a primary key, a unique constraint's column order is not expressible by entities. */
    private static Map<String, Object> uniqueShape(UniqueConstraint u) {
        return aspects("columns", sorted(u.columns()), "NULLS NOT DISTINCT", u.nullsNotDistinct(),
                "", deferrability(u.deferrable(), u.initiallyDeferred()));
    }

    private static Map<String, Object> foreignKeyShape(ForeignKey fk) {
        return aspects("columns", fk.columns(), "references", fk.referencedTableName() + fk.referencedColumns().toString(),
                "ON DELETE", fk.onDelete().sql(), "ON UPDATE", fk.onUpdate().sql(), "", deferrability(fk.deferrable(), fk.initiallyDeferred()));
    }

    private static Map<String, Object> indexShape(Index i) {
        return aspects("unique", i.unique(), "method", i.method(), "keys", i.keys(), "INCLUDE", i.includeColumns(),
                "WHERE", i.where(), "NULLS NOT DISTINCT", i.nullsNotDistinct());
    }

    /**
     * A btree index on columns, in any order, with or without WHERE, INCLUDE or NULLS NOT DISTINCT:
     * what JPA's {@code @Index(columnList = "a desc, b", options = ...)} can ask for. Expressions,
     * operator classes and other methods cannot be described, so such an index is never dropped.
     */
    private static boolean expressibleByEntities(Index i) {
        return "btree".equals(i.method()) && i.keys().stream().allMatch(k -> ModelOps.indexKey(k) instanceof IndexKey.Column);
    }

    private Change foreignKeyChange(Table table, ForeignKey fk) {
        return Change.of(Phase.ADD_FOREIGN_KEY, "added foreign key " + fk.columns() + " -> " + fk.referencedTable()
                + fk.referencedColumns() + " on " + table.qualifiedName(), new Op.AddConstraint(ops.name(table), ops.foreignKey(fk)));
    }

    private Change dropForeignKeyChange(Table table, ForeignKey fk) {
        return Change.of(Phase.DROP_FOREIGN_KEY, "removed foreign key " + fk.name() + " of " + table.qualifiedName(),
                new Op.DropConstraint(ops.name(table), fk.name(), ops.foreignKey(fk)));
    }

    private void add(Change change) {
        changes.add(change);
    }
}
