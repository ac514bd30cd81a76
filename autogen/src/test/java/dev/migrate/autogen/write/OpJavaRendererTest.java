package dev.migrate.autogen.write;

import static dev.migrate.autogen.write.GeneratedMigrations.upgradeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Ddl;
import dev.migrate.autogen.internal.write.OpJavaRenderer;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.EnumOp;
import dev.migrate.op.Identity;
import dev.migrate.op.IndexKey;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.ReferentialAction;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SequenceOptions;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exact code users see in a written migration, with {@code import static dev.migrate.Ddl.*}. */
class OpJavaRendererTest {
    private final OpJavaRenderer renderer = new OpJavaRenderer();

    private String printed(Op... ops) {
        return upgradeBody(renderer.render(List.of(ops)));
    }

    private static QualifiedName name(String text) {
        return QualifiedName.parse(text);
    }

    @Test
    void addColumnWritesOnlyTheFluentCallsThatChangeSomething() {
        Column status = Ddl.column("operational_status", "varchar(50)")
                .notNull()
                .defaultValue("'active'")
                .comment("Operational status");
        assertThat(printed(new ColumnOp.AddColumn(name("agents"), status))).isEqualTo("""
                        op.addColumn("agents", column("operational_status", "varchar(50)").notNull()
                                .defaultValue("'active'").comment("Operational status"));
                        """);
        assertThat(printed(new ColumnOp.AddColumn(name("app.agents"), Ddl.column("note", "text"))))
                .isEqualTo("op.addColumn(\"app.agents\", column(\"note\", \"text\"));\n");
    }

    @Test
    void aLongLiteralIsCutIntoPiecesOnlyWhereItWouldPassColumn100() {
        // 77 characters: at its indentation of 8 the call ends exactly at column 100
        String fits = "UPDATE agents SET status = 'retired' WHERE last_seen_at < now() - '9 days'::x";
        assertThat(printed(new SqlOp.Execute(fits, null))).isEqualTo("op.execute(\"" + fits + "\");\n");
        String longer = fits + "y";
        assertThat(printed(new SqlOp.Execute(longer, null))).isEqualTo("""
                op.execute("UPDATE agents SET status = 'retired' WHERE last_seen_at "
                        + "< now() - '9 days'::xy");
                """);
    }

    @Test
    void createTablePutsOneElementPerLine() {
        Op op = new TableOp.CreateTable(
                name("agents"),
                List.of(
                        Ddl.column("id", "bigint").identity(Identity.always()).primaryKey(),
                        Ddl.column("name", "text").notNull(),
                        Ddl.unique("uq_agents_name", "name")),
                null);
        assertThat(printed(op)).isEqualTo("""
                op.createTable("agents",
                        column("id", "bigint").identity(identityAlways()).primaryKey(),
                        column("name", "text").notNull(),
                        unique("uq_agents_name", "name"));
                """);
    }

    @Test
    void createTableWithOneElementOrNoneStaysOnOneLine() {
        assertThat(printed(
                        new TableOp.CreateTable(
                                name("t"), List.of(Ddl.column("id", "int").identity()), null),
                        new TableOp.CreateTable(name("empty"), List.of(), null)))
                .isEqualTo("""
                op.createTable("t", column("id", "int").identity());
                op.createTable("empty");
                """);
    }

    @Test
    void aTableCommentBecomesItsOwnCallAndColumnCommentsFollowIt() {
        Op op = new TableOp.CreateTable(
                name("agents"),
                List.of(Ddl.column("id", "bigint").primaryKey().comment("Key"), Ddl.column("name", "text")),
                "Agents");
        assertThat(printed(op)).isEqualTo("""
                op.createTable("agents",
                        column("id", "bigint").primaryKey(),
                        column("name", "text"));
                op.commentOnTable("agents", "Agents");
                op.commentOnColumn("agents", "id", "Key");
                """);
    }

    @Test
    @SuppressWarnings(
            "NullAway") // null where the engine's records take it for "none", which their annotations do not say yet
    void columnDetails() {
        Column c = Ddl.column("total", "numeric(10,2)")
                .collate("C")
                .notNull()
                .generatedAs("price * qty")
                .comment(null);
        Column seq = Ddl.column("n", "bigint")
                .identity(Identity.byDefault()
                        .with(SequenceOptions.DEFAULTS
                                .startWith(100)
                                .maxValue(5_000_000_000L)
                                .cycle()));
        assertThat(printed(new ColumnOp.AddColumn(name("t"), c), new ColumnOp.AddColumn(name("t"), seq)))
                .isEqualTo("""
                op.addColumn("t", column("total", "numeric(10,2)").collate("C").notNull()
                        .generatedAs("price * qty"));
                op.addColumn("t", column("n", "bigint").identity(identityByDefault().with(sequenceOptions()
                        .startWith(100).maxValue(5000000000L).cycle())));
                """);
    }

    @Test
    void indexesUseTheShortFormWhenPlainAndTheFactoryOtherwise() {
        assertThat(printed(
                        IndexOp.CreateIndex.on("ix_agents_status", name("agents"), List.of("status", "my col")),
                        IndexOp.CreateIndex.onKeys(
                                        "ix_keys",
                                        name("agents"),
                                        List.of(
                                                new IndexKey.Expression("lower(email)"),
                                                IndexKey.Column.of("due").desc().nullsLast(),
                                                IndexKey.Column.of("id")))
                                .unique(),
                        IndexOp.CreateIndex.on("ix_x", name("app.agents"), List.of("status"))
                                .unique()
                                .where("deleted_at IS NULL"),
                        IndexOp.CreateIndex.on("ix_y", name("agents"), List.of("tags"))
                                .concurrently()
                                .using("gin")
                                .include("id", "name")
                                .nullsNotDistinct(),
                        new IndexOp.DropIndex(name("app.ix_x"), false, null),
                        new IndexOp.DropIndex(name("ix_y"), true, null)))
                .isEqualTo("""
                op.createIndex("ix_agents_status", "agents", "status", "my col");
                op.createIndex(index("ix_keys", "agents", expr("lower(email)"), desc("due").nullsLast(), key("id"))
                        .unique());
                op.createIndex(index("ix_x", "app.agents", "status").unique().where("deleted_at IS NULL"));
                op.createIndex(index("ix_y", "agents", "tags").concurrently().using("gin")
                        .include("id", "name").nullsNotDistinct());
                op.dropIndex("app.ix_x");
                op.dropIndexConcurrently("ix_y");
                """);
    }

    @Test
    void constraintsUseTheirShorthands() {
        Constraint.ForeignKey fk = Ddl.foreignKey("fk_tasks_agent", "agent_id")
                .references("app.agents", "id")
                .onDelete(ReferentialAction.CASCADE)
                .onUpdate(ReferentialAction.SET_NULL)
                .deferrable(true)
                .notValid();
        assertThat(printed(
                        new ConstraintOp.AddConstraint(name("tasks"), Ddl.primaryKey("pk_tasks", "id", "v")),
                        new ConstraintOp.AddConstraint(name("tasks"), Ddl.unique("uq_tasks_code", "code")),
                        new ConstraintOp.AddConstraint(
                                name("tasks"),
                                Ddl.unique("uq_tasks_ref", "ref")
                                        .nullsNotDistinct()
                                        .deferrable(false)),
                        new ConstraintOp.AddConstraint(name("tasks"), fk),
                        new ConstraintOp.AddConstraint(
                                name("tasks"), Ddl.foreignKey(null, "owner_id").references("users", "id")),
                        new ConstraintOp.AddConstraint(name("tasks"), Ddl.check("ck_tasks_qty", "qty > 0")),
                        new ConstraintOp.AddConstraint(
                                name("tasks"),
                                Ddl.check("ck_tasks_due", "due > created").notValid()),
                        new ConstraintOp.ValidateConstraint(name("tasks"), "ck_tasks_due"),
                        new ConstraintOp.DropConstraint(name("tasks"), "uq_tasks_code", null)))
                .isEqualTo("""
                op.addPrimaryKey("tasks", "pk_tasks", "id", "v");
                op.addUnique("tasks", "uq_tasks_code", "code");
                op.addConstraint("tasks", unique("uq_tasks_ref", "ref").nullsNotDistinct()
                        .deferrable(false));
                op.addForeignKey("tasks", foreignKey("fk_tasks_agent", "agent_id")
                        .references("app.agents", "id").onDelete(CASCADE).onUpdate(SET_NULL)
                        .deferrable(true).notValid());
                op.addForeignKey("tasks", foreignKey(null, "owner_id").references("users", "id"));
                op.addCheck("tasks", "ck_tasks_qty", "qty > 0");
                op.addConstraint("tasks", check("ck_tasks_due", "due > created").notValid());
                op.validateConstraint("tasks", "ck_tasks_due");
                op.dropConstraint("tasks", "uq_tasks_code");
                """);
    }

    @Test
    void columnAlterations() {
        QualifiedName t = name("app.t");
        assertThat(printed(
                        new TableOp.DropTable(t, null),
                        new TableOp.RenameTable(t, "t2"),
                        new TableOp.CommentOnTable(t, null, "old"),
                        new ColumnOp.DropColumn(t, "c", null),
                        new ColumnOp.RenameColumn(t, "c", "d"),
                        new ColumnOp.AlterColumnType(t, "c", "bigint", null, "int"),
                        new ColumnOp.AlterColumnType(t, "c", "numeric(10,2)", "c::numeric(10,2)", null),
                        new ColumnOp.AlterColumnNullable(t, "c", false),
                        new ColumnOp.AlterColumnNullable(t, "c", true),
                        new ColumnOp.AlterColumnDefault(t, "c", "now()", null),
                        new ColumnOp.AlterColumnDefault(t, "c", null, "now()"),
                        new ColumnOp.AddIdentity(t, "id", Identity.always()),
                        new ColumnOp.DropIdentity(t, "id", null),
                        new ColumnOp.CommentOnColumn(t, "c", "The \"c\"", null)))
                .isEqualTo("""
                op.dropTable("app.t");
                op.renameTable("app.t", "t2");
                op.commentOnTable("app.t", null);
                op.dropColumn("app.t", "c");
                op.renameColumn("app.t", "c", "d");
                op.alterColumnType("app.t", "c", "bigint");
                op.alterColumnType("app.t", "c", "numeric(10,2)", "c::numeric(10,2)");
                op.setNotNull("app.t", "c");
                op.dropNotNull("app.t", "c");
                op.setDefault("app.t", "c", "now()");
                op.dropDefault("app.t", "c");
                op.addIdentity("app.t", "id", identityAlways());
                op.dropIdentity("app.t", "id");
                op.commentOnColumn("app.t", "c", "The \\"c\\"");
                """);
    }

    @Test
    @SuppressWarnings(
            "NullAway") // null where the engine's records take it for "none", which their annotations do not say yet
    void enumsSequencesSchemasAndSql() {
        QualifiedName mood = name("app.mood");
        assertThat(printed(
                        new EnumOp.CreateEnum(mood, List.of("sad", "ok")),
                        new EnumOp.AddEnumValue(mood, "happy", null, null),
                        new EnumOp.AddEnumValue(mood, "meh", "ok", null),
                        new EnumOp.AddEnumValue(mood, "great", null, "happy"),
                        new EnumOp.RenameEnumValue(mood, "ok", "fine"),
                        new EnumOp.DropEnum(mood, null),
                        new SequenceOp.CreateSequence(name("seq_a"), null, null),
                        new SequenceOp.CreateSequence(
                                name("seq_b"),
                                SequenceOptions.DEFAULTS
                                        .as("int")
                                        .incrementBy(10)
                                        .cache(20),
                                null),
                        new SequenceOp.CreateSequence(name("seq_c"), null, "t.id"),
                        new SequenceOp.DropSequence(name("seq_a"), null),
                        new SchemaOp.CreateSchema("app", false),
                        new SchemaOp.CreateSchema("app", true),
                        new SchemaOp.DropSchema("app", false),
                        new SchemaOp.DropSchema("app", true),
                        new SqlOp.Execute("UPDATE t SET a = 'x'", null)))
                .isEqualTo("""
                op.createEnum("app.mood", "sad", "ok");
                op.addEnumValue("app.mood", "happy");
                op.addEnumValueBefore("app.mood", "meh", "ok");
                op.addEnumValueAfter("app.mood", "great", "happy");
                op.renameEnumValue("app.mood", "ok", "fine");
                op.dropEnum("app.mood");
                op.createSequence("seq_a");
                op.createSequence("seq_b", sequenceOptions().as("int").incrementBy(10).cache(20));
                op.createSequence("seq_c", sequenceOptions(), "t.id");
                op.dropSequence("seq_a");
                op.createSchema("app");
                op.createSchemaIfNotExists("app");
                op.dropSchema("app");
                op.dropSchemaCascade("app");
                op.execute("UPDATE t SET a = 'x'");
                """);
    }

    @Test
    void bulkInsertKeepsColumnOrderAndNullsInABlockOfItsOwn() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", 1);
        first.put("name", "Ada");
        first.put("born", LocalDate.of(1815, 12, 10));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("id", 2L);
        second.put("name", null);
        second.put("born", new BigDecimal("1.50"));
        assertThat(printed(
                        new DataOp.BulkInsert(name("people"), List.of(first, second)),
                        new DataOp.BulkInsert(name("none"), List.of())))
                .isEqualTo("""
                {
                    Map<String, Object> row1 = new LinkedHashMap<>();
                    row1.put("id", 1);
                    row1.put("name", "Ada");
                    row1.put("born", LocalDate.parse("1815-12-10"));
                    Map<String, Object> row2 = new LinkedHashMap<>();
                    row2.put("id", 2L);
                    row2.put("name", null);
                    row2.put("born", new BigDecimal("1.50"));
                    op.bulkInsert("people", List.of(row1, row2));
                }
                op.bulkInsert("none", List.of());
                """);
    }

    @Test
    void notesBecomeCommentLinesBeforeTheirOp() {
        Op drop = new ColumnOp.DropColumn(name("agents"), "legacy", null);
        Op add = new ColumnOp.AddColumn(name("agents"), Ddl.column("x", "int"));
        String body = upgradeBody(renderer.render(
                List.of(drop, add),
                op -> op == drop
                        ? List.of("HAZARD: drops data.", "Looks renamed?\nSet renames=agents.legacy=x")
                        : List.of()));
        assertThat(body).isEqualTo("""
                // HAZARD: drops data.
                // Looks renamed?
                // Set renames=agents.legacy=x
                op.dropColumn("agents", "legacy");
                op.addColumn("agents", column("x", "int"));
                """);
    }

    @Test
    void aUnicodeEscapeInANoteCannotEndTheComment() {
        Op drop = new TableOp.DropTable(name("t"), null);
        String body = upgradeBody(renderer.render(
                List.of(drop), op -> List.of("a\\u000aop.dropTable(\"evil\"); \\\\u0041 \\\\\\uuu000A")));
        assertThat(body)
                .isEqualTo("// a\\\\u000aop.dropTable(\"evil\"); \\\\u0041 \\\\\\\\uuu000A\nop.dropTable(\"t\");\n");
    }

    @Test
    @SuppressWarnings(
            "NullAway") // null where the engine's records take it for "none", which their annotations do not say yet
    void writesANameThatHoldsADotQuotedSoThatItReadsBackAsTheSameObject() {
        assertThat(renderer.render(new TableOp.DropTable(QualifiedName.of(null, "my.table"), null))
                        .toString())
                .contains("op.dropTable(\"\\\"my.table\\\"\")");
        assertThat(renderer.render(new ConstraintOp.AddConstraint(
                                name("t"),
                                new Constraint.ForeignKey(
                                        "fk",
                                        List.of("a"),
                                        QualifiedName.of("x.y", "z"),
                                        List.of("id"),
                                        null,
                                        null,
                                        false,
                                        false,
                                        false)))
                        .toString())
                .contains(".references(\"\\\"x.y\\\".z\", \"id\")");
    }

    @Test
    void refusesABulkInsertValueItCannotWrite() {
        Op insert = new DataOp.BulkInsert(name("t"), List.of(Map.of("a", new Object())));
        assertThatThrownBy(() -> renderer.render(insert))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void valuesKeepTheirJavaType() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("u", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        row.put("b", new byte[] {1, (byte) 0xff});
        row.put("d", Double.NaN);
        row.put("f", 1.5f);
        row.put("s", (short) -3);
        assertThat(printed(new DataOp.BulkInsert(name("t"), List.of(row)))).contains("""
                    row1.put("u", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
                    row1.put("b", HexFormat.of().parseHex("01ff"));
                    row1.put("d", Double.NaN);
                    row1.put("f", 1.5f);
                    row1.put("s", (short) -3);
                """);
    }
}
