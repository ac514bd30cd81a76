package dev.migrate.internal.consent;

import dev.migrate.op.CitusOp;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.EnumOp;
import dev.migrate.op.IndexOp;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.op.OpVisitor;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one classification of what a planned operation can lose: every kind of {@link Op} answers here (the visitor
 * does not compile without it), and SQL the model cannot see into (raw SQL, statements of no operation) is read
 * conservatively: any {@code DROP} (but a column's {@code DROP DEFAULT} and {@code DROP NOT NULL}), {@code TRUNCATE},
 * {@code DELETE} or column type change in it counts.
 */
public final class LossClassifier implements OpVisitor<Optional<Loss>> {
    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("--[^\\n]*|/\\*.*?\\*/|'(?:[^']|'')*'", Pattern.DOTALL);
    private static final Pattern DESTRUCTIVE = Pattern.compile(
            // a column's default or NOT NULL dropped widens what it may hold, and loses nothing
            "\\b(DROP(?!\\s+(?:DEFAULT|NOT\\s+NULL)\\b)|TRUNCATE|DELETE)\\b|\\bALTER\\s+COLUMN\\b[^;]*\\bTYPE\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:DROP\\s+TABLE|TRUNCATE(?:\\s+TABLE)?|DELETE\\s+FROM"
                    + "|ALTER\\s+TABLE)\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)",
            Pattern.CASE_INSENSITIVE);

    /** What {@code op} can lose; empty when it loses nothing. */
    public static Optional<Loss> of(Op op) {
        return op.accept(new LossClassifier());
    }

    /**
     * What a statement rendered from {@code op} can lose: the operation's classification, or for raw SQL and a
     * statement of no operation, the SQL's.
     */
    public static Optional<Loss> ofStatement(String sql, @Nullable Op op) {
        return op == null || op instanceof SqlOp.Execute ? ofSql(sql) : of(op);
    }

    /** What raw SQL can lose, read conservatively: its comments and string literals aside, any drop, truncate, delete. */
    public static Optional<Loss> ofSql(String sql) {
        String code = COMMENTS_AND_STRINGS.matcher(sql).replaceAll(" ");
        Matcher destructive = DESTRUCTIVE.matcher(code);
        if (!destructive.find()) {
            return Optional.empty();
        }
        Matcher table = TABLE.matcher(code);
        QualifiedName name = table.find() ? QualifiedName.parse(table.group(1)) : null;
        String keyword = destructive.group().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        String what = "runs SQL that can drop or delete ("
                + (keyword.length() > 40 ? keyword.substring(0, 40) + "..." : keyword)
                + (name == null ? "" : ", on " + name.text()) + ")";
        String lock = Loss.ACCESS_EXCLUSIVE + (name == null ? "" : " on " + name.text()) + " (assumed for raw SQL)";
        return Optional.of(new Loss(what, name, lock));
    }

    private static Optional<Loss> table(String what, QualifiedName table) {
        return Optional.of(Loss.onTable(what + " " + table.text(), table));
    }

    private static Optional<Loss> none() {
        return Optional.empty();
    }

    @Override
    public Optional<Loss> visit(SchemaOp.CreateSchema op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(SchemaOp.DropSchema op) {
        return Optional.of(new Loss(
                "drops schema " + op.name() + (op.cascade() ? " and everything in it (CASCADE)" : ""),
                null,
                Loss.ACCESS_EXCLUSIVE + " on every object in " + op.name()));
    }

    @Override
    public Optional<Loss> visit(TableOp.CreateTable op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(TableOp.DropTable op) {
        return table("drops table", op.table());
    }

    @Override
    public Optional<Loss> visit(TableOp.RenameTable op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(TableOp.CommentOnTable op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(TableOp.SetLogged op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(TableOp.CreatePartition op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(TableOp.DropPartition op) {
        return table("drops partition", op.partition());
    }

    @Override
    public Optional<Loss> visit(TableOp.AttachPartition op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(TableOp.DetachPartition op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ColumnOp.AddColumn op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ColumnOp.DropColumn op) {
        return Optional.of(Loss.onTable("drops column " + op.table().text() + "." + op.column(), op.table()));
    }

    @Override
    public Optional<Loss> visit(ColumnOp.RenameColumn op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ColumnOp.AlterColumnType op) {
        return Optional.of(Loss.onTable(
                "changes the type of " + op.table().text() + "." + op.column() + " to " + op.type()
                        + " (a rewrite, and values the new type cannot hold are lost or refused)",
                op.table()));
    }

    @Override
    public Optional<Loss> visit(ColumnOp.AlterColumnNullable op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ColumnOp.AlterColumnDefault op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ColumnOp.AddIdentity op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ColumnOp.AlterIdentity op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ColumnOp.DropIdentity op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ColumnOp.CommentOnColumn op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ConstraintOp.CommentOnConstraint op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(IndexOp.CommentOnIndex op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(IndexOp.CreateIndex op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(IndexOp.DropIndex op) {
        IndexOp.CreateIndex definition = op.definition();
        QualifiedName table = definition == null ? null : definition.table();
        String on = table == null ? op.index().text() : table.text();
        return Optional.of(new Loss(
                "drops index " + op.index().text(),
                table,
                (op.concurrently() ? "SHARE UPDATE EXCLUSIVE" : Loss.ACCESS_EXCLUSIVE) + " on " + on));
    }

    @Override
    public Optional<Loss> visit(ConstraintOp.AddConstraint op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ConstraintOp.DropConstraint op) {
        return Optional.of(Loss.onTable(
                "drops constraint " + op.name() + " of " + op.table().text(), op.table()));
    }

    @Override
    public Optional<Loss> visit(ConstraintOp.ValidateConstraint op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ConstraintOp.AlterConstraintDeferrability op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(EnumOp.CreateEnum op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(EnumOp.DropEnum op) {
        return Optional.of(new Loss(
                "drops type " + op.type().text(),
                null,
                Loss.ACCESS_EXCLUSIVE + " on type " + op.type().text()));
    }

    @Override
    public Optional<Loss> visit(EnumOp.AddEnumValue op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(EnumOp.RenameEnumValue op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(SequenceOp.CreateSequence op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(SequenceOp.AlterSequence op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(SequenceOp.DropSequence op) {
        return Optional.of(new Loss(
                "drops sequence " + op.sequence().text() + " (and the value it reached)",
                null,
                Loss.ACCESS_EXCLUSIVE + " on " + op.sequence().text()));
    }

    @Override
    public Optional<Loss> visit(ObjectOp.CreateObject op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ObjectOp.ReplaceObject op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(ObjectOp.DropObject op) {
        return Optional.of(new Loss(
                "drops " + op.kind().title() + " " + op.identity(),
                null,
                Loss.ACCESS_EXCLUSIVE + " on " + op.identity()));
    }

    @Override
    public Optional<Loss> visit(OnlineOp.Online op) {
        return none(); // its start half adds; what it drops comes as the steps below, or in complete
    }

    @Override
    public Optional<Loss> visit(OnlineOp.OnlineStep op) {
        return op instanceof OnlineOp.ReplaceColumn replace
                ? Optional.of(Loss.onTable(
                        "replaces column " + replace.table().text() + "." + replace.column()
                                + " (the old one is dropped)",
                        replace.table()))
                : none();
    }

    @Override
    public Optional<Loss> visit(CitusOp.DistributeTable op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(CitusOp.CreateReferenceTable op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(CitusOp.UndistributeTable op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(CitusOp.DistributeSchema op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(CitusOp.UndistributeSchema op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(SqlOp.Execute op) {
        return ofSql(op.sql());
    }

    @Override
    public Optional<Loss> visit(DataOp.BulkInsert op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(DataOp.InsertRows op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(DataOp.DeleteRows op) {
        return Optional.of(new Loss(
                "deletes " + op.rows().size() + " row" + (op.rows().size() == 1 ? "" : "s") + " of "
                        + op.table().text() + " by key",
                op.table(),
                "ROW EXCLUSIVE on " + op.table().text()));
    }

    @Override
    public Optional<Loss> visit(DataOp.UpdateRows op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(SqlOp.RequireNoRows op) {
        return none();
    }

    @Override
    public Optional<Loss> visit(SqlOp.Guard op) {
        return none();
    }
}
