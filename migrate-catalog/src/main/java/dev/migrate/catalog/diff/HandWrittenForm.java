package dev.migrate.catalog.diff;

import dev.migrate.catalog.TableColumn;
import dev.migrate.op.CitusOp;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.ConstraintVisitor;
import dev.migrate.op.DataOp;
import dev.migrate.op.EnumOp;
import dev.migrate.op.IndexOp;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.op.OpVisitor;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableElement;
import dev.migrate.op.TableElementVisitor;
import dev.migrate.op.TableOp;
import dev.migrate.sql.Names;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.TypeSpelling;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites the ops autogenerate found into the form a person would type, without changing what
 * PostgreSQL stores: the catalog spells types and defaults the long way ({@code character varying(20)},
 * {@code 'ACTIVE'::character varying}) and names every constraint, and writing that back verbatim reads
 * like a dump rather than a migration.
 *
 * <ul>
 *   <li>Types get the short names people write ({@link TypeSpelling}): {@code varchar(20)}, {@code timestamptz},
 *       {@code timestamp(3)}, {@code timetz}, {@code char(1)}, {@code varbit}; arrays keep their {@code []}.
 *       A precision that is the default goes ({@code timestamptz}, not {@code timestamptz(6)}): the
 *       catalog then spells the column without it, which the comparison reads as the same type
 *       ({@link TableColumn#withoutDefaultPrecision}).
 *   <li>A column default that is a quoted literal cast to the column's type without its modifier loses
 *       the cast: PostgreSQL adds exactly that cast back when it stores the default. Negative integer
 *       defaults ({@code '-1'::integer}) become plain numbers. Casts that change meaning stay. The
 *       same rule ({@link DefaultCasts}) shortens {@code setDefault}, where the diff applies it: only
 *       the diff knows the column's type there.
 *   <li>In a new table, a one-column primary key named {@code <table>_pkey} and a plain one-column unique
 *       constraint named {@code <table>_<column>_key} move onto their column, and a check named
 *       {@code <table>_<column>_check} that reads that one column loses its name: PostgreSQL gives all
 *       three exactly those names again. Names that PostgreSQL would have to shorten ({@link Names}) or
 *       that cannot be shown to match stay as they are.
 *   <li>A check of a new table that PostgreSQL spells {@code ((kind)::text = ANY (ARRAY[...]))} on a
 *       {@code varchar} column is written {@code kind IN ('car', 'truck')}, which it spells that way again.
 * </ul>
 *
 * Every rewrite keeps the catalog as the comparison reads it, so comparing again after the migration runs
 * finds nothing.
 * Constraints added to an existing table keep their names, even PostgreSQL's own: the API has no form
 * without one, and the downgrade drops the constraint by that name.
 */
public final class HandWrittenForm implements OpVisitor<Op> {
    private static final HandWrittenForm INSTANCE = new HandWrittenForm();

    private HandWrittenForm() {}

    /**
     * The script with each op as a person would write it, as the writer puts it in the class: every
     * change's ops and undo ops, so the downgrade (their reverse) reads the same. The guards stay as
     * they are. Whether a change exists, and what it does, does not change.
     */
    public static MigrationScript of(MigrationScript script) {
        List<OpGroup> groups = script.upgradeGroups().stream()
                .map(group -> new OpGroup(
                        group.table(),
                        group.changes().stream()
                                .map(change -> change.withOps(HandWrittenForm::of))
                                .toList()))
                .toList();
        return new MigrationScript(groups, script.warnings(), script.guards());
    }

    /** The op as a person would write it, or the op itself when nothing reads better. */
    static Op of(Op op) {
        return op.accept(INSTANCE);
    }

    /** The default without a cast PostgreSQL would add back ({@link DefaultCasts#withoutAddedCast}). */
    static String defaultValue(String expression, String columnType) {
        return DefaultCasts.withoutAddedCast(expression, columnType);
    }

    private static Column column(Column c) {
        Column shorter = new Column(
                c.name(),
                TypeSpelling.written(c.type()),
                c.nullable(),
                c.defaultExpression(),
                c.identityGeneration(),
                c.generatedExpression(),
                c.collation(),
                c.comment(),
                c.isPrimaryKey(),
                c.isGeneratedVirtual(),
                c.isUnique());
        return c.defaultExpression() == null
                ? shorter
                : shorter.defaultValue(defaultValue(c.defaultExpression(), c.type()));
    }

    // ---- the ops with a shorter form -----------------------------------------------------------------------

    @Override
    public Op visit(TableOp.CreateTable op) {
        NewTable table = new NewTable(op);
        List<TableElement> elements = new ArrayList<>();
        for (TableElement element : op.elements()) {
            element.accept(table).ifPresent(elements::add);
        }
        return new TableOp.CreateTable(op.table(), elements, op.comment(), op.partitionBy(), op.unlogged());
    }

    @Override
    public Op visit(ColumnOp.AddColumn op) {
        return new ColumnOp.AddColumn(op.table(), column(op.column()));
    }

    @Override
    public Op visit(ColumnOp.AlterColumnType op) {
        return new ColumnOp.AlterColumnType(
                op.table(),
                op.column(),
                TypeSpelling.written(op.type()),
                op.using(),
                op.previousType(),
                op.collation(),
                op.previousCollation(),
                op.reverseUsing());
    }

    // ---- the ops written as they are -----------------------------------------------------------------------

    @Override
    public Op visit(SchemaOp.CreateSchema op) {
        return op;
    }

    @Override
    public Op visit(SchemaOp.DropSchema op) {
        return op;
    }

    @Override
    public Op visit(TableOp.DropTable op) {
        return op;
    }

    @Override
    public Op visit(TableOp.RenameTable op) {
        return op;
    }

    @Override
    public Op visit(TableOp.CreatePartition op) {
        return op;
    }

    @Override
    public Op visit(TableOp.DropPartition op) {
        return op;
    }

    @Override
    public Op visit(TableOp.AttachPartition op) {
        return op;
    }

    @Override
    public Op visit(TableOp.DetachPartition op) {
        return op;
    }

    @Override
    public Op visit(TableOp.CommentOnTable op) {
        return op;
    }

    @Override
    public Op visit(TableOp.SetLogged op) {
        return op;
    }

    @Override
    public Op visit(CitusOp.DistributeTable op) {
        return op;
    }

    @Override
    public Op visit(CitusOp.CreateReferenceTable op) {
        return op;
    }

    @Override
    public Op visit(CitusOp.UndistributeTable op) {
        return op;
    }

    @Override
    public Op visit(CitusOp.DistributeSchema op) {
        return op;
    }

    @Override
    public Op visit(CitusOp.UndistributeSchema op) {
        return op;
    }

    @Override
    public Op visit(ConstraintOp.CommentOnConstraint op) {
        return op;
    }

    @Override
    public Op visit(IndexOp.CommentOnIndex op) {
        return op;
    }

    @Override
    public Op visit(ColumnOp.DropColumn op) {
        return op;
    }

    @Override
    public Op visit(ColumnOp.RenameColumn op) {
        return op;
    }

    @Override
    public Op visit(ColumnOp.AlterColumnNullable op) {
        return op;
    }

    /** Already short: the diff drops the server's cast, since only it knows the column's type. */
    @Override
    public Op visit(ColumnOp.AlterColumnDefault op) {
        return op;
    }

    @Override
    public Op visit(ColumnOp.AddIdentity op) {
        return op;
    }

    @Override
    public Op visit(ColumnOp.AlterIdentity op) {
        return op;
    }

    @Override
    public Op visit(ColumnOp.DropIdentity op) {
        return op;
    }

    @Override
    public Op visit(ColumnOp.CommentOnColumn op) {
        return op;
    }

    @Override
    public Op visit(IndexOp.CreateIndex op) {
        return op;
    }

    @Override
    public Op visit(IndexOp.DropIndex op) {
        return op;
    }

    /** Keeps the name, even PostgreSQL's own: {@code addPrimaryKey} and {@code addUnique} need one. */
    @Override
    public Op visit(ConstraintOp.AddConstraint op) {
        return op;
    }

    @Override
    public Op visit(ConstraintOp.DropConstraint op) {
        return op;
    }

    @Override
    public Op visit(ConstraintOp.ValidateConstraint op) {
        return op;
    }

    @Override
    public Op visit(ConstraintOp.AlterConstraintDeferrability op) {
        return op;
    }

    @Override
    public Op visit(EnumOp.CreateEnum op) {
        return op;
    }

    @Override
    public Op visit(EnumOp.DropEnum op) {
        return op;
    }

    @Override
    public Op visit(EnumOp.AddEnumValue op) {
        return op;
    }

    @Override
    public Op visit(EnumOp.RenameEnumValue op) {
        return op;
    }

    @Override
    public Op visit(SequenceOp.CreateSequence op) {
        return op;
    }

    @Override
    public Op visit(SequenceOp.AlterSequence op) {
        return op;
    }

    @Override
    public Op visit(SequenceOp.DropSequence op) {
        return op;
    }

    @Override
    public Op visit(ObjectOp.CreateObject op) {
        return op;
    }

    @Override
    public Op visit(ObjectOp.ReplaceObject op) {
        return op;
    }

    @Override
    public Op visit(ObjectOp.DropObject op) {
        return op;
    }

    @Override
    public Op visit(OnlineOp.Online op) {
        return op;
    }

    @Override
    public Op visit(OnlineOp.OnlineStep op) {
        return op;
    }

    @Override
    public Op visit(SqlOp.Execute op) {
        return op;
    }

    @Override
    public Op visit(DataOp.BulkInsert op) {
        return op;
    }

    @Override
    public Op visit(DataOp.InsertRows op) {
        return op;
    }

    @Override
    public Op visit(DataOp.DeleteRows op) {
        return op;
    }

    /**
     * {@code op.updateRows(...)} is written without its previous rows, but they stay on the op: the downgrade is
     * this form's reverse, whose own call says them.
     */
    @Override
    public Op visit(DataOp.UpdateRows op) {
        return op;
    }

    @Override
    public Op visit(SqlOp.RequireNoRows op) {
        return op;
    }

    @Override
    public Op visit(SqlOp.Guard op) {
        return op;
    }

    // ---- a new table ---------------------------------------------------------------------------------------

    /**
     * The elements of a new table as a person writes them: each column in its short form, carrying
     * the one-column primary key and unique constraints PostgreSQL would name as they are named, which
     * then go; a check with PostgreSQL's own name without it; anything else as it is.
     */
    private static final class NewTable implements TableElementVisitor<Optional<TableElement>> {
        private final String table;
        private final Set<String> columns;
        private final Set<String> varcharColumns;
        private final Set<Constraint> moved;
        private final List<Moved> onto;

        NewTable(TableOp.CreateTable op) {
            table = op.table().name();
            columns = op.columns().stream().map(Column::name).collect(Collectors.toSet());
            varcharColumns = op.columns().stream()
                    .filter(c -> TypeSpelling.written(c.type()).matches("varchar(\\(\\d+\\))?"))
                    .map(Column::name)
                    .collect(Collectors.toSet());
            Set<String> plainColumns = op.columns().stream()
                    .filter(c -> !c.isUnique())
                    .map(Column::name)
                    .collect(Collectors.toSet());
            OntoColumn ontoColumn = new OntoColumn(table, columns, plainColumns);
            onto = op.constraints().stream()
                    .map(c -> c.accept(ontoColumn))
                    .flatMap(Optional::stream)
                    .toList();
            moved = onto.stream().map(Moved::constraint).collect(Collectors.toSet());
        }

        @Override
        public Optional<TableElement> visit(Column c) {
            Column written = column(c);
            for (Moved m : onto) {
                written = m.column().equals(c.name()) ? m.onto().apply(written) : written;
            }
            return Optional.of(written);
        }

        @Override
        public Optional<TableElement> visit(Constraint.PrimaryKey pk) {
            return moved.contains(pk) ? Optional.empty() : Optional.of(pk);
        }

        @Override
        public Optional<TableElement> visit(Constraint.Unique unique) {
            return moved.contains(unique) ? Optional.empty() : Optional.of(unique);
        }

        @Override
        public Optional<TableElement> visit(Constraint.ForeignKey fk) {
            return Optional.of(fk);
        }

        @Override
        public Optional<TableElement> visit(Constraint.Check check) {
            String name = check.name() != null && isGeneratedCheckName(check, table, columns) ? null : check.name();
            String expression = inList(check.expression(), varcharColumns);
            return Optional.of(new Constraint.Check(
                    name, expression, check.isNotValid(), check.isNoInherit(), check.isNotEnforced()));
        }
    }

    /** {@code kind IN ('car', 'truck')} for either of PostgreSQL's spellings of it on a {@code varchar} column. */
    static String inList(String expression, Set<String> varcharColumns) {
        return CheckInList.of(expression, varcharColumns);
    }

    /**
     * A constraint of a new table that moves onto its one column ({@code .primaryKey()},
     * {@code .unique()}), where PostgreSQL gives it the same name again.
     */
    private record Moved(Constraint constraint, String column, UnaryOperator<Column> onto) {}

    /** Which constraints of a new table move onto their column: those PostgreSQL would name as they are named. */
    private record OntoColumn(String table, Set<String> columns, Set<String> plainColumns)
            implements ConstraintVisitor<Optional<Moved>> {
        @Override
        public Optional<Moved> visit(Constraint.PrimaryKey pk) {
            boolean moves = pk.columns().size() == 1
                    && !pk.deferrable()
                    && pk.storage().isEmpty()
                    && columns.contains(pk.columns().get(0))
                    && isGeneratedName(pk.name(), table, null, "pkey");
            return moves ? Optional.of(new Moved(pk, pk.columns().get(0), Column::primaryKey)) : Optional.empty();
        }

        @Override
        public Optional<Moved> visit(Constraint.Unique u) {
            boolean moves = u.columns().size() == 1
                    && !u.deferrable()
                    && !u.isNullsNotDistinct()
                    && u.storage().isEmpty()
                    && plainColumns.contains(u.columns().get(0))
                    && isGeneratedName(u.name(), table, u.columns().get(0), "key");
            return moves ? Optional.of(new Moved(u, u.columns().get(0), Column::unique)) : Optional.empty();
        }

        @Override
        public Optional<Moved> visit(Constraint.ForeignKey fk) {
            return Optional.empty();
        }

        @Override
        public Optional<Moved> visit(Constraint.Check check) {
            return Optional.empty();
        }
    }

    /** PostgreSQL names a check after the one column its expression reads, if it reads exactly one. */
    private static boolean isGeneratedCheckName(Constraint.Check check, String table, Set<String> columns) {
        Set<String> read = columnsRead(check.expression(), columns);
        return read.size() == 1
                && isGeneratedName(check.name(), table, read.iterator().next(), "check");
    }

    /**
     * {@code <table>[_<column>]_<label>}, the name PostgreSQL's makeObjectName gives, when that fits
     * untruncated ({@link Names#fits}); a name PostgreSQL would shorten is kept rather than predicted.
     */
    static boolean isGeneratedName(@Nullable String name, String table, @Nullable String column, String label) {
        String generated = table + (column == null ? "" : "_" + column) + "_" + label;
        return generated.equals(name) && Names.fits(generated);
    }

    /**
     * The table's columns the expression names, read from pg_get_constraintdef's text: identifiers
     * outside literals and comments ({@link SqlLexer}), not followed by {@code (} (a function) nor after {@code ::} (a type).
     * A word that only looks like a column counts too, which can only make the set larger, and a set
     * larger than one keeps the name: when in doubt, nothing is left out.
     */
    static Set<String> columnsRead(String expression, Set<String> columns) {
        Set<String> read = new LinkedHashSet<>();
        List<SqlToken> tokens = SqlLexer.tokens(expression);
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            boolean afterCast = i > 0 && tokens.get(i - 1).is("::");
            boolean isFunction = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
            if (token.isIdentifier() && !afterCast && !isFunction && columns.contains(token.name())) {
                read.add(token.name());
            }
        }
        return read;
    }
}
