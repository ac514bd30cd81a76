package dev.migrate.catalog.diff;

import dev.migrate.catalog.ColumnIdentity;
import dev.migrate.catalog.Generated;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.diff.ScriptBuilder.Part;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SequenceChanges;
import dev.migrate.op.SequenceOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.TypeSpelling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a table on both sides (renamed already, {@link Renames}): added, removed, or changed in place (type,
 * collation, identity, default, nullability, generation, comment).
 */
final class ColumnDiff {
    /** The volatile functions a default commonly calls, as {@code pg_get_expr} spells the call. */
    /**
     * The spellings of one value, the start of the transaction, that PostgreSQL keeps as written: {@code DEFAULT
     * now()} in a migration and {@code DEFAULT CURRENT_TIMESTAMP} from jOOQ's DDL export or an entity are the same
     * default, never a difference.
     */
    private static final java.util.Set<String> TRANSACTION_START =
            java.util.Set.of("now()", "CURRENT_TIMESTAMP", "transaction_timestamp()");

    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "\\b(?:nextval|random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|txid_current)\\(");

    private final DiffContext context;

    ColumnDiff(DiffContext context) {
        this.context = context;
    }

    /**
     * Writes the changes of the table's columns.
     *
     * @return the columns dropped and added again (a generated column whose generation changes, or which reads a
     *     column whose type changes): what is built on them goes with them, and is built again after
     */
    Set<String> compare(Table have, Table want) {
        Map<String, TableColumn> added = new LinkedHashMap<>();
        Map<String, TableColumn> removed = new LinkedHashMap<>();
        Set<String> retyped = want.columns().stream()
                .filter(c -> {
                    TableColumn old = have.column(c.name());
                    return old != null && !old.type().equals(c.type());
                })
                .map(TableColumn::name)
                .collect(Collectors.toSet());
        // dropped before any column changes and added after all of them: PostgreSQL refuses to change the type of
        // a column a generated column reads
        Set<String> rebuilt = new LinkedHashSet<>();
        List<Change> addedBack = new ArrayList<>();
        for (TableColumn c : want.columns()) {
            TableColumn old = have.column(c.name());
            if (old != null && rebuilds(old, c, retyped)) {
                List<Change> parts = generationChange(want, old, c, retyped).splitAfter(1);
                changed(want, parts.get(0));
                addedBack.add(parts.get(1));
                rebuilt.add(c.name());
            }
        }
        for (TableColumn c : want.columns()) {
            TableColumn old = have.column(c.name());
            if (old == null) {
                added.put(c.name(), c);
            } else if (!rebuilt.contains(c.name())) {
                alter(want, old, c);
            }
        }
        addedBack.forEach(change -> changed(want, change));
        have.columns().stream().filter(c -> want.column(c.name()) == null).forEach(c -> removed.put(c.name(), c));
        for (TableColumn c : added.values()) {
            Column column = context.ops.column(context.serials.asCreated(want, c));
            List<String> notes = new ArrayList<>();
            if (!c.nullable() && c.defaultExpression() == null && c.identity() == null && c.generated() == null) {
                notes.add(
                        "Hazard: a NOT NULL column without a default fails on a table that has rows; add a default or "
                                + "fill the column in a data migration first.");
            }
            String computed = computedForEveryRow(c);
            List<Op> ops = new ArrayList<>();
            ops.add(new ColumnOp.AddColumn(context.ops.name(want), column));
            ops.addAll(context.serials.ownershipOnCreate(context.ops, want, c));
            context.script.table(
                    want.qualifiedName(),
                    Part.COLUMN,
                    new Change(Description.added(subject(want, c)), ops, notes)
                            .withHazards(
                                    computed == null
                                            ? List.of()
                                            : List.of(Hazards.addColumnRewrite(subject(want, c), computed))));
        }
        for (TableColumn c : removed.values()) {
            // a serial column comes back as serial; a sequence serial cannot make is let go first and dropped after
            List<Op> ops = new ArrayList<>();
            Sequence sequence = context.serials.notMadeBySerialType(have, c);
            if (sequence != null) {
                ops.add(SerialColumns.ownership(context.ops, sequence).reverse().orElseThrow());
            }
            ops.add(new ColumnOp.DropColumn(
                    context.ops.name(want), c.name(), context.ops.column(context.serials.asRecreated(have, c))));
            if (sequence != null) {
                SequenceOp.CreateSequence create = context.ops.createSequence(sequence);
                ops.add(new SequenceOp.DropSequence(
                        create.sequence(), new SequenceOp.CreateSequence(create.sequence(), create.options(), null)));
            }
            context.script.table(
                    want.qualifiedName(),
                    Part.DROP_COLUMN,
                    new Change(
                            Description.removed(subject(want, c)),
                            ops,
                            Hazards.drop(
                                    subject(want, c),
                                    "drops column " + want.qualifiedName() + "." + c.name() + " and its data")));
        }
        return rebuilt;
    }

    private static boolean rebuilds(TableColumn have, TableColumn want, Set<String> retyped) {
        return !Objects.equals(have.generated(), want.generated())
                || (have.generated() != null
                        && ColumnNames.readIn(have.generated().expression(), retyped));
    }

    /**
     * Why adding {@code c} rewrites the table, or null when it does not: since PostgreSQL 11 a
     * constant or stable default (such as {@code now()}) is stored once, not written to every row.
     */
    private static @Nullable String computedForEveryRow(TableColumn c) {
        if (c.identity() != null) {
            return "an identity column takes a value of its sequence in every existing row";
        }
        if (c.generated() != null && c.generated().stored()) {
            return "a stored generated column is computed for every existing row";
        }
        if (c.defaultExpression() != null
                && VOLATILE_DEFAULT.matcher(c.defaultExpression()).find()) {
            return "the volatile default " + c.defaultExpression() + " is computed for every existing row";
        }
        return null;
    }

    private void alter(Table table, TableColumn have, TableColumn want) {
        QualifiedName t = context.ops.name(table);
        String where = subject(table, want);
        if (!have.type().equals(want.type())) {
            TypeChanges casts = context.options.typeChanges();
            String using = casts.needsUsing(have.type(), want.type()) ? castOf(want.name(), want.type()) : null;
            String reverseUsing = casts.needsUsing(want.type(), have.type()) ? castOf(want.name(), have.type()) : null;
            boolean rewrites = casts.rewrites(have.type(), want.type());
            // what people read names the types as they write them; the ops keep the catalog's spelling
            String from = TypeSpelling.written(have.type());
            String to = TypeSpelling.written(want.type());
            List<String> notes = new ArrayList<>();
            List<Hazard> hazards = new ArrayList<>();
            if (rewrites) {
                hazards.add(Hazards.typeChangeRewrite(where, from, to));
            } else {
                notes.add("Locks " + table.qualifiedName() + " with ACCESS EXCLUSIVE (no reads or writes) while it"
                        + " runs; no rewrite (" + from + " to " + to + " keeps the stored values), so it is brief.");
            }
            if (using != null) {
                notes.add("Hazard: PostgreSQL has no assignment cast from " + from + " to " + to
                        + ", so the change converts with USING " + using + "; it fails if a value does not convert.");
            }
            changed(
                    table,
                    new Change(
                                    Description.changed(where, "type " + from + " -> " + to),
                                    List.of(new ColumnOp.AlterColumnType(
                                            t, want.name(), want.type(), using, have.type(), null, null, reverseUsing)),
                                    notes)
                            .withHazards(hazards));
        }
        if (!Objects.equals(have.collation(), want.collation())) {
            changed(
                    table,
                    Change.of(
                            Description.changed(
                                    where,
                                    "collation " + collationName(have.collation()) + " -> "
                                            + collationName(want.collation())),
                            new ColumnOp.AlterColumnType(
                                    t,
                                    want.name(),
                                    want.type(),
                                    null,
                                    want.type(),
                                    collationOf(want.collation()),
                                    collationOf(have.collation()),
                                    null),
                            "Locks " + table.qualifiedName()
                                    + " with ACCESS EXCLUSIVE while it runs; the values are kept and "
                                    + "indexes on the column are rebuilt in the new order."));
        }
        // a serial on one side and an identity on the other: their identity and default are compared there
        boolean numbering = serialOrIdentity(table, have, want, where);
        if (!numbering && have.identity() != null && want.identity() != null) {
            alterIdentity(table, want.name(), have.identity(), want.identity(), where);
        } else if (!numbering && !Objects.equals(have.identity(), want.identity())) {
            if (have.identity() != null) {
                changed(
                        table,
                        Change.of(
                                Description.changed(where, "identity removed"),
                                new ColumnOp.DropIdentity(
                                        t, want.name(), context.ops.identity(have.identity(), have.type()))));
            }
            if (want.identity() != null) {
                changed(
                        table,
                        Change.of(
                                Description.changed(where, "identity added"),
                                new ColumnOp.AddIdentity(
                                        t, want.name(), context.ops.identity(want.identity(), want.type()))));
            }
        }
        if (!numbering && !sameDefault(have.defaultExpression(), want.defaultExpression())) {
            changed(
                    table,
                    Change.of(
                            Description.changed(
                                    where, "default " + have.defaultExpression() + " -> " + want.defaultExpression()),
                            new ColumnOp.AlterColumnDefault(
                                    t,
                                    want.name(),
                                    writtenDefault(want.defaultExpression(), want.type()),
                                    writtenDefault(have.defaultExpression(), want.type()))));
        }
        if (have.nullable() != want.nullable()) {
            changed(
                    table,
                    new Change(
                                    Description.changed(
                                            where, want.nullable() ? "NOT NULL -> NULL" : "NULL -> NOT NULL"),
                                    List.of(new ColumnOp.AlterColumnNullable(t, want.name(), want.nullable())),
                                    List.of())
                            .withHazards(want.nullable() ? List.of() : List.of(Hazards.setNotNull(where))));
        }
        if (!Objects.equals(have.comment(), want.comment())) {
            changed(
                    table,
                    Change.of(
                            Description.changed(
                                    where, "comment " + quoted(have.comment()) + " -> " + quoted(want.comment())),
                            new ColumnOp.CommentOnColumn(t, want.name(), want.comment(), have.comment())));
        }
    }

    /**
     * The default as a person writes it ({@link DefaultCasts}), for the column's type when it is set.
     * Only here is that type known, the op carries none; it is the wanted type in both directions,
     * since a type change runs before the default's change and is undone after it. A previous default
     * cast to the previous type, another type, keeps its cast.
     */
    private static @Nullable String writtenDefault(@Nullable String expression, String columnType) {
        return expression == null ? null : DefaultCasts.withoutAddedCast(expression, columnType);
    }

    private static String quoted(@Nullable String text) {
        if (text == null) {
            return "none";
        }
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return "'" + shown.replace("\n", " ") + "'";
    }

    /**
     * A serial column on one side and an identity column on the other ({@link SerialColumns}): no
     * difference when they number alike, unless the conversion to identity is asked for; otherwise the
     * conversion, in the order PostgreSQL accepts. Returns whether the pair was such a column, whose
     * identity and default are then compared here.
     */
    private boolean serialOrIdentity(Table table, TableColumn have, TableColumn want, String where) {
        if (have.generated() != null || want.generated() != null) {
            return false;
        }
        var serial = context.serials.live(table, have);
        if (serial != null && want.identity() != null && want.defaultExpression() == null) {
            if (context.options.serialToIdentity() || !SerialColumns.numbersAlike(serial, want.identity())) {
                changed(
                        table,
                        new Change(
                                Description.changed(
                                        where,
                                        "serial (sequence " + serial.qualifiedName() + ") -> identity "
                                                + want.identity().generation().sql()),
                                SerialColumns.serialToIdentity(
                                        context.ops, table, have, serial, have.defaultExpression(), want.identity()),
                                List.of(NUMBERING_GOES_ON)));
            } else if (!serial.dataType().equals(want.type()) && SerialColumns.isInteger(want.type())) {
                // a serial column widened to bigint: its sequence must count as far
                SequenceOp.CreateSequence sequence = context.ops.createSequence(serial);
                changed(
                        table,
                        Change.of(
                                Description.changed(
                                        "sequence " + serial.qualifiedName(),
                                        "type " + serial.dataType() + " -> " + want.type()),
                                new SequenceOp.AlterSequence(
                                        sequence.sequence(),
                                        SequenceChanges.NONE.as(want.type()),
                                        SequenceChanges.NONE.as(serial.dataType()))));
            }
            return true;
        }
        var wanted = context.serials.desired(table, want);
        if (wanted != null
                && have.identity() != null
                && have.defaultExpression() == null
                && context.serials.placeOf(wanted) == SerialColumns.NewSequence.BY_COLUMN_CHANGE) {
            if (!SerialColumns.numbersAlike(wanted, have.identity())) {
                changed(
                        table,
                        SerialColumns.identityToSerial(
                                context.ops,
                                Description.changed(
                                        where,
                                        "identity "
                                                + have.identity().generation().sql() + " -> serial (sequence "
                                                + wanted.qualifiedName() + ")"),
                                table,
                                want,
                                wanted,
                                want.defaultExpression(),
                                have.identity()));
            }
            return true;
        }
        return false;
    }

    private static final String NUMBERING_GOES_ON = "Numbering goes on past the column's largest value and the "
            + "sequence's last one, both read when the migration runs; the downgrade gives the column its sequence "
            + "back in the same way.";

    /**
     * An identity column whose options differ keeps its sequence (and so its current value): ALTER
     * COLUMN ... SET, never DROP IDENTITY plus ADD, which would start numbering again.
     */
    private void alterIdentity(Table table, String column, ColumnIdentity before, ColumnIdentity after, String where) {
        QualifiedName t = context.ops.name(table);
        SequenceDelta delta = new SequenceDelta(before.inUse())
                .compare("increment", before.increment(), after.increment())
                .compare("minvalue", before.min(), after.min())
                .compare("maxvalue", before.max(), after.max())
                .compare("start", before.start(), after.start())
                .compare("cache", before.cache(), after.cache())
                .compare("cycle", before.cycle(), after.cycle());
        delta.ignoredStart().ifPresent(note -> context.script.warn("Identity of " + where + ": " + note));
        boolean generation = before.generation() != after.generation();
        if (delta.isEmpty() && !generation) {
            return;
        }
        List<String> described = new ArrayList<>();
        if (generation) {
            described.add("generated " + before.generation().sql() + " -> "
                    + after.generation().sql());
        }
        if (!delta.isEmpty()) {
            described.add(delta.description());
        }
        boolean always = after.generation() == ColumnIdentity.Generation.ALWAYS;
        changed(
                table,
                Change.of(
                        Description.changed(where, "identity " + String.join(", ", described)),
                        new ColumnOp.AlterIdentity(
                                t,
                                column,
                                generation ? always : null,
                                delta.to(),
                                generation ? !always : null,
                                delta.from())));
    }

    /**
     * A generated column's values come from the other columns, so dropping and adding it again
     * loses nothing; a plain column that becomes generated (or the reverse) does lose its values.
     */
    private Change generationChange(Table table, TableColumn have, TableColumn want, Set<String> retyped) {
        QualifiedName t = context.ops.name(table);
        String where = subject(table, want);
        List<String> notes = new ArrayList<>();
        if (have.generated() == null || want.generated() == null) {
            notes.add("Hazard: the column is dropped and added again "
                    + (have.generated() == null
                            ? "as a generated column, so its stored values are replaced by computed ones."
                            : "as a plain column, so it starts empty; fill it in a data migration."));
        } else {
            notes.add(
                    "The column is dropped and added again; its values are computed from the other columns, so nothing is "
                            + "lost"
                            + (want.generated().stored() ? ", but the table is rewritten to store them." : "."));
        }
        Generated generated = have.generated();
        boolean same = Objects.equals(generated, want.generated());
        if (same && generated != null) {
            List<String> read = retyped.stream()
                    .filter(c -> ColumnNames.readIn(generated.expression(), Set.of(c)))
                    .sorted()
                    .toList();
            notes.add(
                    0,
                    "PostgreSQL refuses to change the type of a column a generated column reads, so " + want.name()
                            + " goes before " + String.join(", ", read) + " change"
                            + (read.size() == 1 ? "s" : "") + " type and comes back after.");
        }
        return new Change(
                Description.changed(
                        where,
                        same
                                ? "dropped and added again around the type change"
                                : "generated " + generation(have) + " -> " + generation(want)),
                List.of(
                        new ColumnOp.DropColumn(t, have.name(), context.ops.column(have)),
                        new ColumnOp.AddColumn(t, context.ops.column(want))),
                notes);
    }

    private static String generation(TableColumn c) {
        return c.generated() == null
                ? "no"
                : "AS (" + c.generated().expression() + ") " + (c.generated().stored() ? "STORED" : "VIRTUAL");
    }

    private static String castOf(String column, String type) {
        return Identifiers.quote(column) + "::" + type;
    }

    /** The catalog spells a collation quoted, as in DDL; none means the type's default. */
    private static String collationOf(@Nullable String catalogCollation) {
        return catalogCollation == null ? "default" : ModelOps.unquote(catalogCollation);
    }

    private static String collationName(@Nullable String catalogCollation) {
        return catalogCollation == null ? "default" : catalogCollation;
    }

    /** {@code column public.agents.status}. */
    private static String subject(Table table, TableColumn column) {
        return "column " + table.qualifiedName() + "." + column.name();
    }

    private void changed(Table table, Change change) {
        context.script.table(table.qualifiedName(), Part.COLUMN, change);
    }

    /** Whether two defaults, as {@code pg_get_expr} spells them, give the same value ({@link #TRANSACTION_START}). */
    static boolean sameDefault(@Nullable String have, @Nullable String want) {
        return Objects.equals(have, want)
                || (have != null
                        && want != null
                        && TRANSACTION_START.contains(have)
                        && TRANSACTION_START.contains(want));
    }
}
