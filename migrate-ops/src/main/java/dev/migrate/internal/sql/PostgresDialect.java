package dev.migrate.internal.sql;

import static dev.migrate.sql.Identifiers.quote;
import static dev.migrate.sql.Identifiers.quoteAll;
import static dev.migrate.sql.Literals.string;

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
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Renders each {@link Op} as PostgreSQL statements (without trailing semicolons). Online runs
 * execute these statements; offline runs print them: both go through here.
 */
public final class PostgresDialect implements OpVisitor<List<String>> {

    public List<String> render(Op op) {
        return op.accept(this);
    }

    // ---- schemas ----

    @Override
    public List<String> visit(SchemaOp.CreateSchema op) {
        return List.of("CREATE SCHEMA " + (op.ifNotExists() ? "IF NOT EXISTS " : "") + quote(op.name()));
    }

    @Override
    public List<String> visit(SchemaOp.DropSchema op) {
        return List.of("DROP SCHEMA " + quote(op.name()) + (op.cascade() ? " CASCADE" : ""));
    }

    // ---- tables ----

    @Override
    public List<String> visit(TableOp.CreateTable op) {
        List<String> parts = new ArrayList<>();
        for (Column c : op.columns()) {
            parts.add(columnDefinition(c));
        }
        // PostgreSQL marks a constraint of CREATE TABLE valid whatever it says (the table is empty):
        // one meant to stay NOT VALID is added after, as a database that holds one was made
        List<String> notValid = new ArrayList<>();
        for (Constraint c : op.constraints()) {
            if (isNotValid(c)) {
                notValid.add(alterTable(op.table()) + "ADD " + constraint(c));
            } else {
                parts.add(constraint(c));
            }
        }
        List<String> sql = new ArrayList<>();
        sql.add("CREATE " + (op.unlogged() ? "UNLOGGED " : "") + "TABLE " + quote(op.table()) + " (\n    "
                + String.join(",\n    ", parts) + "\n)"
                + (op.partitionBy() == null
                        ? ""
                        : " PARTITION BY " + op.partitionBy().strip()));
        sql.addAll(notValid);
        if (op.comment() != null) {
            sql.add(tableComment(op.table(), op.comment()));
        }
        for (Column c : op.columns()) {
            if (c.comment() != null) {
                sql.add(columnComment(op.table(), c.name(), c.comment()));
            }
        }
        return sql;
    }

    @Override
    public List<String> visit(TableOp.DropTable op) {
        return List.of("DROP TABLE " + quote(op.table()));
    }

    @Override
    public List<String> visit(TableOp.RenameTable op) {
        return List.of("ALTER TABLE " + quote(op.table()) + " RENAME TO " + quote(op.newName()));
    }

    @Override
    public List<String> visit(TableOp.CommentOnTable op) {
        return List.of(tableComment(op.table(), op.comment()));
    }

    @Override
    public List<String> visit(TableOp.SetLogged op) {
        return List.of("ALTER TABLE " + quote(op.table()) + (op.unlogged() ? " SET UNLOGGED" : " SET LOGGED"));
    }

    // ---- partitions ----

    @Override
    public List<String> visit(TableOp.CreatePartition op) {
        return List.of("CREATE TABLE " + quote(op.partition()) + " PARTITION OF " + quote(op.parent()) + " "
                + op.bound().strip()
                + (op.partitionBy() == null
                        ? ""
                        : " PARTITION BY " + op.partitionBy().strip()));
    }

    @Override
    public List<String> visit(TableOp.DropPartition op) {
        return List.of("DROP TABLE " + quote(op.partition()));
    }

    @Override
    public List<String> visit(TableOp.AttachPartition op) {
        return List.of(alterTable(op.parent()) + "ATTACH PARTITION " + quote(op.partition()) + " "
                + op.bound().strip());
    }

    @Override
    public List<String> visit(TableOp.DetachPartition op) {
        return List.of(alterTable(op.parent()) + "DETACH PARTITION " + quote(op.partition())
                + (op.concurrently() ? " CONCURRENTLY" : ""));
    }

    // ---- columns ----

    @Override
    public List<String> visit(ColumnOp.AddColumn op) {
        List<String> sql = new ArrayList<>();
        sql.add(alterTable(op.table()) + "ADD COLUMN " + columnDefinition(op.column()));
        if (op.column().comment() != null) {
            sql.add(columnComment(op.table(), op.column().name(), op.column().comment()));
        }
        return sql;
    }

    @Override
    public List<String> visit(ColumnOp.DropColumn op) {
        return List.of(alterTable(op.table()) + "DROP COLUMN " + quote(op.column()));
    }

    @Override
    public List<String> visit(ColumnOp.RenameColumn op) {
        return List.of(alterTable(op.table()) + "RENAME COLUMN " + quote(op.column()) + " TO " + quote(op.newName()));
    }

    @Override
    public List<String> visit(ColumnOp.AlterColumnType op) {
        return List.of(alterColumn(op.table(), op.column()) + "TYPE " + Types.check(op.type())
                + (op.collation() == null ? "" : " COLLATE " + quote(QualifiedName.parse(op.collation())))
                + (op.using() == null ? "" : " USING " + op.using()));
    }

    @Override
    public List<String> visit(ColumnOp.AlterColumnNullable op) {
        return List.of(alterColumn(op.table(), op.column()) + (op.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
    }

    @Override
    public List<String> visit(ColumnOp.AlterColumnDefault op) {
        return List.of(alterColumn(op.table(), op.column())
                + (op.expression() == null ? "DROP DEFAULT" : "SET DEFAULT " + op.expression()));
    }

    @Override
    public List<String> visit(ColumnOp.AddIdentity op) {
        return List.of(alterColumn(op.table(), op.column()) + "ADD " + identity(op.identity()));
    }

    @Override
    public List<String> visit(ColumnOp.AlterIdentity op) {
        List<String> parts = new ArrayList<>();
        if (op.generatedAlways() != null) {
            parts.add(op.generatedAlways() ? "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT");
        }
        if (op.changes().dataType() != null) {
            throw new IllegalArgumentException("The data type of identity column " + op.column()
                    + " follows the column's " + "type; change it with alterColumnType instead.");
        }
        sequenceClauses(op.changes()).forEach(c -> parts.add("SET " + c));
        return parts.isEmpty() ? List.of() : List.of(alterColumn(op.table(), op.column()) + String.join(" ", parts));
    }

    @Override
    public List<String> visit(ColumnOp.DropIdentity op) {
        return List.of(alterColumn(op.table(), op.column()) + "DROP IDENTITY");
    }

    @Override
    public List<String> visit(ColumnOp.CommentOnColumn op) {
        return List.of(columnComment(op.table(), op.column(), op.comment()));
    }

    @Override
    public List<String> visit(ConstraintOp.CommentOnConstraint op) {
        return List.of("COMMENT ON CONSTRAINT " + quote(op.constraint()) + " ON " + quote(op.table()) + " IS "
                + string(op.comment()));
    }

    @Override
    public List<String> visit(IndexOp.CommentOnIndex op) {
        return List.of("COMMENT ON INDEX " + quote(op.index()) + " IS " + string(op.comment()));
    }

    // ---- indexes ----

    @Override
    public List<String> visit(IndexOp.CreateIndex op) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (op.isUnique()) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ");
        if (op.isConcurrent()) {
            sql.append("CONCURRENTLY ");
        }
        sql.append(quote(op.name())).append(" ON ").append(quote(op.table()));
        if (op.method() != null) {
            sql.append(" USING ").append(quote(op.method()));
        }
        sql.append(" (")
                .append(op.keys().stream().map(PostgresDialect::indexKey).collect(Collectors.joining(", ")))
                .append(')');
        if (!op.include().isEmpty()) {
            sql.append(" INCLUDE (").append(quoteAll(op.include())).append(')');
        }
        if (op.isNullsNotDistinct()) {
            sql.append(" NULLS NOT DISTINCT");
        }
        sql.append(with(op.storage()));
        if (op.where() != null) {
            sql.append(" WHERE ").append(op.where());
        }
        return List.of(sql.toString());
    }

    /** {@code  WITH (name = value, ...)} of an index's storage parameters; nothing for none. */
    private static String with(Map<String, String> storage) {
        return storage.isEmpty()
                ? ""
                : storage.entrySet().stream()
                        .map(p -> p.getKey() + " = " + storageValue(p.getValue()))
                        .collect(Collectors.joining(", ", " WITH (", ")"));
    }

    /** A number or a word as it is; anything else as a string literal, which PostgreSQL reads the same way. */
    private static String storageValue(String value) {
        return STORAGE_WORD.matcher(value).matches() ? value : string(value);
    }

    private static final Pattern STORAGE_WORD = Pattern.compile("-?[0-9]+(\\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public List<String> visit(IndexOp.DropIndex op) {
        return List.of("DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "") + quote(op.index()));
    }

    // ---- constraints ----

    @Override
    public List<String> visit(ConstraintOp.AddConstraint op) {
        return List.of(alterTable(op.table()) + "ADD " + constraint(op.constraint()));
    }

    @Override
    public List<String> visit(ConstraintOp.DropConstraint op) {
        return List.of(alterTable(op.table()) + "DROP CONSTRAINT " + quote(op.name()));
    }

    @Override
    public List<String> visit(ConstraintOp.ValidateConstraint op) {
        return List.of(alterTable(op.table()) + "VALIDATE CONSTRAINT " + quote(op.name()));
    }

    /** Both words always: a reader of {@code DEFERRABLE} alone must know it means {@code INITIALLY IMMEDIATE}. */
    @Override
    public List<String> visit(ConstraintOp.AlterConstraintDeferrability op) {
        return List.of(alterTable(op.table()) + "ALTER CONSTRAINT " + quote(op.constraint()) + " "
                + op.deferrability().sql());
    }

    // ---- enum types ----

    @Override
    public List<String> visit(EnumOp.CreateEnum op) {
        return List.of("CREATE TYPE " + quote(op.type()) + " AS ENUM ("
                + op.labels().stream().map(Literals::string).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public List<String> visit(EnumOp.DropEnum op) {
        return List.of("DROP TYPE " + quote(op.type()));
    }

    @Override
    public List<String> visit(EnumOp.AddEnumValue op) {
        String position = op.before() != null
                ? " BEFORE " + string(op.before())
                : op.after() != null ? " AFTER " + string(op.after()) : "";
        // IF NOT EXISTS: no downgrade can remove the label, so upgrading again after one must not fail on it
        return List.of("ALTER TYPE " + quote(op.type()) + " ADD VALUE IF NOT EXISTS " + string(op.label()) + position);
    }

    @Override
    public List<String> visit(EnumOp.RenameEnumValue op) {
        return List.of("ALTER TYPE " + quote(op.type()) + " RENAME VALUE " + string(op.label()) + " TO "
                + string(op.newLabel()));
    }

    // ---- sequences ----

    @Override
    public List<String> visit(SequenceOp.CreateSequence op) {
        String options = sequenceOptions(op.options());
        StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(quote(op.sequence()));
        if (!options.isEmpty()) {
            sql.append(' ').append(options);
        }
        if (op.ownedBy() != null) {
            // table.column or schema.table.column: each part is a name of its own
            sql.append(" OWNED BY ")
                    .append(Arrays.stream(op.ownedBy().split("\\."))
                            .map(Identifiers::quote)
                            .collect(Collectors.joining(".")));
        }
        return List.of(sql.toString());
    }

    @Override
    public List<String> visit(SequenceOp.AlterSequence op) {
        return op.changes().isEmpty()
                ? List.of()
                : List.of("ALTER SEQUENCE " + quote(op.sequence()) + " "
                        + String.join(" ", sequenceClauses(op.changes())));
    }

    @Override
    public List<String> visit(SequenceOp.DropSequence op) {
        return List.of("DROP SEQUENCE " + quote(op.sequence()));
    }

    // ---- objects kept as one definition ----

    @Override
    public List<String> visit(ObjectOp.CreateObject op) {
        return definition(op.definition());
    }

    @Override
    public List<String> visit(ObjectOp.ReplaceObject op) {
        return definition(op.to());
    }

    /**
     * A routine is created with its body unchecked, as {@code pg_dump} restores one: the body of a
     * {@code LANGUAGE sql} function may call a function or read a table made after it, and nothing in
     * the catalog says so, so no order of creation is known to be right. (A {@code BEGIN ATOMIC} body
     * is parsed whatever the setting, and its dependencies are in the catalog.) The definition comes
     * from a catalog where the body was valid.
     */
    private static List<String> definition(ObjectDefinition definition) {
        if (definition.kind() == ObjectKind.FUNCTION || definition.kind() == ObjectKind.PROCEDURE) {
            return List.of("SET check_function_bodies = off", definition.sql(), "RESET check_function_bodies");
        }
        return List.of(definition.sql());
    }

    @Override
    public List<String> visit(ObjectOp.DropObject op) {
        return List.of(op.kind().dropStatement(op.identity()));
    }

    // ---- raw SQL and data ----

    /**
     * An online change met outside a run, which renders its halves itself (the upgrade its start): the
     * change made at once, as a plain migration would make it.
     */
    @Override
    public List<String> visit(OnlineOp.Online op) {
        return renderAll(op.whole());
    }

    @Override
    public List<String> visit(OnlineOp.OnlineStep op) {
        return OnlineSql.render(op, this);
    }

    /**
     * A query whose rows are the {@code CREATE INDEX CONCURRENTLY} statements that copy the indexes of a
     * replaced column onto the new one, as a run builds them, one at a time.
     */
    public String indexCopies(OnlineOp.DuplicateIndexes op) {
        return OnlineSql.indexCopies(op, true);
    }

    /** A condition true of a schema ({@code nspname}, {@code oid} of pg_namespace) that is no schema of views. */
    public static String notViewsOfARevision() {
        return "coalesce(obj_description(oid, 'pg_namespace'), '') NOT LIKE " + string(OnlineSql.VIEWS_COMMENT + "%");
    }

    // ---- distribution across a Citus cluster ----

    @Override
    public List<String> visit(CitusOp.DistributeTable op) {
        StringBuilder sql = new StringBuilder("SELECT create_distributed_table(")
                .append(regclass(op.table()))
                .append(", ")
                .append(string(op.column()));
        // 'default' is what leaving it out says
        if (op.colocateWith() != null && !op.colocateWith().equalsIgnoreCase("default")) {
            sql.append(", colocate_with => ")
                    .append(
                            op.colocatedWithTable()
                                    ? regclass(QualifiedName.parse(op.colocateWith()))
                                    : string(op.colocateWith().toLowerCase(Locale.ROOT)));
        }
        if (op.shardCount() != null) {
            sql.append(", shard_count => ").append(op.shardCount());
        }
        return List.of(SEQUENTIAL_SHARDS, sql.append(")").toString());
    }

    @Override
    public List<String> visit(CitusOp.CreateReferenceTable op) {
        return List.of(SEQUENTIAL_SHARDS, "SELECT create_reference_table(" + regclass(op.table()) + ")");
    }

    /**
     * Citus creates a table's shards over parallel connections unless told otherwise, and then refuses, for
     * the rest of the transaction, any change to the table over the migration's own connection (a foreign key
     * added after it: "cannot modify table because there was a parallel operation"). One connection per
     * worker lets the migration go on with the table.
     */
    private static final String SEQUENTIAL_SHARDS = "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'";

    @Override
    public List<String> visit(CitusOp.UndistributeTable op) {
        return List.of("SELECT undistribute_table(" + regclass(op.table()) + ")");
    }

    @Override
    public List<String> visit(CitusOp.DistributeSchema op) {
        return List.of("SELECT citus_schema_distribute(" + string(quote(op.schema())) + ")");
    }

    @Override
    public List<String> visit(CitusOp.UndistributeSchema op) {
        return List.of("SELECT citus_schema_undistribute(" + string(quote(op.schema())) + ")");
    }

    /** A table as a {@code regclass} argument: its name quoted as SQL reads it, in a literal. */
    private static String regclass(QualifiedName table) {
        return string(quote(table));
    }

    @Override
    public List<String> visit(SqlOp.Execute op) {
        return List.of(op.sql());
    }

    @Override
    public List<String> visit(DataOp.BulkInsert op) {
        if (op.rows().isEmpty()) {
            return List.of();
        }
        List<String> columns = List.copyOf(op.rows().get(0).keySet());
        String values = op.rows().stream()
                .map(row -> {
                    if (!row.keySet().equals(new HashSet<>(columns))) {
                        throw new IllegalArgumentException("Every row of a bulk insert into " + op.table()
                                + " must have the same columns as the first row " + columns + "; this row has "
                                + row.keySet() + ".");
                    }
                    return columns.stream()
                            .map(c -> Literals.literal(row.get(c)))
                            .collect(Collectors.joining(", ", "(", ")"));
                })
                .collect(Collectors.joining(",\n    "));
        return List.of("INSERT INTO " + quote(op.table()) + " (" + quoteAll(columns) + ") VALUES\n    " + values);
    }

    /**
     * One {@code INSERT} of every row, {@code OVERRIDING SYSTEM VALUE} so that a row put back with its
     * identity value (a delete's reverse) keeps it; each value a string literal the column's type reads. A column
     * given whole numbers may own a sequence (an identity or serial key the rows name): it is moved past the
     * largest of them, never back, so the application's next row does not collide with one inserted here.
     */
    @Override
    public List<String> visit(DataOp.InsertRows op) {
        Rows rows = op.rows();
        if (rows.isEmpty()) {
            return List.of();
        }
        String values = rows.values().stream().map(PostgresDialect::tuple).collect(Collectors.joining(",\n    "));
        List<String> sql = new ArrayList<>();
        sql.add("INSERT INTO " + quote(op.table()) + " (" + quoteAll(rows.columns())
                + ") OVERRIDING SYSTEM VALUE VALUES\n    " + values);
        for (String column : rows.columns()) {
            largestWholeNumber(rows, column)
                    .ifPresent(top -> sql.add("SELECT setval(s.seq::regclass, " + top + ") FROM"
                            + " (SELECT pg_get_serial_sequence(" + string(quote(op.table())) + ", " + string(column)
                            + ") AS seq) s WHERE s.seq IS NOT NULL AND " + top
                            + " > coalesce(pg_sequence_last_value(s.seq::regclass), 0)"));
        }
        return sql;
    }

    /** The largest value of {@code column}, when every value given for it is a whole number; empty otherwise. */
    private static OptionalLong largestWholeNumber(Rows rows, String column) {
        long top = Long.MIN_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            String value = rows.value(i, column);
            if (value == null || !value.matches("-?[0-9]{1,18}")) {
                return OptionalLong.empty();
            }
            top = Math.max(top, Long.parseLong(value));
        }
        return top > 0 ? OptionalLong.of(top) : OptionalLong.empty();
    }

    /** One {@code DELETE} of every row, found by its key: {@code WHERE code IN ('XX', 'YY')}. */
    @Override
    public List<String> visit(DataOp.DeleteRows op) {
        Rows rows = op.rows();
        if (rows.isEmpty()) {
            return List.of();
        }
        return List.of("DELETE FROM " + quote(op.table()) + " WHERE " + Literals.keyIn(rows.key(), rows.keys()));
    }

    /** One {@code UPDATE} per row, setting the columns outside the key where the key matches. */
    @Override
    public List<String> visit(DataOp.UpdateRows op) {
        Rows rows = op.rows();
        List<String> set =
                rows.columns().stream().filter(c -> !rows.key().contains(c)).toList();
        if (set.isEmpty()) {
            return List.of();
        }
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            statements.add("UPDATE " + quote(op.table()) + " SET "
                    + set.stream()
                            .map(c -> quote(c) + " = " + string(rows.value(row, c)))
                            .collect(Collectors.joining(", "))
                    + " WHERE "
                    + rows.key().stream()
                            .map(c -> quote(c) + " = " + string(rows.value(row, c)))
                            .collect(Collectors.joining(" AND ")));
        }
        return statements;
    }

    /** A row's values as a parenthesized list of literals, {@code NULL} for null. */
    private static String tuple(List<@Nullable String> values) {
        return values.stream().map(Literals::string).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * The guard as a {@code DO} block, online and offline alike: it counts the query's rows and
     * raises {@code check_violation} with the message and the count, which ends the transaction.
     * The block's dollar tag is one the query does not contain.
     */
    @Override
    public List<String> visit(SqlOp.RequireNoRows op) {
        String tag = "$guard$";
        for (int i = 1; op.query().contains(tag); i++) {
            tag = "$guard" + i + "$";
        }
        return List.of("DO " + tag + "\n"
                + "DECLARE\n"
                + "    violating bigint;\n"
                + "BEGIN\n"
                + "    SELECT count(*) INTO violating FROM (\n"
                + "        " + op.query().strip().replaceAll(";\\s*$", "") + "\n"
                + "    ) AS rows_that_must_not_exist;\n"
                + "    IF violating > 0 THEN\n"
                + "        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = "
                + Literals.string(op.message()) + " || ' (' || violating || ' row' || "
                + "CASE WHEN violating = 1 THEN '' ELSE 's' END || ' found)';\n"
                + "    END IF;\n"
                + "END\n"
                + tag);
    }

    /**
     * The guard as a {@code DO} block, for offline SQL: a failed precondition raises the guard's message
     * for {@code HALT}, and a warning for {@code WARN}. A live run evaluates the guard itself, before the
     * revision's statements ({@code GuardCheck}), and offline SQL refuses the outcomes a script cannot
     * carry out; for those the block fails as {@code HALT} does, so no script can apply the revision
     * without its precondition. A guard whose {@code onError} is {@code WARN} evaluates its precondition in
     * a block of its own, whose failure warns and lets the revision run.
     */
    @Override
    public List<String> visit(SqlOp.Guard op) {
        boolean warn = op.onFail() == Precondition.OnFail.WARN;
        String text = "Precondition failed: " + op.message();
        String test = PreconditionSql.of(op.precondition());
        String tag = "$guard$";
        for (int i = 1; test.contains(tag); i++) {
            tag = "$guard" + i + "$";
        }
        if (op.errorOutcome() == Precondition.OnFail.WARN) {
            // a failed evaluation warns and the revision runs, as Liquibase's onError WARN; the inner block is
            // a subtransaction, so the error does not end the script's transaction
            test = "migrate_holds";
            return guardBlock(
                    tag,
                    "DECLARE\n"
                            + "    migrate_holds boolean;\n"
                            + "BEGIN\n"
                            + "    BEGIN\n"
                            + "        migrate_holds := " + PreconditionSql.of(op.precondition()) + ";\n"
                            + "    EXCEPTION WHEN OTHERS THEN\n"
                            + "        RAISE WARNING '%', "
                            + Literals.string("Precondition could not be evaluated: " + op.errorText() + ": ")
                            + " || SQLERRM;\n"
                            + "        migrate_holds := true;\n"
                            + "    END;\n",
                    test,
                    warn,
                    text);
        }
        return guardBlock(tag, "BEGIN\n", test, warn, text);
    }

    /** The {@code DO} block of a guard: {@code start} opens it (and evaluates {@code test} when it is a variable). */
    private static List<String> guardBlock(String tag, String start, String test, boolean warn, String text) {
        return List.of("DO " + tag + "\n"
                + start
                + "    IF NOT " + test + " THEN\n"
                + (warn
                        ? "        RAISE WARNING '%', " + Literals.string(text) + ";\n"
                        : "        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = "
                                + Literals.string(text) + ";\n")
                + "    END IF;\n"
                + "END\n"
                + tag);
    }

    // ---- pieces ----

    /** The definition of a column as in CREATE TABLE and ADD COLUMN. */
    public String columnDefinition(Column c) {
        StringBuilder sql = new StringBuilder(quote(c.name())).append(' ').append(Types.check(c.type()));
        if (c.collation() != null) {
            sql.append(" COLLATE ").append(quote(QualifiedName.parse(c.collation())));
        }
        if (c.identityGeneration() != null) {
            sql.append(' ').append(identity(c.identityGeneration()));
        }
        if (c.generatedExpression() != null) {
            sql.append(" GENERATED ALWAYS AS (")
                    .append(c.generatedExpression())
                    .append(c.isGeneratedVirtual() ? ") VIRTUAL" : ") STORED");
        }
        if (c.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(c.defaultExpression());
        }
        if (c.isPrimaryKey()) {
            sql.append(" PRIMARY KEY");
        } else if (!c.nullable()) {
            sql.append(" NOT NULL");
        }
        if (c.isUnique()) {
            sql.append(" UNIQUE");
        }
        return sql.toString();
    }

    /** A table constraint as in CREATE TABLE and ADD. */
    public String constraint(Constraint constraint) {
        String named = constraint.name() == null ? "" : "CONSTRAINT " + quote(constraint.name()) + " ";
        return named
                + constraint.accept(new ConstraintVisitor<String>() {
                    @Override
                    public String visit(Constraint.PrimaryKey pk) {
                        return "PRIMARY KEY (" + quoteAll(pk.columns()) + ")" + with(pk.storage())
                                + deferrable(pk.deferrable(), pk.initiallyDeferred());
                    }

                    @Override
                    public String visit(Constraint.Unique u) {
                        return "UNIQUE " + (u.isNullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + "("
                                + quoteAll(u.columns()) + ")" + with(u.storage())
                                + deferrable(u.deferrable(), u.initiallyDeferred());
                    }

                    @Override
                    public String visit(Constraint.ForeignKey fk) {
                        StringBuilder sql = new StringBuilder("FOREIGN KEY (")
                                .append(quoteAll(fk.columns()))
                                .append(") REFERENCES ")
                                .append(quote(fk.referencedTable()));
                        if (!fk.referencedColumns().isEmpty()) {
                            // none named: PostgreSQL uses the referenced table's primary key
                            sql.append(" (")
                                    .append(quoteAll(fk.referencedColumns()))
                                    .append(')');
                        }
                        if (fk.isMatchFull()) {
                            sql.append(" MATCH FULL");
                        }
                        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
                            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
                        }
                        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
                            sql.append(" ON DELETE ").append(fk.onDelete().sql());
                            if (!fk.onDeleteColumns().isEmpty()) {
                                sql.append(" (")
                                        .append(quoteAll(fk.onDeleteColumns()))
                                        .append(')');
                            }
                        }
                        sql.append(deferrable(fk.deferrable(), fk.initiallyDeferred()));
                        // a key not enforced is never validated: PostgreSQL writes one word or the other
                        if (fk.isNotEnforced()) {
                            sql.append(" NOT ENFORCED");
                        } else if (fk.isNotValid()) {
                            sql.append(" NOT VALID");
                        }
                        return sql.toString();
                    }

                    @Override
                    public String visit(Constraint.Check check) {
                        return "CHECK (" + check.expression() + ")" + (check.isNoInherit() ? " NO INHERIT" : "")
                                + (check.isNotEnforced() ? " NOT ENFORCED" : check.isNotValid() ? " NOT VALID" : "");
                    }
                });
    }

    private static boolean isNotValid(Constraint c) {
        return (c instanceof Constraint.Check check && check.isNotValid() && !check.isNotEnforced())
                || (c instanceof Constraint.ForeignKey fk && fk.isNotValid() && !fk.isNotEnforced());
    }

    private static String deferrable(boolean deferrable, boolean initiallyDeferred) {
        if (!deferrable) {
            return "";
        }
        return initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    private static String identity(Identity identity) {
        // An identity's sequence always takes the column's type, and PostgreSQL refuses AS inside its options
        // ("conflicting or redundant options"), so a type read back from the catalog is left out.
        String options = sequenceOptions(identity.options().as(null));
        String sequence = identity.sequenceName();
        if (sequence != null) {
            options = ("SEQUENCE NAME " + quote(sequence) + " " + options).strip();
        }
        return "GENERATED " + (identity.generatedAlways() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
                + (options.isEmpty() ? "" : " (" + options + ")");
    }

    private static String sequenceOptions(SequenceOptions o) {
        return String.join(" ", sequenceClauses(o.asChanges()));
    }

    /** Sequence options as PostgreSQL writes them ({@code INCREMENT BY 20}, {@code NO CYCLE}), in its order. */
    private static List<String> sequenceClauses(SequenceChanges o) {
        List<String> parts = new ArrayList<>();
        if (o.dataType() != null) {
            parts.add("AS " + Types.check(o.dataType()));
        }
        if (o.increment() != null) {
            parts.add("INCREMENT BY " + o.increment());
        }
        if (o.minValue() != null) {
            parts.add("MINVALUE " + o.minValue());
        }
        if (o.maxValue() != null) {
            parts.add("MAXVALUE " + o.maxValue());
        }
        if (o.start() != null) {
            parts.add("START WITH " + o.start());
        }
        if (o.cache() != null) {
            parts.add("CACHE " + o.cache());
        }
        if (o.cycle() != null) {
            parts.add(o.cycle() ? "CYCLE" : "NO CYCLE");
        }
        return parts;
    }

    private static String indexKey(IndexKey key) {
        return key.accept(new IndexKeyVisitor<String>() {
            @Override
            public String visit(IndexKey.Column c) {
                return quote(c.name())
                        + (c.descending() ? " DESC" : "")
                        + (c.nulls() == null ? "" : " NULLS " + c.nulls().name());
            }

            @Override
            public String visit(IndexKey.Expression e) {
                return e.sql();
            }
        });
    }

    private static String alterTable(QualifiedName table) {
        return "ALTER TABLE " + quote(table) + " ";
    }

    private static String alterColumn(QualifiedName table, String column) {
        return alterTable(table) + "ALTER COLUMN " + quote(column) + " ";
    }

    private static String tableComment(QualifiedName table, @Nullable String comment) {
        return "COMMENT ON TABLE " + quote(table) + " IS " + string(comment);
    }

    private static String columnComment(QualifiedName table, String column, @Nullable String comment) {
        return "COMMENT ON COLUMN " + quote(table) + "." + quote(column) + " IS " + string(comment);
    }

    /** The statements of all {@code ops}, in order. */
    public List<String> renderAll(List<? extends Op> ops) {
        List<String> sql = new ArrayList<>();
        ops.forEach(op -> sql.addAll(render(op)));
        return sql;
    }
}
