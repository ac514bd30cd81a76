package dev.migrate.autogen.internal.write;

import static dev.migrate.autogen.internal.write.JavaLayout.ARGUMENT_ROOM;
import static dev.migrate.autogen.internal.write.JavaLayout.COMMENT_WIDTH;
import static dev.migrate.autogen.internal.write.JavaLayout.ELEMENT_ROOM;
import static dev.migrate.autogen.internal.write.JavaLayout.EXECUTE_ROOM;
import static dev.migrate.autogen.internal.write.JavaLayout.FLUENT_ROOM;
import static dev.migrate.autogen.internal.write.JavaLayout.LITERAL_PIECE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.migrate.Ddl;
import dev.migrate.op.CitusOp;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.ConstraintVisitor;
import dev.migrate.op.DataOp;
import dev.migrate.op.EnumOp;
import dev.migrate.op.Identity;
import dev.migrate.op.IndexKey;
import dev.migrate.op.IndexKeyVisitor;
import dev.migrate.op.IndexOp;
import dev.migrate.op.ObjectDefinition;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.op.OpVisitor;
import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.ReferentialAction;
import dev.migrate.op.Rows;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.SequenceChanges;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SequenceOptions;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import dev.migrate.tooling.PreconditionCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@link Op}s as the {@code op.xxx(...)} statements a person would type in a migration:
 *
 * <pre>{@code
 * op.addColumn("agents", column("status", "varchar(50)").notNull().defaultValue("'active'"));
 * op.createIndex(index("ix_agents_status", "agents", "status").where("deleted_at IS NULL"));
 * }</pre>
 *
 * <p>Each op becomes the shortest {@link dev.migrate.Operations} call whose op renders to exactly the
 * same SQL; fluent calls that restate a default are left out. Factories of {@link Ddl} are referenced
 * through {@link #DDL}, so a {@code JavaFile} built with {@code addStaticImport(OpJavaRenderer.DDL, "*")}
 * prints them unqualified, as in hand-written migrations. Without that import the code still compiles,
 * only with {@code Ddl.} in front.
 *
 * <p>Printed by a {@code JavaFile}, no line passes column 100: statements wrap after a comma or
 * before a fluent call, long string literals are cut into pieces joined with {@code +}, and comments
 * break between words.
 *
 * <p>Every shorthand takes names as {@code "schema.table"} text: a part that holds a dot is written in
 * double quotes ({@link QualifiedName#text()}), which {@link QualifiedName#parse} reads back as the same
 * name, so any name PostgreSQL accepts is written.
 */
public final class OpJavaRenderer implements OpVisitor<CodeBlock> {
    /** The class whose static members generated code calls; import it statically to print them bare. */
    public static final ClassName DDL = ClassName.get(Ddl.class);

    private static final ClassName ROWS = ClassName.get(Rows.class);

    private static final ClassName ONLINE = ClassName.get(OnlineChange.class);

    /** java.time types whose {@code parse} reads back their {@code toString}, so a value keeps its type in the source. */
    private static final Set<Class<?>> PARSEABLE_TIME = Set.of(
            LocalDate.class,
            LocalDateTime.class,
            LocalTime.class,
            OffsetDateTime.class,
            OffsetTime.class,
            ZonedDateTime.class,
            Instant.class);

    /** The statements of one op, each ending in a line break. */
    public CodeBlock render(Op op) {
        return op.accept(this);
    }

    /** The statements of all ops, in order, as the body of {@code upgrade} or {@code downgrade}. */
    public CodeBlock render(List<? extends Op> ops) {
        return render(ops, op -> List.of());
    }

    /**
     * The statements of all ops, each preceded by {@code //} comment lines: the diff layer uses them for
     * hazards ("drops data") and guesses ("looks like a rename") a reviewer must see next to the code.
     *
     * @param notes the comment lines for an op, possibly empty; a note spanning lines gives several comment lines
     */
    public CodeBlock render(List<? extends Op> ops, Function<? super Op, ? extends List<String>> notes) {
        CodeBlock.Builder body = CodeBlock.builder();
        for (Op op : ops) {
            for (String note : notes.apply(op)) {
                for (String line : note.split("\\R", -1)) {
                    body.add(comment(line));
                }
            }
            body.add(render(op));
        }
        return body.build();
    }

    /** {@code //} lines for a method body, broken between words to stay within the line width. */
    public CodeBlock comment(String text) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (String line : wrapWords(commentSafe(text).stripTrailing(), COMMENT_WIDTH, "")) {
            code.add("// $L\n", line.stripTrailing());
        }
        return code.build();
    }

    /**
     * Text broken between words into lines of at most {@code width} characters, the later lines
     * starting with {@code continuation}; a word longer than a line gets a line of its own.
     */
    public static List<String> wrapWords(String text, int width, String continuation) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean lineHasWord = false;
        for (String word : text.split(" ", -1)) {
            if (lineHasWord && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(continuation);
                lineHasWord = false;
            }
            if (lineHasWord) {
                line.append(' ');
            }
            line.append(word);
            lineHasWord = true;
        }
        lines.add(line.toString());
        return lines;
    }

    // ---- schemas ----

    @Override
    public CodeBlock visit(SchemaOp.CreateSchema op) {
        return statement(op.ifNotExists() ? "op.createSchemaIfNotExists($S)" : "op.createSchema($S)", op.name());
    }

    @Override
    public CodeBlock visit(SchemaOp.DropSchema op) {
        return statement(op.cascade() ? "op.dropSchemaCascade($S)" : "op.dropSchema($S)", op.name());
    }

    // ---- tables ----

    @Override
    public CodeBlock visit(TableOp.CreateTable op) {
        String table = name(op.table());
        // createTable cannot carry a table comment. The dialect writes the table comment before the column
        // comments, so with a table comment the column comments move into separate calls to keep that order.
        boolean splitComments = op.comment() != null;
        List<CodeBlock> elements = new ArrayList<>();
        for (Column c : op.columns()) {
            elements.add(column(splitComments ? withoutComment(c) : c));
        }
        for (Constraint c : op.constraints()) {
            elements.add(constraint(c));
        }
        CodeBlock.Builder code = CodeBlock.builder();
        if (op.partitionBy() != null) {
            // the key goes first, as in op.createPartitionedTable(table, partitionBy, elements...)
            elements.add(0, CodeBlock.of("$S", op.partitionBy()));
        }
        String call = op.partitionBy() != null
                ? "op.createPartitionedTable"
                : op.unlogged() ? "op.createUnloggedTable" : "op.createTable";
        if (elements.isEmpty()) {
            code.addStatement("$L($S)", call, table);
        } else if (elements.size() == 1) {
            code.addStatement("$L($S, $L)", call, table, elements.get(0));
        } else {
            // one element per line; JavaPoet indents the continuation lines of a statement twice
            code.addStatement("$L($S,\n$L)", call, table, CodeBlock.join(elements, ",\n"));
        }
        if (splitComments) {
            code.addStatement("op.commentOnTable($S,$W$L)", table, literal(op.comment(), ARGUMENT_ROOM));
            for (Column c : op.columns()) {
                if (c.comment() != null) {
                    code.addStatement(
                            "op.commentOnColumn($S, $S,$W$L)", table, c.name(), literal(c.comment(), ARGUMENT_ROOM));
                }
            }
        }
        return code.build();
    }

    @Override
    public CodeBlock visit(TableOp.DropTable op) {
        return statement("op.dropTable($S)", name(op.table()));
    }

    @Override
    public CodeBlock visit(TableOp.RenameTable op) {
        return statement("op.renameTable($S, $S)", name(op.table()), op.newName());
    }

    @Override
    public CodeBlock visit(TableOp.SetLogged op) {
        return statement(op.unlogged() ? "op.setUnlogged($S)" : "op.setLogged($S)", name(op.table()));
    }

    // ---- distribution across a Citus cluster ----

    @Override
    public CodeBlock visit(CitusOp.DistributeTable op) {
        String table = name(op.table());
        if (op.shardCount() != null) {
            return statement(
                    "op.distributeTable($S, $S, $S, $L)",
                    table,
                    op.column(),
                    op.colocateWith() == null ? "default" : op.colocateWith(),
                    op.shardCount());
        }
        return op.colocateWith() == null
                ? statement("op.distributeTable($S, $S)", table, op.column())
                : statement("op.distributeTable($S, $S, $S)", table, op.column(), op.colocateWith());
    }

    @Override
    public CodeBlock visit(CitusOp.CreateReferenceTable op) {
        return statement("op.createReferenceTable($S)", name(op.table()));
    }

    @Override
    public CodeBlock visit(CitusOp.UndistributeTable op) {
        return statement("op.undistributeTable($S)", name(op.table()));
    }

    @Override
    public CodeBlock visit(CitusOp.DistributeSchema op) {
        return statement("op.distributeSchema($S)", op.schema());
    }

    @Override
    public CodeBlock visit(CitusOp.UndistributeSchema op) {
        return statement("op.undistributeSchema($S)", op.schema());
    }

    @Override
    public CodeBlock visit(TableOp.CommentOnTable op) {
        return statement("op.commentOnTable($S, $L)", name(op.table()), literal(op.comment(), ARGUMENT_ROOM));
    }

    // ---- partitions ----

    @Override
    public CodeBlock visit(TableOp.CreatePartition op) {
        return op.partitionBy() == null
                ? statement(
                        "op.createPartition($S, $S,$W$L)",
                        name(op.partition()),
                        name(op.parent()),
                        literal(op.bound(), ARGUMENT_ROOM))
                : statement(
                        "op.createPartition($S, $S,$W$L,$W$S)",
                        name(op.partition()),
                        name(op.parent()),
                        literal(op.bound(), ARGUMENT_ROOM),
                        op.partitionBy());
    }

    @Override
    public CodeBlock visit(TableOp.DropPartition op) {
        return statement("op.dropPartition($S)", name(op.partition()));
    }

    @Override
    public CodeBlock visit(TableOp.AttachPartition op) {
        return statement(
                "op.attachPartition($S, $S,$W$L)",
                name(op.parent()),
                name(op.partition()),
                literal(op.bound(), ARGUMENT_ROOM));
    }

    @Override
    public CodeBlock visit(TableOp.DetachPartition op) {
        return statement(
                op.concurrently() ? "op.detachPartitionConcurrently($S, $S)" : "op.detachPartition($S, $S)",
                name(op.parent()),
                name(op.partition()));
    }

    // ---- columns ----

    @Override
    public CodeBlock visit(ColumnOp.AddColumn op) {
        return statement("op.addColumn($S, $L)", name(op.table()), column(op.column()));
    }

    @Override
    public CodeBlock visit(ColumnOp.DropColumn op) {
        return statement("op.dropColumn($S, $S)", name(op.table()), op.column());
    }

    @Override
    public CodeBlock visit(ColumnOp.RenameColumn op) {
        return statement("op.renameColumn($S, $S, $S)", name(op.table()), op.column(), op.newName());
    }

    @Override
    public CodeBlock visit(ColumnOp.AlterColumnType op) {
        if (op.collation() != null) {
            if (op.using() != null) {
                throw new IllegalArgumentException("A collation and a USING expression in one type change of column "
                        + op.column() + " have no shorthand; write them as two changes.");
            }
            return statement(
                    "op.alterColumnCollation($S, $S, $S, $S)",
                    name(op.table()),
                    op.column(),
                    op.type(),
                    op.collation());
        }
        return op.using() == null
                ? statement("op.alterColumnType($S, $S, $S)", name(op.table()), op.column(), op.type())
                : statement("op.alterColumnType($S, $S, $S, $S)", name(op.table()), op.column(), op.type(), op.using());
    }

    @Override
    public CodeBlock visit(ColumnOp.AlterColumnNullable op) {
        return statement(
                op.nullable() ? "op.dropNotNull($S, $S)" : "op.setNotNull($S, $S)", name(op.table()), op.column());
    }

    @Override
    public CodeBlock visit(ColumnOp.AlterColumnDefault op) {
        return op.expression() == null
                ? statement("op.dropDefault($S, $S)", name(op.table()), op.column())
                : statement(
                        "op.setDefault($S, $S, $L)",
                        name(op.table()),
                        op.column(),
                        literal(op.expression(), ARGUMENT_ROOM));
    }

    @Override
    public CodeBlock visit(ColumnOp.AddIdentity op) {
        return statement("op.addIdentity($S, $S, $L)", name(op.table()), op.column(), identity(op.identity()));
    }

    @Override
    public CodeBlock visit(ColumnOp.AlterIdentity op) {
        return statement(
                "op.alterIdentity($S, $S, $L, $L)",
                name(op.table()),
                op.column(),
                op.generatedAlways(),
                sequenceChanges(op.changes()));
    }

    @Override
    public CodeBlock visit(ColumnOp.DropIdentity op) {
        return statement("op.dropIdentity($S, $S)", name(op.table()), op.column());
    }

    @Override
    public CodeBlock visit(ColumnOp.CommentOnColumn op) {
        return statement(
                "op.commentOnColumn($S, $S, $L)", name(op.table()), op.column(), literal(op.comment(), ARGUMENT_ROOM));
    }

    @Override
    public CodeBlock visit(ConstraintOp.CommentOnConstraint op) {
        return statement(
                "op.commentOnConstraint($S, $S, $L)",
                name(op.table()),
                op.constraint(),
                literal(op.comment(), ARGUMENT_ROOM));
    }

    @Override
    public CodeBlock visit(IndexOp.CommentOnIndex op) {
        return statement("op.commentOnIndex($S, $L)", name(op.index()), literal(op.comment(), ARGUMENT_ROOM));
    }

    // ---- indexes ----

    @Override
    public CodeBlock visit(IndexOp.CreateIndex op) {
        boolean plainKeys = op.keys().stream().allMatch(k -> k instanceof IndexKey.Column c && c.isPlain());
        boolean plain = plainKeys
                && !op.isUnique()
                && !op.isConcurrent()
                && op.method() == null
                && op.include().isEmpty()
                && !op.isNullsNotDistinct()
                && op.storage().isEmpty()
                && op.where() == null;
        CodeBlock keys = plainKeys
                ? strings(op.keys().stream()
                        .map(k -> ((IndexKey.Column) k).name())
                        .toList())
                : op.keys().stream().map(OpJavaRenderer::indexKey).collect(CodeBlock.joining(", "));
        CodeBlock head = CodeBlock.of("$S, $S, $L", op.name(), name(op.table()), keys);
        if (plain) {
            return statement("op.createIndex($L)", head);
        }
        CodeBlock.Builder index = CodeBlock.builder().add("$T.index($L)", DDL, head);
        if (op.isUnique()) {
            index.add("$Z.unique()");
        }
        if (op.isConcurrent()) {
            index.add("$Z.concurrently()");
        }
        if (op.method() != null) {
            index.add("$Z.using($S)", op.method());
        }
        if (!op.include().isEmpty()) {
            index.add("$Z.include($L)", strings(op.include()));
        }
        if (op.isNullsNotDistinct()) {
            index.add("$Z.nullsNotDistinct()");
        }
        storage(index, op.storage());
        if (op.where() != null) {
            index.add("$Z.where($L)", literal(op.where(), FLUENT_ROOM));
        }
        return statement("op.createIndex($L)", index.build());
    }

    @Override
    public CodeBlock visit(IndexOp.DropIndex op) {
        return statement(op.concurrently() ? "op.dropIndexConcurrently($S)" : "op.dropIndex($S)", name(op.index()));
    }

    // ---- constraints ----

    @Override
    public CodeBlock visit(ConstraintOp.AddConstraint op) {
        String table = name(op.table());
        Constraint c = op.constraint();
        CodeBlock general = statement("op.addConstraint($S, $L)", table, constraint(c));
        return c.accept(new ConstraintVisitor<CodeBlock>() {
            @Override
            public CodeBlock visit(Constraint.PrimaryKey pk) {
                return pk.deferrable() || !pk.storage().isEmpty()
                        ? general
                        : statement("op.addPrimaryKey($L)", strings(table, pk.name(), pk.columns()));
            }

            @Override
            public CodeBlock visit(Constraint.Unique u) {
                return u.isNullsNotDistinct() || u.deferrable() || !u.storage().isEmpty()
                        ? general
                        : statement("op.addUnique($L)", strings(table, u.name(), u.columns()));
            }

            @Override
            public CodeBlock visit(Constraint.ForeignKey fk) {
                return statement("op.addForeignKey($S, $L)", table, constraint(fk));
            }

            @Override
            public CodeBlock visit(Constraint.Check check) {
                return check.isNotValid() || check.isNoInherit() || check.isNotEnforced() || check.name() == null
                        ? general
                        : statement(
                                "op.addCheck($S, $S, $L)",
                                table,
                                check.name(),
                                literal(check.expression(), ARGUMENT_ROOM));
            }
        });
    }

    @Override
    public CodeBlock visit(ConstraintOp.DropConstraint op) {
        return statement("op.dropConstraint($S, $S)", name(op.table()), op.name());
    }

    @Override
    public CodeBlock visit(ConstraintOp.ValidateConstraint op) {
        return statement("op.validateConstraint($S, $S)", name(op.table()), op.name());
    }

    @Override
    public CodeBlock visit(ConstraintOp.AlterConstraintDeferrability op) {
        return op.deferrability().deferrable()
                ? statement(
                        "op.setDeferrable($S, $S, $L)",
                        name(op.table()),
                        op.constraint(),
                        op.deferrability().initiallyDeferred())
                : statement("op.setNotDeferrable($S, $S)", name(op.table()), op.constraint());
    }

    // ---- enum types ----

    @Override
    public CodeBlock visit(EnumOp.CreateEnum op) {
        List<CodeBlock> args = new ArrayList<>();
        args.add(CodeBlock.of("$S", name(op.type())));
        op.labels().forEach(label -> args.add(CodeBlock.of("$S", label)));
        return statement("op.createEnum($L)", CodeBlock.join(args, ", "));
    }

    @Override
    public CodeBlock visit(EnumOp.DropEnum op) {
        return statement("op.dropEnum($S)", name(op.type()));
    }

    @Override
    public CodeBlock visit(EnumOp.AddEnumValue op) {
        String type = name(op.type());
        // the dialect writes BEFORE when both positions are set, so BEFORE wins here too
        if (op.before() != null) {
            return statement("op.addEnumValueBefore($S, $S, $S)", type, op.label(), op.before());
        }
        if (op.after() != null) {
            return statement("op.addEnumValueAfter($S, $S, $S)", type, op.label(), op.after());
        }
        return statement("op.addEnumValue($S, $S)", type, op.label());
    }

    @Override
    public CodeBlock visit(EnumOp.RenameEnumValue op) {
        return statement("op.renameEnumValue($S, $S, $S)", name(op.type()), op.label(), op.newLabel());
    }

    // ---- sequences ----

    @Override
    public CodeBlock visit(SequenceOp.CreateSequence op) {
        String sequence = name(op.sequence());
        if (op.ownedBy() != null) {
            return statement("op.createSequence($S, $L, $S)", sequence, sequenceOptions(op.options()), op.ownedBy());
        }
        return op.options().isDefault()
                ? statement("op.createSequence($S)", sequence)
                : statement("op.createSequence($S, $L)", sequence, sequenceOptions(op.options()));
    }

    @Override
    public CodeBlock visit(SequenceOp.AlterSequence op) {
        return statement("op.alterSequence($S, $L)", name(op.sequence()), sequenceChanges(op.changes()));
    }

    @Override
    public CodeBlock visit(SequenceOp.DropSequence op) {
        return statement("op.dropSequence($S)", name(op.sequence()));
    }

    // ---- objects kept as one definition ----

    @Override
    public CodeBlock visit(ObjectOp.CreateObject op) {
        ObjectDefinition d = op.definition();
        return statement(
                "op.createObject($T.$L, $S, $L)",
                ObjectKind.class,
                d.kind().name(),
                d.identity(),
                literal(d.sql(), EXECUTE_ROOM));
    }

    @Override
    public CodeBlock visit(ObjectOp.ReplaceObject op) {
        return statement(
                "op.replaceObject($T.$L, $S, $L, $L)",
                ObjectKind.class,
                op.to().kind().name(),
                op.to().identity(),
                literal(op.from().sql(), EXECUTE_ROOM),
                literal(op.to().sql(), EXECUTE_ROOM));
    }

    @Override
    public CodeBlock visit(ObjectOp.DropObject op) {
        return op.definition() == null
                ? statement(
                        "op.dropObject($T.$L, $S)", ObjectKind.class, op.kind().name(), op.identity())
                : statement(
                        "op.dropObject($T.$L, $S, $L)",
                        ObjectKind.class,
                        op.kind().name(),
                        op.identity(),
                        literal(op.definition().sql(), EXECUTE_ROOM));
    }

    // ---- raw SQL and data ----

    /**
     * {@code op.online(OnlineChange.alterColumn("orders", "amount").type("bigint"))}: the change as
     * it is written by hand, each of its settings a call.
     */
    @Override
    public CodeBlock visit(OnlineOp.Online op) {
        OnlineChange change = op.change();
        CodeBlock.Builder code = CodeBlock.builder();
        if (change instanceof OnlineChange.AlterColumn a) {
            code.add("$T.alterColumn($S, $S)", ONLINE, name(a.table()), a.column());
            if (a.type() != null) {
                code.add("$Z.type($S)", a.type());
            }
            if (a.isNotNull()) {
                code.add("$Z.notNull()");
            }
            if (a.check() != null) {
                code.add("$Z.check($S, $L)", a.check().name(), literal(a.check().expression(), ELEMENT_ROOM));
            }
            if (a.unique() != null) {
                code.add("$Z.unique($S)", a.unique());
            }
            if (a.references() != null) {
                code.add("$Z.references($L)", constraint(a.references()));
            }
            if (a.up() != null) {
                code.add("$Z.up($L)", literal(a.up(), ELEMENT_ROOM));
            }
            if (a.down() != null) {
                code.add("$Z.down($L)", literal(a.down(), ELEMENT_ROOM));
            }
        } else if (change instanceof OnlineChange.RenameColumn r) {
            code.add("$T.renameColumn($S, $S, $S)", ONLINE, name(r.table()), r.column(), r.newName());
        } else if (change instanceof OnlineChange.RenameTable r) {
            code.add("$T.renameTable($S, $S)", ONLINE, name(r.table()), r.newName());
        } else if (change instanceof OnlineChange.DropColumn d) {
            code.add("$T.dropColumn($S, $S)", ONLINE, name(d.table()), d.column());
            if (d.down() != null) {
                code.add("$Z.down($L)", literal(d.down(), ELEMENT_ROOM));
            }
        }
        return CodeBlock.builder().addStatement("op.online($L)", code.build()).build();
    }

    /** The operations online changes are made of come from their halves at run time, never from a diff. */
    @Override
    public CodeBlock visit(OnlineOp.OnlineStep op) {
        throw new IllegalArgumentException(
                "Autogenerate writes online changes as op.online(...), not their parts: " + op);
    }

    @Override
    public CodeBlock visit(SqlOp.Execute op) {
        return statement("op.execute($L)", literal(op.sql(), EXECUTE_ROOM));
    }

    @Override
    public CodeBlock visit(SqlOp.RequireNoRows op) {
        return statement(
                "op.requireNoRows($L, $L)", literal(op.query(), EXECUTE_ROOM), literal(op.message(), EXECUTE_ROOM));
    }

    @Override
    public CodeBlock visit(SqlOp.Guard op) {
        PreconditionCode precondition = PreconditionCode.of(op.precondition());
        PreconditionCode outcomes = PreconditionCode.outcomes(op);
        if (op.errorMessage() != null) {
            return statement(
                    "op.guard($L, $T.$L, $T.$L, $L, $L)",
                    CodeBlock.of(precondition.format(), precondition.args().toArray()),
                    Precondition.OnFail.class,
                    op.onFail().name(),
                    Precondition.OnFail.class,
                    op.errorOutcome().name(),
                    literal(op.message(), EXECUTE_ROOM),
                    literal(op.errorMessage(), EXECUTE_ROOM));
        }
        return statement(
                "op.guard($L, $L, $L)",
                CodeBlock.of(precondition.format(), precondition.args().toArray()),
                CodeBlock.of(outcomes.format(), outcomes.args().toArray()),
                literal(op.message(), EXECUTE_ROOM));
    }

    /**
     * Rows become {@link LinkedHashMap}s in a block of their own: the first row's key order is the
     * INSERT's column order and values may be null, and {@code Map.of} keeps neither. The braces keep
     * the {@code rowN} names from clashing with a second bulk insert in the same method.
     */
    @Override
    public CodeBlock visit(DataOp.BulkInsert op) {
        String table = name(op.table());
        if (op.rows().isEmpty()) {
            return statement("op.bulkInsert($S, $T.of())", table, List.class);
        }
        CodeBlock.Builder code = CodeBlock.builder().add("{\n").indent();
        List<CodeBlock> rowNames = new ArrayList<>();
        for (Map<String, Object> row : op.rows()) {
            String var = "row" + (rowNames.size() + 1);
            rowNames.add(CodeBlock.of("$L", var));
            code.addStatement(
                    "$T<$T, $T> $L = new $T<>()", Map.class, String.class, Object.class, var, LinkedHashMap.class);
            for (Map.Entry<String, Object> value : row.entrySet()) {
                code.addStatement("$L.put($S, $L)", var, value.getKey(), value(value.getValue()));
            }
        }
        code.addStatement("op.bulkInsert($S, $T.of($L))", table, List.class, CodeBlock.join(rowNames, ", "));
        return code.unindent().add("}\n").build();
    }

    @Override
    public CodeBlock visit(DataOp.InsertRows op) {
        return rowsCall("insertRows", op.table(), op.rows());
    }

    @Override
    public CodeBlock visit(DataOp.DeleteRows op) {
        return rowsCall("deleteRows", op.table(), op.rows());
    }

    @Override
    public CodeBlock visit(DataOp.UpdateRows op) {
        return rowsCall("updateRows", op.table(), op.rows());
    }

    /**
     * {@code op.insertRows("countries", Rows.keyedBy("code")} then {@code .columns(...)} and one {@code .row(...)}
     * per row, each on a line of its own, as a reviewer reads a table.
     */
    private static CodeBlock rowsCall(String method, QualifiedName table, Rows rows) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("op.$L($S, $T.keyedBy($L)\n", method, name(table), ROWS, strings(rows.key()))
                .indent()
                .indent()
                .add(".columns($L)", strings(rows.columns()));
        for (List<@Nullable String> row : rows.values()) {
            // a lone null would be taken for a null array
            code.add("\n.row($L)", row.size() == 1 && row.get(0) == null ? "(String) null" : strings(row));
        }
        return code.add(");\n").unindent().unindent().build();
    }

    // ---- expressions shared by several ops ----

    /** {@code column(name, type)} and the fluent calls that differ from a plain nullable column. */
    private static CodeBlock column(Column c) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.column($S, $S)", DDL, c.name(), c.type());
        if (c.collation() != null) {
            code.add("$Z.collate($S)", c.collation());
        }
        // identity() and primaryKey() already make the column NOT NULL
        boolean notNullImplied = c.identityGeneration() != null || c.isPrimaryKey();
        if (!c.nullable() && !notNullImplied) {
            code.add("$Z.notNull()");
        }
        if (c.identityGeneration() != null) {
            Identity identity = c.identityGeneration();
            if (!identity.generatedAlways() && identity.options().isDefault() && identity.sequenceName() == null) {
                code.add("$Z.identity()");
            } else {
                code.add("$Z.identity($L)", identity(identity));
            }
        }
        if (c.generatedExpression() != null) {
            code.add("$Z.generatedAs($L)", literal(c.generatedExpression(), FLUENT_ROOM));
            if (c.isGeneratedVirtual()) {
                code.add("$Z.virtual()");
            }
        }
        if (c.defaultExpression() != null) {
            code.add("$Z.defaultValue($L)", literal(c.defaultExpression(), FLUENT_ROOM));
        }
        if (c.comment() != null) {
            code.add("$Z.comment($L)", literal(c.comment(), FLUENT_ROOM));
        }
        if (c.isUnique()) {
            code.add("$Z.unique()");
        }
        if (c.isPrimaryKey()) {
            code.add("$Z.primaryKey()");
        } else if (c.nullable() && c.identityGeneration() != null) {
            // a nullable identity column cannot come from PostgreSQL, but the op allows it: undo identity()'s NOT NULL
            code.add("$Z.nullable(true)");
        }
        return code.build();
    }

    /** {@code .with(parameter, value)} for each storage parameter of an index, or of a constraint's index. */
    private static void storage(CodeBlock.Builder code, Map<String, String> storage) {
        storage.forEach((parameter, value) -> {
            // a number or boolean as the typed overload takes it, the way a person would write it
            if (value.matches("-?(0|[1-9][0-9]{0,17})|true|false")) {
                code.add("$Z.with($S, $L)", parameter, value);
            } else {
                code.add("$Z.with($S, $S)", parameter, value);
            }
        });
    }

    private static CodeBlock constraint(Constraint constraint) {
        return constraint.accept(new ConstraintVisitor<CodeBlock>() {
            @Override
            public CodeBlock visit(Constraint.PrimaryKey pk) {
                CodeBlock.Builder code =
                        CodeBlock.builder().add("$T.primaryKey($L)", DDL, strings(pk.name(), pk.columns()));
                if (pk.deferrable()) {
                    code.add("$Z.deferrable($L)", pk.initiallyDeferred());
                }
                storage(code, pk.storage());
                return code.build();
            }

            @Override
            public CodeBlock visit(Constraint.Unique u) {
                CodeBlock.Builder code = CodeBlock.builder().add("$T.unique($L)", DDL, strings(u.name(), u.columns()));
                if (u.isNullsNotDistinct()) {
                    code.add("$Z.nullsNotDistinct()");
                }
                if (u.deferrable()) {
                    code.add("$Z.deferrable($L)", u.initiallyDeferred());
                }
                storage(code, u.storage());
                return code.build();
            }

            @Override
            public CodeBlock visit(Constraint.ForeignKey fk) {
                CodeBlock.Builder code = CodeBlock.builder()
                        .add("$T.foreignKey($L)", DDL, strings(fk.name(), fk.columns()))
                        .add("$Z.references($L)", strings(name(fk.referencedTable()), fk.referencedColumns()));
                if (fk.isMatchFull()) {
                    code.add("$Z.matchFull()");
                }
                if (fk.onDelete() != ReferentialAction.NO_ACTION
                        && !fk.onDeleteColumns().isEmpty()) {
                    code.add("$Z.onDelete(" + action(fk.onDelete()) + ", $L)", DDL, strings(fk.onDeleteColumns()));
                } else if (fk.onDelete() != ReferentialAction.NO_ACTION) {
                    code.add("$Z.onDelete(" + action(fk.onDelete()) + ")", DDL);
                }
                if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
                    code.add("$Z.onUpdate(" + action(fk.onUpdate()) + ")", DDL);
                }
                if (fk.deferrable()) {
                    code.add("$Z.deferrable($L)", fk.initiallyDeferred());
                }
                if (fk.isNotEnforced()) {
                    code.add("$Z.notEnforced()");
                } else if (fk.isNotValid()) {
                    code.add("$Z.notValid()");
                }
                return code.build();
            }

            @Override
            public CodeBlock visit(Constraint.Check check) {
                CodeBlock head = check.name() == null
                        ? CodeBlock.of("$T.check($L)", DDL, literal(check.expression(), ELEMENT_ROOM))
                        : CodeBlock.of(
                                "$T.check($S,$W$L)", DDL, check.name(), literal(check.expression(), ELEMENT_ROOM));
                CodeBlock.Builder code = CodeBlock.builder().add(head);
                if (check.isNoInherit()) {
                    code.add("$Z.noInherit()");
                }
                if (check.isNotEnforced()) {
                    code.add("$Z.notEnforced()");
                } else if (check.isNotValid()) {
                    code.add("$Z.notValid()");
                }
                return code.build();
            }
        });
    }

    /**
     * {@code $T.CASCADE} with the constant's name in the format itself: JavaPoet drops the class for a
     * static import only when the member name follows {@code $T} literally, not as an argument.
     */
    private static String action(ReferentialAction action) {
        return "$T." + action.name();
    }

    private static CodeBlock identity(Identity identity) {
        CodeBlock start =
                CodeBlock.of(identity.generatedAlways() ? "$T.identityAlways()" : "$T.identityByDefault()", DDL);
        String sequence = identity.sequenceName();
        if (sequence != null) {
            start = CodeBlock.of("$L.sequenceName($S)", start, sequence);
        }
        return identity.options().isDefault()
                ? start
                : CodeBlock.of("$L.with($L)", start, sequenceOptions(identity.options()));
    }

    private static CodeBlock sequenceOptions(SequenceOptions o) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.sequenceOptions()", DDL);
        if (o.dataType() != null) {
            code.add("$Z.as($S)", o.dataType());
        }
        if (o.start() != null) {
            code.add("$Z.startWith($L)", longLiteral(o.start()));
        }
        if (o.increment() != null) {
            code.add("$Z.incrementBy($L)", longLiteral(o.increment()));
        }
        if (o.minValue() != null) {
            code.add("$Z.minValue($L)", longLiteral(o.minValue()));
        }
        if (o.maxValue() != null) {
            code.add("$Z.maxValue($L)", longLiteral(o.maxValue()));
        }
        if (o.cache() != null) {
            code.add("$Z.cache($L)", longLiteral(o.cache()));
        }
        if (o.cycles()) {
            code.add("$Z.cycle()");
        }
        return code.build();
    }

    private static CodeBlock sequenceChanges(SequenceChanges c) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.sequenceChanges()", DDL);
        if (c.dataType() != null) {
            code.add("$Z.as($S)", c.dataType());
        }
        if (c.start() != null) {
            code.add("$Z.startWith($L)", longLiteral(c.start()));
        }
        if (c.increment() != null) {
            code.add("$Z.incrementBy($L)", longLiteral(c.increment()));
        }
        if (c.minValue() != null) {
            code.add("$Z.minValue($L)", longLiteral(c.minValue()));
        }
        if (c.maxValue() != null) {
            code.add("$Z.maxValue($L)", longLiteral(c.maxValue()));
        }
        if (c.cache() != null) {
            code.add("$Z.cache($L)", longLiteral(c.cache()));
        }
        if (c.cycle() != null) {
            code.add("$Z.cycle($L)", c.cycle());
        }
        return code.build();
    }

    /** A bulk-insert value as a Java expression whose SQL literal is the same as the original's. */
    private static CodeBlock value(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer) {
            return CodeBlock.of("$L", value);
        }
        if (value instanceof Long l) {
            return CodeBlock.of("$LL", l);
        }
        if (value instanceof Short || value instanceof Byte) {
            return CodeBlock.of("($L) $L", value instanceof Short ? "short" : "byte", value);
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            // the String constructors keep every digit and the scale
            return CodeBlock.of("new $T($S)", value.getClass(), value.toString());
        }
        if (value instanceof Double d) {
            return Double.isNaN(d)
                    ? CodeBlock.of("$T.NaN", Double.class)
                    : Double.isInfinite(d)
                            ? CodeBlock.of("$T.$L", Double.class, d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY")
                            : CodeBlock.of("$Ld", d);
        }
        if (value instanceof Float f) {
            return Float.isNaN(f)
                    ? CodeBlock.of("$T.NaN", Float.class)
                    : Float.isInfinite(f)
                            ? CodeBlock.of("$T.$L", Float.class, f > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY")
                            : CodeBlock.of("$Lf", f);
        }
        if (value instanceof byte[] bytes) {
            return CodeBlock.of(
                    "$T.of().parseHex($S)", HexFormat.class, HexFormat.of().formatHex(bytes));
        }
        if (value instanceof UUID uuid) {
            return CodeBlock.of("$T.fromString($S)", UUID.class, uuid.toString());
        }
        if (PARSEABLE_TIME.contains(value.getClass())) {
            return CodeBlock.of("$T.parse($S)", value.getClass(), value.toString());
        }
        if (value instanceof Enum<?> e) {
            // the enum class may not be visible to the migration; its SQL literal is the name, so write that
            return CodeBlock.of("$S", e.name());
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof TemporalAccessor) {
            // these become the quoted text of toString() in SQL, so the text alone is the same value
            return CodeBlock.of("$S", value.toString());
        }
        throw new IllegalArgumentException(
                "Cannot write a bulk-insert value of type " + value.getClass().getName()
                        + " as Java source. Use strings, numbers, booleans, byte arrays, UUIDs or java.time values.");
    }

    // ---- small helpers ----

    /**
     * A string literal, as {@code "..."} pieces joined by {@code +} when it would not fit the room it
     * gets on its line, so the statement can wrap between them; JavaPoet already breaks a literal after
     * each line feed.
     *
     * @param room the columns the quoted literal may take where it is written (see the {@code _ROOM} constants)
     */
    private static CodeBlock literal(@Nullable String text, int room) {
        if (text == null
                || text.contains("\n")
                || CodeBlock.of("$S", text).toString().length() <= room) {
            return CodeBlock.of("$S", text);
        }
        List<CodeBlock> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + LITERAL_PIECE);
            if (end < text.length()) {
                // end a piece after a list separator, or else a space, so each piece starts with a word
                int comma = text.lastIndexOf(", ", end - 2);
                int space = text.lastIndexOf(' ', end - 1);
                if (comma > start + LITERAL_PIECE / 2) {
                    end = comma + 2;
                } else if (space > start + LITERAL_PIECE / 2) {
                    end = space + 1;
                }
                if (Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--; // never split a character in two
                }
            }
            pieces.add(CodeBlock.of("$S", text.substring(start, end)));
            start = end;
        }
        return CodeBlock.join(pieces, "$W+ ");
    }

    /** {@code c} without its comment, which a separate call then writes. */
    private static Column withoutComment(Column c) {
        return new Column(
                c.name(),
                c.type(),
                c.nullable(),
                c.defaultExpression(),
                c.identityGeneration(),
                c.generatedExpression(),
                c.collation(),
                null,
                c.isPrimaryKey(),
                c.isGeneratedVirtual(),
                c.isUnique());
    }

    /** One statement that may wrap after each comma of its format when it passes the line width. */
    private static CodeBlock statement(String format, @Nullable Object... args) {
        return CodeBlock.builder()
                .addStatement(format.replace(", ", ",$W"), args)
                .build();
    }

    /** A key as the {@code Ddl} factories write it: {@code key("a")}, {@code desc("a").nullsLast()}, {@code expr("lower(a)")}. */
    private static CodeBlock indexKey(IndexKey key) {
        return key.accept(new IndexKeyVisitor<CodeBlock>() {
            @Override
            public CodeBlock visit(IndexKey.Column c) {
                CodeBlock.Builder code =
                        CodeBlock.builder().add(c.descending() ? "$T.desc($S)" : "$T.key($S)", DDL, c.name());
                if (c.nulls() != null) {
                    code.add(c.nulls() == IndexKey.Nulls.FIRST ? ".nullsFirst()" : ".nullsLast()");
                }
                return code.build();
            }

            @Override
            public CodeBlock visit(IndexKey.Expression e) {
                return CodeBlock.of("$T.expr($S)", DDL, e.sql());
            }
        });
    }

    /** {@code "first", "second", "a", "b"}: fixed arguments followed by varargs, each a string literal. */
    private static CodeBlock strings(@Nullable String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return strings(all);
    }

    private static CodeBlock strings(String first, @Nullable String second, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.add(second);
        all.addAll(rest);
        return strings(all);
    }

    private static CodeBlock strings(List<String> values) {
        return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
    }

    private static String longLiteral(long value) {
        return value == (int) value ? Long.toString(value) : value + "L";
    }

    /**
     * The {@code "schema.name"} text every shorthand takes, with a part in double quotes where it holds a
     * dot ({@code "public.\"public.ix_orders\""}), so that it is read back as the same name.
     */
    private static String name(QualifiedName name) {
        return name.text();
    }

    /**
     * javac turns unicode escapes (backslash, u, four hex digits) into characters before it sees
     * comments, so an escaped line feed in a note would end the comment and make the rest of the note
     * code. A backslash preceded by an odd number of backslashes starts no escape, so each run of
     * backslashes before a {@code u} is made even.
     */
    private static String commentSafe(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == 'u' && run % 2 == 1) {
                out.append('\\');
            }
            out.append(ch);
            run = ch == '\\' ? run + 1 : 0;
        }
        return out.toString();
    }
}
