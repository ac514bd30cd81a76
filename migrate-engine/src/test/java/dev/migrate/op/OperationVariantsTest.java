package dev.migrate.op;

import static dev.migrate.Ddl.CASCADE;
import static dev.migrate.Ddl.SET_NULL;
import static dev.migrate.Ddl.check;
import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.desc;
import static dev.migrate.Ddl.expr;
import static dev.migrate.Ddl.foreignKey;
import static dev.migrate.Ddl.index;
import static dev.migrate.Ddl.primaryKey;
import static dev.migrate.Ddl.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The variants of each operation, written as a migration writes them (through {@code Operations} and
 * {@code Ddl}), executed on PostgreSQL, checked in the catalog, then reversed back to the catalog before.
 */
class OperationVariantsTest {
    private static Connection connection;
    private static Catalog catalog;
    private ExecutingOperations op;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestPostgres.freshDatabase("op_variants").getConnection();
        catalog = new Catalog(connection);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @BeforeEach
    void fixture() {
        catalog.reset();
        catalog.execute("CREATE TABLE agents (id bigint PRIMARY KEY, name text NOT NULL, status text, email text, "
                + "amount text, tags text[])");
        catalog.execute("INSERT INTO agents (id, name, status, email, amount, tags) VALUES "
                + "(1, 'ann', 'open', 'Ann@x.org', '1.50', '{a,b}'), (2, 'bob', NULL, NULL, '2', '{}')");
        catalog.execute("CREATE TABLE counters (n integer NOT NULL, m integer)");
        op = new ExecutingOperations(connection);
    }

    // ---- the SPEC example ----------------------------------------------------------------------------------

    @Test
    void addColumnWithDefaultCommentAndIndexThenDowngrade() {
        List<String> before = catalog.snapshot();

        op.addColumn(
                "agents",
                column("operational_status", "varchar(50)")
                        .notNull()
                        .defaultValue("'active'")
                        .comment("Operational status"));
        op.createIndex("ix_agents_operational_status", "agents", "operational_status");

        assertThat(catalog.columnType("public", "agents", "operational_status")).isEqualTo("character varying(50)");
        assertThat(catalog.isNotNull("public", "agents", "operational_status")).isTrue();
        assertThat(catalog.columnDefault("public", "agents", "operational_status"))
                .isEqualTo("'active'::character varying");
        assertThat(catalog.columnComment("public", "agents", "operational_status"))
                .isEqualTo("Operational status");
        assertThat(catalog.column("select operational_status from agents order by id"))
                .containsExactly("active", "active");
        assertThat(catalog.indexDef("public", "ix_agents_operational_status"))
                .isEqualTo(
                        "CREATE INDEX ix_agents_operational_status ON public.agents USING btree (operational_status)");

        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    // ---- schemas and tables --------------------------------------------------------------------------------

    @Test
    void createTableInASecondSchemaWithIdentityConstraintsAndComments() {
        List<String> before = catalog.snapshot();

        op.createSchema("app");
        op.run(new TableOp.CreateTable(
                QualifiedName.of("app", "tasks"),
                List.of(
                        column("id", "bigint")
                                .identity(Identity.always()
                                        .with(SequenceOptions.DEFAULTS
                                                .startWith(1000)
                                                .incrementBy(10)))
                                .primaryKey(),
                        column("agent_id", "bigint"),
                        column("title", "varchar(200)").notNull().comment("What to do"),
                        column("done", "boolean").notNull().defaultValue("false"),
                        column("code", "text").collate("C"),
                        check("ck_tasks_title", "length(title) > 0"),
                        unique("uq_tasks_title", "agent_id", "title"),
                        foreignKey("fk_tasks_agent", "agent_id").references("public.agents", "id")),
                "Work items"));

        assertThat(catalog.schemaExists("app")).isTrue();
        assertThat(catalog.tableComment("app", "tasks")).isEqualTo("Work items");
        assertThat(catalog.columnComment("app", "tasks", "title")).isEqualTo("What to do");
        assertThat(catalog.identity("app", "tasks", "id")).isEqualTo("a");
        assertThat(catalog.columnType("app", "tasks", "title")).isEqualTo("character varying(200)");
        assertThat(catalog.columnDefault("app", "tasks", "done")).isEqualTo("false");
        assertThat(catalog.scalar("select collation_name from information_schema.columns "
                        + "where table_schema = 'app' and table_name = 'tasks' and column_name = 'code'"))
                .isEqualTo("C");
        assertThat(catalog.constraintDef("app", "tasks", "tasks_pkey")).isEqualTo("PRIMARY KEY (id)");
        assertThat(catalog.constraintDef("app", "tasks", "ck_tasks_title"))
                .isEqualTo("CHECK ((length((title)::text) > 0))");
        assertThat(catalog.constraintDef("app", "tasks", "uq_tasks_title")).isEqualTo("UNIQUE (agent_id, title)");
        assertThat(catalog.constraintDef("app", "tasks", "fk_tasks_agent"))
                .isEqualTo("FOREIGN KEY (agent_id) REFERENCES agents(id)");
        op.sql("INSERT INTO app.tasks (agent_id, title) VALUES (1, 'a'), (2, 'b')");
        assertThat(catalog.column("select id from app.tasks order by id")).containsExactly("1000", "1010");

        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void dropTableWithItsDefinitionComesBack() {
        TableOp.CreateTable definition = new TableOp.CreateTable(
                QualifiedName.of(null, "notes"),
                List.of(
                        column("id", "integer").primaryKey(),
                        column("body", "text").comment("the text")),
                "Notes");
        op.execute(definition);
        List<String> before = catalog.snapshot();

        op.run(new TableOp.DropTable(definition.table(), definition));
        assertThat(catalog.relationExists("public", "notes")).isFalse();

        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void renamesInASecondSchemaAreReversed() {
        op.createSchema("app");
        op.createTable("app.items", column("id", "integer"), column("label", "text"));
        op.forget();
        List<String> before = catalog.snapshot();

        op.renameTable("app.items", "things");
        op.renameColumn("app.things", "label", "title");
        assertThat(catalog.relationExists("app", "items")).isFalse();
        assertThat(catalog.columnType("app", "things", "title")).isEqualTo("text");

        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void tableAndColumnCommentsAreSetAndRemoved() {
        List<String> before = catalog.snapshot();

        op.commentOnTable("agents", "People who work");
        op.commentOnColumn("agents", "name", "Full name");
        assertThat(catalog.tableComment("public", "agents")).isEqualTo("People who work");
        assertThat(catalog.columnComment("public", "agents", "name")).isEqualTo("Full name");

        op.commentOnTable("agents", null);
        op.commentOnColumn("agents", "name", null);
        assertThat(catalog.tableComment("public", "agents")).isNull();
        assertThat(catalog.columnComment("public", "agents", "name")).isNull();
        assertThat(catalog.snapshot()).isEqualTo(before);
        op.forget();

        // as autogenerate writes a removal: the previous comment is known, so the reverse restores it
        catalog.execute("COMMENT ON TABLE agents IS 'old'");
        catalog.execute("COMMENT ON COLUMN agents.name IS 'old name'");
        List<String> commented = catalog.snapshot();
        op.run(new TableOp.CommentOnTable(QualifiedName.parse("agents"), null, "old"));
        op.run(new ColumnOp.CommentOnColumn(QualifiedName.parse("agents"), "name", null, "old name"));
        assertThat(catalog.tableComment("public", "agents")).isNull();
        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(commented);
    }

    // ---- columns -------------------------------------------------------------------------------------------

    @Test
    void alterColumnTypeWithUsingConvertsTheRows() {
        List<String> before = catalog.snapshot();

        op.alterColumnType("agents", "amount", "numeric(10,2)", "amount::numeric(10,2)");
        assertThat(catalog.columnType("public", "agents", "amount")).isEqualTo("numeric(10,2)");
        assertThat(catalog.column("select amount from agents order by id")).containsExactly("1.50", "2.00");
        assertThat(op.last().reverse())
                .as("the shorthand does not know the type before")
                .isEmpty();

        op.execute(new ColumnOp.AlterColumnType(QualifiedName.parse("agents"), "amount", "numeric(10,2)", null, "text")
                .reverse()
                .orElseThrow());
        assertThat(catalog.columnType("public", "agents", "amount")).isEqualTo("text");
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void dropColumnWithDefinitionComesBackWithTypeDefaultAndComment() {
        op.addColumn(
                "agents",
                column("score", "numeric(5,1)").notNull().defaultValue("0").comment("Points"));
        List<String> before = catalog.snapshot();
        Column definition = ((ColumnOp.AddColumn) op.last()).column();

        ExecutingOperations drop = new ExecutingOperations(connection);
        drop.run(new ColumnOp.DropColumn(QualifiedName.parse("agents"), "score", definition));
        assertThat(catalog.column("select column_name from information_schema.columns where table_name = 'agents'"))
                .doesNotContain("score");
        drop.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);

        drop.dropColumn("agents", "score");
        assertThat(drop.last().reverse()).isEmpty();
    }

    @Test
    void nullabilityAndDefaultsAreSetAndReversed() {
        List<String> before = catalog.snapshot();

        op.setDefault("agents", "status", "'new'");
        op.sql("UPDATE agents SET status = DEFAULT WHERE status IS NULL");
        op.setNotNull("agents", "status");
        assertThat(catalog.isNotNull("public", "agents", "status")).isTrue();
        assertThat(catalog.columnDefault("public", "agents", "status")).isEqualTo("'new'::text");
        assertThatThrownBy(() -> op.sql("INSERT INTO agents (id, name, status) VALUES (3, 'c', NULL)"))
                .hasMessageContaining("violates not-null constraint");

        op.dropNotNull("agents", "name");
        assertThat(catalog.isNotNull("public", "agents", "name")).isFalse();

        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);

        // a default replaced and a default dropped, as autogenerate writes them, reverse to the one before
        catalog.execute("ALTER TABLE agents ALTER COLUMN status SET DEFAULT 'idle'");
        List<String> withDefault = catalog.snapshot();
        op.run(new ColumnOp.AlterColumnDefault(QualifiedName.parse("agents"), "status", "'busy'", "'idle'::text"));
        assertThat(catalog.columnDefault("public", "agents", "status")).isEqualTo("'busy'::text");
        op.run(new ColumnOp.AlterColumnDefault(QualifiedName.parse("agents"), "status", null, "'busy'::text"));
        assertThat(catalog.columnDefault("public", "agents", "status")).isNull();
        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(withDefault);
    }

    @Test
    void identityAlwaysWithOptions() {
        List<String> before = catalog.snapshot();

        op.addIdentity(
                "counters",
                "n",
                Identity.always()
                        .with(SequenceOptions.DEFAULTS
                                .startWith(50)
                                .incrementBy(5)
                                .minValue(10)
                                .maxValue(500)
                                .cache(3)
                                .cycle()));

        assertThat(catalog.identity("public", "counters", "n")).isEqualTo("a");
        assertThat(
                        catalog.rows(
                                "select seqtypid::regtype::text, seqstart, seqincrement, seqmin, seqmax, seqcache, seqcycle "
                                        + "from pg_sequence where seqrelid = pg_get_serial_sequence('counters', 'n')::regclass"))
                .containsExactly(List.of("integer", 50L, 5L, 10L, 500L, 3L, true));
        op.sql("INSERT INTO counters (m) VALUES (1), (2)");
        assertThat(catalog.column("select n from counters order by m")).containsExactly("50", "55");
        assertThatThrownBy(() -> op.sql("INSERT INTO counters (n, m) VALUES (1, 3)"))
                .hasMessageContaining("GENERATED ALWAYS");
        op.sql("DELETE FROM counters");

        op.undoAll();
        assertThat(catalog.identity("public", "counters", "n")).isEmpty();
        assertThat(catalog.snapshot()).isEqualTo(before);

        op.addIdentity("counters", "n", Identity.byDefault());
        assertThat(catalog.identity("public", "counters", "n")).isEqualTo("d");
        op.dropIdentity("counters", "n");
        assertThat(op.last().reverse())
                .as("the shorthand does not know the identity dropped")
                .isEmpty();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void identityOfABigintColumnWithASequenceType() {
        // autogenerate reads the identity's sequence type; PostgreSQL refuses AS inside an identity's options
        Identity identity =
                Identity.byDefault().with(SequenceOptions.DEFAULTS.as("bigint").startWith(3));
        catalog.execute("CREATE TABLE big (id bigint NOT NULL)");
        op.addIdentity("big", "id", identity);
        assertThat(catalog.rows("select seqtypid::regtype::text, seqstart from pg_sequence "
                        + "where seqrelid = pg_get_serial_sequence('big', 'id')::regclass"))
                .containsExactly(List.of("bigint", 3L));
        op.createTable("big2", column("id", "bigint").identity(identity));
        assertThat(catalog.rows("select seqtypid::regtype::text, seqstart from pg_sequence "
                        + "where seqrelid = pg_get_serial_sequence('big2', 'id')::regclass"))
                .containsExactly(List.of("bigint", 3L));
    }

    // ---- indexes -------------------------------------------------------------------------------------------

    @Test
    void indexVariants() {
        List<String> before = catalog.snapshot();
        Map<IndexOp.CreateIndex, String> expected = new LinkedHashMap<>();
        expected.put(
                index("ix_unique", "agents", "email").unique(),
                "CREATE UNIQUE INDEX ix_unique ON public.agents USING btree (email)");
        expected.put(
                index("ix_partial", "agents", "name").where("status = 'open'"),
                "CREATE INDEX ix_partial ON public.agents USING btree (name) WHERE (status = 'open'::text)");
        expected.put(
                index("ix_gin", "agents", "tags").using("gin"),
                "CREATE INDEX ix_gin ON public.agents USING gin (tags)");
        expected.put(
                index("ix_include", "agents", "name").unique().include("email", "status"),
                "CREATE UNIQUE INDEX ix_include ON public.agents USING btree (name) INCLUDE (email, status)");
        expected.put(
                index("ix_expression", "agents", expr("lower(email)"), desc("id")),
                "CREATE INDEX ix_expression ON public.agents USING btree (lower(email), id DESC)");
        expected.put(
                index("ix_nulls", "agents", "status").unique().nullsNotDistinct(),
                "CREATE UNIQUE INDEX ix_nulls ON public.agents USING btree (status) NULLS NOT DISTINCT");
        expected.put(
                index("ix_concurrent", "agents", "name", "email").concurrently(),
                "CREATE INDEX ix_concurrent ON public.agents USING btree (name, email)");

        expected.forEach((index, definition) -> {
            op.createIndex(index);
            assertThat(catalog.indexDef("public", index.name())).isEqualTo(definition);
        });
        assertThatThrownBy(() -> op.sql("INSERT INTO agents (id, name, status) VALUES (3, 'c', NULL)"))
                .as("NULLS NOT DISTINCT refuses a second NULL status")
                .hasMessageContaining("ix_nulls");

        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void concurrentIndexIsDroppedConcurrently() {
        IndexOp.CreateIndex index = index("ix_c", "agents", "name").concurrently();
        assertThat(index.reverse()).contains(new IndexOp.DropIndex(QualifiedName.parse("ix_c"), true, index));
        op.createIndex(index);
        op.dropIndexConcurrently("ix_c");
        assertThat(catalog.indexDef("public", "ix_c")).isNull();
        assertThat(op.last().reverse()).isEmpty();
    }

    @Test
    void indexOnATableInASecondSchemaIsDroppedFromThatSchema() {
        op.createSchema("app");
        op.createTable("app.items", column("id", "integer"), column("label", "text"));
        op.forget();
        List<String> before = catalog.snapshot();

        op.createIndex(index("ix_items_label", "app.items", "label").where("label IS NOT NULL"));
        assertThat(catalog.indexDef("app", "ix_items_label"))
                .isEqualTo("CREATE INDEX ix_items_label ON app.items USING btree (label) WHERE (label IS NOT NULL)");
        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);

        IndexOp.CreateIndex definition = index("ix_items_id", "app.items", "id");
        op.execute(definition);
        List<String> withIndex = catalog.snapshot();
        op.run(new IndexOp.DropIndex(QualifiedName.parse("app.ix_items_id"), false, definition));
        assertThat(catalog.indexDef("app", "ix_items_id")).isNull();
        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(withIndex);
    }

    // ---- constraints ---------------------------------------------------------------------------------------

    @Test
    void foreignKeyWithActionsAndDeferral() {
        catalog.execute("CREATE TABLE tasks (id integer PRIMARY KEY, agent_id bigint, owner_id bigint DEFAULT 1)");
        catalog.execute("INSERT INTO tasks VALUES (1, 1, 1), (2, 2, 2)");
        List<String> before = catalog.snapshot();

        op.addForeignKey(
                "tasks",
                foreignKey("fk_tasks_agent", "agent_id")
                        .references("agents", "id")
                        .onDelete(CASCADE)
                        .onUpdate(SET_NULL)
                        .deferrable(true));
        assertThat(catalog.constraintDef("public", "tasks", "fk_tasks_agent"))
                .isEqualTo(
                        "FOREIGN KEY (agent_id) REFERENCES agents(id) ON UPDATE SET NULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED");
        op.sql("UPDATE agents SET id = 20 WHERE id = 2");
        assertThat(catalog.scalar("select agent_id from tasks where id = 2")).isNull();
        op.sql("DELETE FROM agents WHERE id = 1");
        assertThat(catalog.column("select id from tasks order by id")).containsExactly("2");
        op.sql("INSERT INTO agents (id, name) VALUES (1, 'ann')");
        op.sql("INSERT INTO tasks VALUES (1, 1, 1)");
        op.sql("UPDATE agents SET id = 2 WHERE id = 20");
        op.sql("UPDATE tasks SET agent_id = 2 WHERE id = 2");

        op.addForeignKey(
                "tasks",
                foreignKey("fk_tasks_owner", "owner_id")
                        .references("agents", "id")
                        .deferrable(false));
        assertThat(catalog.constraintDef("public", "tasks", "fk_tasks_owner"))
                .isEqualTo("FOREIGN KEY (owner_id) REFERENCES agents(id) DEFERRABLE");

        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void foreignKeyNotValidThenValidated() {
        catalog.execute("CREATE TABLE tasks (id integer PRIMARY KEY, agent_id bigint)");
        catalog.execute("INSERT INTO tasks VALUES (1, 1), (2, 99)");

        op.addForeignKey(
                "tasks",
                foreignKey("fk_tasks_agent", "agent_id")
                        .references("agents", "id")
                        .notValid());
        assertThat(catalog.constraintValidated("public", "tasks", "fk_tasks_agent"))
                .isFalse();
        assertThat(catalog.constraintDef("public", "tasks", "fk_tasks_agent"))
                .isEqualTo("FOREIGN KEY (agent_id) REFERENCES agents(id) NOT VALID");
        assertThatThrownBy(() -> op.sql("INSERT INTO tasks VALUES (3, 98)"))
                .as("new rows are checked at once")
                .hasMessageContaining("fk_tasks_agent");

        assertThatThrownBy(() -> op.validateConstraint("tasks", "fk_tasks_agent"))
                .hasMessageContaining("fk_tasks_agent");
        op.sql("DELETE FROM tasks WHERE agent_id = 99");
        op.validateConstraint("tasks", "fk_tasks_agent");
        assertThat(catalog.constraintValidated("public", "tasks", "fk_tasks_agent"))
                .isTrue();
        assertThat(op.last().reverse()).isEmpty();
    }

    @Test
    void checkNotValidThenValidated() {
        List<String> before = catalog.snapshot();
        op.addConstraint("agents", check("ck_amount", "amount <> '2'").notValid());
        assertThat(catalog.constraintDef("public", "agents", "ck_amount"))
                .isEqualTo("CHECK ((amount <> '2'::text)) NOT VALID");
        assertThat(catalog.constraintValidated("public", "agents", "ck_amount")).isFalse();
        assertThatThrownBy(() -> op.validateConstraint("agents", "ck_amount")).hasMessageContaining("ck_amount");
        op.sql("UPDATE agents SET amount = '3' WHERE amount = '2'");
        op.validateConstraint("agents", "ck_amount");
        assertThat(catalog.constraintValidated("public", "agents", "ck_amount")).isTrue();
        assertThat(op.last().reverse()).isEmpty();

        op.dropConstraint("agents", "ck_amount");
        assertThat(op.last().reverse()).isEmpty();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void primaryKeyUniqueAndCheckAreAddedAndDropped() {
        catalog.execute("CREATE TABLE pairs (a integer NOT NULL, b integer NOT NULL, c integer)");
        List<String> before = catalog.snapshot();

        op.addPrimaryKey("pairs", "pk_pairs", "a", "b");
        op.addUnique("pairs", "uq_pairs_c", "c");
        op.addConstraint(
                "pairs", unique("uq_pairs_bc", "b", "c").nullsNotDistinct().deferrable(false));
        op.addCheck("pairs", "ck_pairs", "a < b");
        assertThat(catalog.constraintDef("public", "pairs", "pk_pairs")).isEqualTo("PRIMARY KEY (a, b)");
        assertThat(catalog.constraintDef("public", "pairs", "uq_pairs_c")).isEqualTo("UNIQUE (c)");
        assertThat(catalog.constraintDef("public", "pairs", "uq_pairs_bc"))
                .isEqualTo("UNIQUE NULLS NOT DISTINCT (b, c) DEFERRABLE");
        assertThat(catalog.constraintDef("public", "pairs", "ck_pairs")).isEqualTo("CHECK ((a < b))");

        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);

        op.execute(new ConstraintOp.AddConstraint(QualifiedName.parse("pairs"), primaryKey("pk_pairs", "a")));
        List<String> withKey = catalog.snapshot();
        op.run(new ConstraintOp.DropConstraint(QualifiedName.parse("pairs"), "pk_pairs", primaryKey("pk_pairs", "a")));
        assertThat(catalog.constraintDef("public", "pairs", "pk_pairs")).isNull();
        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(withKey);
    }

    @Test
    void unnamedConstraintHasNoReverse() {
        assertThat(new ConstraintOp.AddConstraint(QualifiedName.parse("t"), check(null, "a > 0")).reverse())
                .isEmpty();
    }

    // ---- enums and sequences -------------------------------------------------------------------------------

    @Test
    void enumValuesAddedBeforeAndAfterAndRenamed() {
        op.createSchema("app");
        op.createEnum("app.status", "new", "done");
        List<String> created = catalog.snapshot();

        op.addEnumValueBefore("app.status", "started", "done");
        assertThat(op.last().reverse()).isEmpty();
        op.addEnumValueAfter("app.status", "archived", "done");
        op.addEnumValue("app.status", "deleted");
        assertThat(catalog.enumLabels("app", "status"))
                .containsExactly("new", "started", "done", "archived", "deleted");

        ExecutingOperations rename = new ExecutingOperations(connection);
        rename.renameEnumValue("app.status", "done", "finished");
        assertThat(catalog.enumLabels("app", "status"))
                .containsExactly("new", "started", "finished", "archived", "deleted");
        rename.undoAll();
        assertThat(catalog.enumLabels("app", "status"))
                .containsExactly("new", "started", "done", "archived", "deleted");

        op.sql("DROP TYPE app.status");
        op.createEnum("app.status", "new", "done");
        assertThat(catalog.snapshot()).isEqualTo(created);
        op.run(new EnumOp.DropEnum(QualifiedName.parse("app.status"), List.of("new", "done")));
        assertThat(catalog.typeExists("app", "status")).isFalse();
        op.execute(op.last().reverse().orElseThrow());
        assertThat(catalog.snapshot()).isEqualTo(created);

        op.dropEnum("app.status");
        assertThat(op.last().reverse()).isEmpty();
        assertThat(catalog.typeExists("app", "status")).isFalse();
    }

    @Test
    void sequenceWithOptionsOwnedByAColumn() {
        op.createSchema("app");
        op.createTable("app.items", column("id", "integer"));
        op.forget();
        List<String> before = catalog.snapshot();

        op.run(new SequenceOp.CreateSequence(
                QualifiedName.parse("app.item_ids"),
                SequenceOptions.DEFAULTS
                        .as("integer")
                        .startWith(10)
                        .incrementBy(2)
                        .minValue(5)
                        .maxValue(14)
                        .cache(2)
                        .cycle(),
                "app.items.id"));
        assertThat(catalog.rows(
                        "select seqtypid::regtype::text, seqstart, seqincrement, seqmin, seqmax, seqcache, seqcycle "
                                + "from pg_sequence where seqrelid = 'app.item_ids'::regclass"))
                .containsExactly(List.of("integer", 10L, 2L, 5L, 14L, 2L, true));
        assertThat(catalog.scalar("select pg_get_serial_sequence('app.items', 'id')"))
                .isEqualTo("app.item_ids");
        assertThat(catalog.column("select nextval('app.item_ids') from generate_series(1, 4)"))
                .containsExactly("10", "12", "14", "5");

        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);

        op.createSequence("app.plain");
        assertThat(catalog.scalar("select seqstart from pg_sequence where seqrelid = 'app.plain'::regclass"))
                .isEqualTo("1");
        op.dropSequence("app.plain");
        assertThat(op.last().reverse()).isEmpty();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    // ---- drops without definitions, schemas, raw SQL ------------------------------------------------------

    @Test
    void dropsWithoutADefinitionHaveNoReverse() {
        assertThat(new TableOp.DropTable(QualifiedName.parse("t"), null).reverse())
                .isEmpty();
        assertThat(new ColumnOp.DropColumn(QualifiedName.parse("t"), "c", null).reverse())
                .isEmpty();
        assertThat(new IndexOp.DropIndex(QualifiedName.parse("ix"), false, null).reverse())
                .isEmpty();
        assertThat(new ConstraintOp.DropConstraint(QualifiedName.parse("t"), "c", null).reverse())
                .isEmpty();
        assertThat(new EnumOp.DropEnum(QualifiedName.parse("e"), null).reverse())
                .isEmpty();
        assertThat(new SequenceOp.DropSequence(QualifiedName.parse("s"), null).reverse())
                .isEmpty();
        assertThat(new ColumnOp.DropIdentity(QualifiedName.parse("t"), "c", null).reverse())
                .isEmpty();
        assertThat(new ColumnOp.AlterColumnType(QualifiedName.parse("t"), "c", "text", null, null).reverse())
                .isEmpty();
        assertThat(new SchemaOp.DropSchema("s", true).reverse())
                .as("a cascade dropped more than the schema")
                .isEmpty();
        assertThat(new SqlOp.Execute("select 1", null).reverse()).isEmpty();
        assertThat(new DataOp.BulkInsert(QualifiedName.parse("t"), List.of()).reverse())
                .isEmpty();
    }

    @Test
    void schemasAreCreatedAndDropped() {
        List<String> before = catalog.snapshot();
        op.createSchema("reporting");
        op.run(new SchemaOp.CreateSchema("reporting", true));
        assertThat(catalog.schemaExists("reporting")).isTrue();
        op.dropSchema("reporting");
        assertThat(catalog.schemaExists("reporting")).isFalse();
        op.execute(op.last().reverse().orElseThrow());
        assertThat(catalog.schemaExists("reporting")).isTrue();
        op.createTable("reporting.t", column("id", "integer"));
        op.run(new SchemaOp.DropSchema("reporting", true));
        assertThat(catalog.schemaExists("reporting")).isFalse();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void executeRunsSqlAndItsReverse() {
        List<String> before = catalog.snapshot();
        op.execute("UPDATE agents SET status = 'x'");
        assertThat(op.last().reverse()).isEmpty();
        op.run(new SqlOp.Execute(
                "CREATE VIEW open_agents AS SELECT * FROM agents WHERE status = 'open'", "DROP VIEW open_agents"));
        assertThat(catalog.relationExists("public", "open_agents")).isTrue();
        op.execute(op.last().reverse().orElseThrow());
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    @Test
    void jdbcWorkRunsOnTheConnection() {
        op.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE agents SET status = ? WHERE id = 2")) {
                ps.setString(1, "from jdbc");
                ps.executeUpdate();
            }
        });
        assertThat(catalog.scalar("select status from agents where id = 2")).isEqualTo("from jdbc");
    }

    // ---- data ----------------------------------------------------------------------------------------------

    @Test
    void bulkInsertValuesReadBackExactly() throws Exception {
        catalog.execute(
                "CREATE TABLE vals (k integer, s text, i integer, l bigint, d numeric(20,6), f double precision, "
                        + "b boolean, u uuid, dt date, ts timestamp, tz timestamptz, tm time, bytes bytea)");
        UUID uuid = UUID.fromString("3f1c2a4e-8b7d-4c1e-9a2b-0123456789ab");
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("k", 1);
        first.put("s", "it's a \\ back'slash'; DROP TABLE vals; -- $$ ünï 😀\nline two\ttab");
        first.put("i", Integer.MIN_VALUE);
        first.put("l", Long.MAX_VALUE);
        first.put("d", new BigDecimal("-12345678901234.123456"));
        first.put("f", 0.1);
        first.put("b", true);
        first.put("u", uuid);
        first.put("dt", LocalDate.of(2026, 2, 28));
        first.put("ts", LocalDateTime.of(2026, 11, 22, 10, 15, 0, 123_456_000));
        first.put("tz", OffsetDateTime.of(2026, 11, 22, 10, 15, 0, 0, ZoneOffset.ofHours(5)));
        first.put("tm", LocalTime.of(23, 59, 58));
        first.put("bytes", new byte[] {0, 1, (byte) 0xff, 0x5c, 0x27});
        Map<String, Object> nulls = new LinkedHashMap<>();
        for (String key : first.keySet()) {
            nulls.put(key, null);
        }
        nulls.put("k", 2);
        Map<String, Object> other = new LinkedHashMap<>(first);
        other.put("k", 3);
        other.put("s", "");
        other.put("b", false);
        other.put("f", -1.5e300);
        other.put("i", -7);
        other.put("l", Long.MIN_VALUE);
        other.put("bytes", new byte[0]);

        op.bulkInsert("vals", List.of(first, nulls, other));
        assertThat(op.last().reverse()).isEmpty();

        try (PreparedStatement ps = connection.prepareStatement("select * from vals order by k");
                ResultSet rs = ps.executeQuery()) {
            for (Map<String, Object> row : List.of(first, nulls, other)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("k")).isEqualTo(row.get("k"));
                assertThat(rs.getString("s")).isEqualTo(row.get("s"));
                assertThat(rs.getObject("i")).isEqualTo(row.get("i"));
                assertThat(rs.getObject("l")).isEqualTo(row.get("l"));
                assertThat(rs.getObject("d")).isEqualTo(row.get("d"));
                assertThat(rs.getObject("f")).isEqualTo(row.get("f"));
                assertThat(rs.getObject("b")).isEqualTo(row.get("b"));
                assertThat(rs.getObject("u")).isEqualTo(row.get("u"));
                assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(row.get("dt"));
                assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(row.get("ts"));
                OffsetDateTime tz = rs.getObject("tz", OffsetDateTime.class);
                assertThat(tz == null ? null : tz.toInstant())
                        .isEqualTo(row.get("tz") == null ? null : ((OffsetDateTime) row.get("tz")).toInstant());
                assertThat(rs.getObject("tm", LocalTime.class)).isEqualTo(row.get("tm"));
                assertThat(rs.getBytes("bytes")).isEqualTo(row.get("bytes"));
            }
            assertThat(rs.next()).isFalse();
        }
    }
}
