package dev.migrate.catalog.diff;

import dev.migrate.catalog.CheckConstraint;
import dev.migrate.catalog.ColumnIdentity;
import dev.migrate.catalog.EnumType;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.op.Column;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.EnumOp;
import dev.migrate.op.Identity;
import dev.migrate.op.IndexKey;
import dev.migrate.op.IndexOp;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SequenceOptions;
import dev.migrate.op.TableElement;
import dev.migrate.op.TableOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns schema-model objects into the op model's values: the bridge between what the catalog says
 * and what a migration writes. Options equal to PostgreSQL's defaults are left out, so the written
 * code says only what matters.
 */
final class ModelOps {
    private static final Pattern COLUMN_KEY =
            Pattern.compile("([a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")( DESC)?(?: NULLS (FIRST|LAST))?");

    private final String defaultSchema;

    ModelOps(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    /** A name as a migration writes it: unqualified in the default schema. */
    QualifiedName name(String schema, String name) {
        return new QualifiedName(defaultSchema.equals(schema) ? null : schema, name);
    }

    QualifiedName name(Table table) {
        return name(table.schema(), table.name());
    }

    Column column(TableColumn c) {
        Column column = Column.of(c.name(), c.type()).nullable(c.nullable());
        if (c.identity() != null) {
            column = column.identity(identity(c.identity(), c.type()));
        } else if (c.defaultExpression() != null) {
            column = column.defaultValue(c.defaultExpression());
        }
        if (c.generated() != null) {
            column = column.generatedAs(unwrap(c.generated().expression()));
            if (!c.generated().stored()) {
                column = column.virtual();
            }
        }
        if (c.collation() != null) {
            column = column.collate(unquote(c.collation()));
        }
        if (c.comment() != null) {
            column = column.comment(c.comment());
        }
        return column;
    }

    Identity identity(ColumnIdentity i, String type) {
        Identity identity =
                i.generation() == ColumnIdentity.Generation.ALWAYS ? Identity.always() : Identity.byDefault();
        String sequence = i.sequenceName();
        if (sequence != null) {
            identity = identity.sequenceName(sequence);
        }
        return identity.with(nonDefault(
                SequenceOptions.DEFAULTS,
                Sequence.typeMax(type),
                i.start(),
                i.increment(),
                i.min(),
                i.max(),
                i.cache(),
                i.cycle()));
    }

    SequenceOptions sequenceOptions(Sequence s) {
        String type = s.dataType() == null ? "bigint" : s.dataType();
        SequenceOptions options = "bigint".equals(type) ? SequenceOptions.DEFAULTS : SequenceOptions.DEFAULTS.as(type);
        return nonDefault(
                options, Sequence.typeMax(type), s.start(), s.increment(), s.min(), s.max(), s.cache(), s.cycle());
    }

    /** The options that differ from what PostgreSQL picks for a sequence of a type whose largest value is {@code typeMax}. */
    private static SequenceOptions nonDefault(
            SequenceOptions options,
            long typeMax,
            long start,
            long increment,
            long min,
            long max,
            long cache,
            boolean cycle) {
        if (increment != 1) {
            options = options.incrementBy(increment);
        }
        if (min != (increment > 0 ? 1 : -typeMax - 1)) {
            options = options.minValue(min);
        }
        if (max != (increment > 0 ? typeMax : -1)) {
            options = options.maxValue(max);
        }
        if (start != (increment > 0 ? min : max)) {
            options = options.startWith(start);
        }
        if (cache != 1) {
            options = options.cache(cache);
        }
        return cycle ? options.cycle() : options;
    }

    /** CREATE TABLE with its columns, primary key, unique and check constraints; foreign keys come later. */
    TableOp.CreateTable createTable(Table t) {
        List<TableElement> elements = new ArrayList<>();
        t.columns().forEach(c -> elements.add(column(c)));
        if (t.primaryKey() != null) {
            elements.add(primaryKey(t.primaryKey()));
        }
        t.uniqueConstraints().stream().filter(u -> !repeatsAKey(t, u)).forEach(u -> elements.add(unique(u)));
        t.checkConstraints().forEach(c -> elements.add(check(t, c)));
        return new TableOp.CreateTable(
                name(t),
                elements,
                t.comment(),
                t.partitioning() == null ? null : t.partitioning().key(),
                t.unlogged());
    }

    /**
     * The unique constraints of a new table that {@link #createTable} leaves out, added after it: within
     * one {@code CREATE TABLE}, PostgreSQL keeps one of two keys on the same columns with the same
     * options and drops the other without a word (a {@code UNIQUE} beside the {@code PRIMARY KEY} of its
     * columns), whereas {@code ALTER TABLE ... ADD} keeps both.
     */
    List<ConstraintOp.AddConstraint> keysAfterCreate(Table t) {
        return t.uniqueConstraints().stream()
                .filter(u -> repeatsAKey(t, u))
                .map(u -> new ConstraintOp.AddConstraint(name(t), unique(u)))
                .toList();
    }

    /** Whether a unique constraint has the columns and options of the primary key or of a unique before it. */
    private static boolean repeatsAKey(Table t, UniqueConstraint u) {
        PrimaryKey pk = t.primaryKey();
        if (pk != null
                && !u.nullsNotDistinct()
                && pk.columns().equals(u.columns())
                && pk.deferrable() == u.deferrable()
                && pk.initiallyDeferred() == u.initiallyDeferred()) {
            return true;
        }
        for (UniqueConstraint before : t.uniqueConstraints()) {
            if (before.name().equals(u.name())) {
                return false;
            }
            if (before.columns().equals(u.columns())
                    && before.nullsNotDistinct() == u.nullsNotDistinct()
                    && before.deferrable() == u.deferrable()
                    && before.initiallyDeferred() == u.initiallyDeferred()) {
                return true;
            }
        }
        return false;
    }

    Constraint.PrimaryKey primaryKey(PrimaryKey pk) {
        return new Constraint.PrimaryKey(
                pk.name(), pk.columns(), pk.deferrable(), pk.initiallyDeferred(), pk.storage());
    }

    Constraint.Unique unique(UniqueConstraint u) {
        return new Constraint.Unique(
                u.name(), u.columns(), u.nullsNotDistinct(), u.deferrable(), u.initiallyDeferred(), u.storage());
    }

    /** A check of {@code t}, with a list of values on one of its {@code varchar} columns as {@code col IN (...)}. */
    Constraint.Check check(Table t, CheckConstraint c) {
        return new Constraint.Check(
                c.name(),
                CheckInList.of(checkExpression(c.expression()), varcharColumns(t)),
                !c.validated() && !c.notEnforced(),
                c.noInherit(),
                c.notEnforced());
    }

    private static Set<String> varcharColumns(Table t) {
        return t.columns().stream()
                .filter(c -> c.type().matches("character varying(\\(\\d+\\))?"))
                .map(TableColumn::name)
                .collect(Collectors.toSet());
    }

    /**
     * Whether a replaced constraint or index of the table goes before its columns change and comes back after: a
     * column has another type on the other side. (A rename needs no such care: renames run first, and the table is
     * compared as they leave it.)
     */
    static boolean replacedAroundColumns(Table have, Table want) {
        return have.columns().stream()
                .anyMatch(h -> want.columns().stream()
                        .anyMatch(w -> w.name().equals(h.name()) && !w.type().equals(h.type())));
    }

    Constraint.ForeignKey foreignKey(ForeignKey fk) {
        return new Constraint.ForeignKey(
                fk.name(),
                fk.columns(),
                name(fk.referencedSchema(), fk.referencedTable()),
                fk.referencedColumns(),
                fk.onDelete(),
                fk.onUpdate(),
                fk.deferrable(),
                fk.initiallyDeferred(),
                !fk.validated() && !fk.notEnforced(),
                fk.matchFull(),
                fk.onDeleteColumns(),
                fk.notEnforced());
    }

    /**
     * A key as the catalog spells it ({@code pg_get_indexdef}): a column, quoted when needed and
     * perhaps {@code DESC} or {@code NULLS FIRST/LAST}, becomes a column key; anything else (an
     * expression, an operator class, a collation) stays SQL.
     */
    static IndexKey indexKey(String catalogText) {
        Matcher m = COLUMN_KEY.matcher(catalogText);
        if (!m.matches()) {
            return new IndexKey.Expression(catalogText);
        }
        String name = m.group(1).startsWith("\"")
                ? m.group(1).substring(1, m.group(1).length() - 1).replace("\"\"", "\"")
                : m.group(1);
        IndexKey.Column column = IndexKey.Column.of(name);
        column = m.group(2) != null ? column.desc() : column;
        if (m.group(3) != null) {
            column = "FIRST".equals(m.group(3)) ? column.nullsFirst() : column.nullsLast();
        }
        return column;
    }

    IndexOp.CreateIndex index(Table t, Index i) {
        IndexOp.CreateIndex index = IndexOp.CreateIndex.onKeys(
                i.name(), name(t), i.keys().stream().map(ModelOps::indexKey).toList());
        if (i.unique()) {
            index = index.unique();
        }
        if (i.method() != null && !"btree".equals(i.method())) {
            index = index.using(i.method());
        }
        if (!i.includeColumns().isEmpty()) {
            index = index.include(i.includeColumns().toArray(String[]::new));
        }
        if (i.nullsNotDistinct()) {
            index = index.nullsNotDistinct();
        }
        if (i.where() != null) {
            index = index.where(i.where());
        }
        for (Map.Entry<String, String> parameter : i.storage().entrySet()) {
            index = index.with(parameter.getKey(), parameter.getValue());
        }
        return index;
    }

    SequenceOp.CreateSequence createSequence(Sequence s) {
        String ownedBy = s.ownedBy() == null
                ? null
                : (defaultSchema.equals(s.ownedBy().schema()) ? "" : s.ownedBy().schema() + ".")
                        + s.ownedBy().table() + "." + s.ownedBy().column();
        return new SequenceOp.CreateSequence(name(s.schema(), s.name()), sequenceOptions(s), ownedBy);
    }

    EnumOp.CreateEnum createEnum(EnumType e) {
        return new EnumOp.CreateEnum(name(e.schema(), e.name()), e.labels());
    }

    /** {@code CHECK ((a > 0))} as pg_get_constraintdef writes it, to the expression inside. */
    static String checkExpression(String definition) {
        String text = definition.strip();
        if (text.startsWith("CHECK (") && text.endsWith(")")) {
            return text.substring("CHECK (".length(), text.length() - 1);
        }
        return text;
    }

    /** A generated column's expression comes back wrapped in parentheses; the DDL adds its own. */
    private static String unwrap(String expression) {
        String text = expression.strip();
        return text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))
                ? text.substring(1, text.length() - 1)
                : text;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * The name of a constraint the diff made: it names every one, as the catalog does, so only a
     * constraint a person wrote can lack one.
     */
    static String named(Constraint constraint) {
        return Objects.requireNonNull(constraint.name(), "a constraint the diff made has a name");
    }

    /**
     * {@code "C"} as the catalog spells it, to the name {@code C} the op model quotes itself; a name that
     * holds a dot stays quoted ({@code "coll.ci"}), for the op model reads an unquoted dot as a schema's.
     */
    static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") && name.indexOf('.') < 0
                ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                : name;
    }
}
