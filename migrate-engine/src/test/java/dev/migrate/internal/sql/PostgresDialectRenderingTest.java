package dev.migrate.internal.sql;

import static dev.migrate.Ddl.CASCADE;
import static dev.migrate.Ddl.RESTRICT;
import static dev.migrate.Ddl.SET_DEFAULT;
import static dev.migrate.Ddl.SET_NULL;
import static dev.migrate.Ddl.check;
import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.desc;
import static dev.migrate.Ddl.expr;
import static dev.migrate.Ddl.foreignKey;
import static dev.migrate.Ddl.index;
import static dev.migrate.Ddl.key;
import static dev.migrate.Ddl.primaryKey;
import static dev.migrate.Ddl.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.op.CitusOp;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.Deferrability;
import dev.migrate.op.EnumOp;
import dev.migrate.op.Identity;
import dev.migrate.op.IndexOp;
import dev.migrate.op.ObjectDefinition;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.op.OpKinds;
import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.Rows;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.SequenceChanges;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SequenceOptions;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exact SQL of each kind of op, so a change to the rendering is a deliberate one. */
class PostgresDialectRenderingTest {
    private static final QualifiedName AGENTS = QualifiedName.parse("agents");
    private static final QualifiedName APP_TASKS = QualifiedName.parse("app.tasks");

    private final PostgresDialect dialect = new PostgresDialect();
    private final Set<Class<?>> pinned = new HashSet<>();

    private void renders(Op op, String... sql) {
        pinned.add(op.getClass());
        assertThat(dialect.render(op)).as(op.toString()).containsExactly(sql);
    }

    @Test
    void aPartitionBoundOrKeyThatDoesNotParseNamesTheTableAndTheForms() {
        assertThatThrownBy(() -> new TableOp.CreatePartition(
                        QualifiedName.parse("events_2026_01"),
                        QualifiedName.parse("events"),
                        "FROM 2026 TO 2027",
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partition events_2026_01")
                .hasMessageContaining("FOR VALUES FROM (...) TO (...)");
        assertThatThrownBy(() -> new TableOp.CreateTable(QualifiedName.parse("events"), List.of(), null, "created_at"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table events")
                .hasMessageContaining("RANGE (column, ...)");
    }

    @Test
    void everyKindOfOp() {
        renders(new SchemaOp.CreateSchema("app", false), "CREATE SCHEMA app");
        renders(new SchemaOp.CreateSchema("My App", true), "CREATE SCHEMA IF NOT EXISTS \"My App\"");
        renders(new SchemaOp.DropSchema("app", false), "DROP SCHEMA app");
        renders(new SchemaOp.DropSchema("user", true), "DROP SCHEMA \"user\" CASCADE");

        renders(
                new TableOp.CreateTable(
                        APP_TASKS,
                        List.of(
                                column("id", "bigint")
                                        .identity(Identity.always().with(SequenceOptions.DEFAULTS.startWith(10)))
                                        .primaryKey(),
                                column("agent_id", "bigint").notNull(),
                                column("title", "varchar(200)")
                                        .notNull()
                                        .defaultValue("''")
                                        .comment("What to do"),
                                column("code", "text").collate("C"),
                                column("total", "numeric(10,2)").generatedAs("price * qty"),
                                column("Order", "int"),
                                primaryKey("pk_x", "id", "agent_id"),
                                unique("uq_title", "agent_id", "title").nullsNotDistinct(),
                                check("ck_title", "title <> ''"),
                                foreignKey("fk_agent", "agent_id")
                                        .references("agents", "id")
                                        .onDelete(CASCADE)),
                        "Tasks"),
                """
                CREATE TABLE app.tasks (
                    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10) PRIMARY KEY,
                    agent_id bigint NOT NULL,
                    title varchar(200) DEFAULT '' NOT NULL,
                    code text COLLATE "C",
                    total numeric(10,2) GENERATED ALWAYS AS (price * qty) STORED,
                    "Order" int,
                    CONSTRAINT pk_x PRIMARY KEY (id, agent_id),
                    CONSTRAINT uq_title UNIQUE NULLS NOT DISTINCT (agent_id, title),
                    CONSTRAINT ck_title CHECK (title <> ''),
                    CONSTRAINT fk_agent FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE CASCADE
                )""",
                "COMMENT ON TABLE app.tasks IS 'Tasks'",
                "COMMENT ON COLUMN app.tasks.title IS 'What to do'");
        renders(new TableOp.DropTable(APP_TASKS, null), "DROP TABLE app.tasks");
        renders(new TableOp.RenameTable(APP_TASKS, "Jobs"), "ALTER TABLE app.tasks RENAME TO \"Jobs\"");
        renders(new TableOp.SetLogged(APP_TASKS, true), "ALTER TABLE app.tasks SET UNLOGGED");
        renders(new TableOp.SetLogged(APP_TASKS, false), "ALTER TABLE app.tasks SET LOGGED");
        String sequential = "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'";
        QualifiedName orders = QualifiedName.of(null, "orders");
        renders(
                new CitusOp.DistributeTable(orders, "customer_id"),
                sequential,
                "SELECT create_distributed_table('orders', 'customer_id')");
        renders(
                new CitusOp.DistributeTable(QualifiedName.of("App", "Orders"), "CustomerId", "App.customers", null),
                sequential,
                "SELECT create_distributed_table('\"App\".\"Orders\"', 'CustomerId', colocate_with =>"
                        + " '\"App\".customers')");
        renders(
                new CitusOp.DistributeTable(orders, "customer_id", "None", 64),
                sequential,
                "SELECT create_distributed_table('orders', 'customer_id', colocate_with => 'none', shard_count => 64)");
        renders(
                new CitusOp.CreateReferenceTable(QualifiedName.of(null, "it's")),
                sequential,
                "SELECT create_reference_table('\"it''s\"')");
        renders(new CitusOp.UndistributeTable(orders, null), "SELECT undistribute_table('orders')");
        renders(new CitusOp.DistributeSchema("Tenant 1"), "SELECT citus_schema_distribute('\"Tenant 1\"')");
        renders(new CitusOp.UndistributeSchema("tenant_1"), "SELECT citus_schema_undistribute('tenant_1')");
        renders(
                new ConstraintOp.CommentOnConstraint(APP_TASKS, "Ck Title", "It's checked", null),
                "COMMENT ON CONSTRAINT \"Ck Title\" ON app.tasks IS 'It''s checked'");
        renders(
                new IndexOp.CommentOnIndex(QualifiedName.of("app", "ix_tasks_title"), null, "old"),
                "COMMENT ON INDEX app.ix_tasks_title IS NULL");
        renders(new TableOp.CommentOnTable(AGENTS, "It's here", null), "COMMENT ON TABLE agents IS 'It''s here'");
        renders(new TableOp.CommentOnTable(AGENTS, null, "old"), "COMMENT ON TABLE agents IS NULL");

        renders(
                new ColumnOp.AddColumn(
                        AGENTS,
                        column("operational_status", "varchar(50)")
                                .notNull()
                                .defaultValue("'active'")
                                .comment("Operational status")),
                "ALTER TABLE agents ADD COLUMN operational_status varchar(50) DEFAULT 'active' NOT NULL",
                "COMMENT ON COLUMN agents.operational_status IS 'Operational status'");
        renders(new ColumnOp.DropColumn(AGENTS, "user", null), "ALTER TABLE agents DROP COLUMN \"user\"");
        renders(
                new ColumnOp.RenameColumn(AGENTS, "name", "Full Name"),
                "ALTER TABLE agents RENAME COLUMN name TO \"Full Name\"");
        renders(
                new ColumnOp.AlterColumnType(AGENTS, "amount", "numeric(10,2)", "amount::numeric(10,2)", "text"),
                "ALTER TABLE agents ALTER COLUMN amount TYPE numeric(10,2) USING amount::numeric(10,2)");
        renders(
                new ColumnOp.AlterColumnType(AGENTS, "amount", "text", null, null),
                "ALTER TABLE agents ALTER COLUMN amount TYPE text");
        renders(
                new ColumnOp.AlterColumnNullable(AGENTS, "name", false),
                "ALTER TABLE agents ALTER COLUMN name SET NOT NULL");
        renders(
                new ColumnOp.AlterColumnNullable(AGENTS, "name", true),
                "ALTER TABLE agents ALTER COLUMN name DROP NOT NULL");
        renders(
                new ColumnOp.AlterColumnDefault(AGENTS, "status", "'idle'", null),
                "ALTER TABLE agents ALTER COLUMN status SET DEFAULT 'idle'");
        renders(
                new ColumnOp.AlterColumnDefault(AGENTS, "status", null, "'idle'"),
                "ALTER TABLE agents ALTER COLUMN status DROP DEFAULT");
        renders(
                new ColumnOp.AddIdentity(
                        AGENTS,
                        "id",
                        Identity.always()
                                .with(SequenceOptions.DEFAULTS
                                        .as("bigint")
                                        .startWith(100)
                                        .incrementBy(5)
                                        .minValue(1)
                                        .maxValue(1000)
                                        .cache(10)
                                        .cycle())),
                "ALTER TABLE agents ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY "
                        + "(INCREMENT BY 5 MINVALUE 1 MAXVALUE 1000 START WITH 100 CACHE 10 CYCLE)");
        renders(
                new ColumnOp.AddIdentity(AGENTS, "id", Identity.byDefault()),
                "ALTER TABLE agents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY");
        renders(
                new ColumnOp.AddIdentity(AGENTS, "id", Identity.byDefault().sequenceName("Agents Seq")),
                "ALTER TABLE agents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME \"Agents Seq\")");
        renders(
                new ColumnOp.AddIdentity(
                        AGENTS,
                        "id",
                        Identity.always().sequenceName("agents_seq").with(SequenceOptions.DEFAULTS.startWith(5))),
                "ALTER TABLE agents ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME agents_seq START WITH 5)");
        renders(new ColumnOp.DropIdentity(AGENTS, "id", null), "ALTER TABLE agents ALTER COLUMN id DROP IDENTITY");
        renders(
                new ColumnOp.AlterIdentity(
                        AGENTS, "id", true, SequenceChanges.NONE.incrementBy(50).cycle(false), null, null),
                "ALTER TABLE agents ALTER COLUMN id SET GENERATED ALWAYS SET INCREMENT BY 50 SET NO CYCLE");
        renders(
                new ColumnOp.AlterColumnType(AGENTS, "Name", "text", null, "text", "C", "default", null),
                "ALTER TABLE agents ALTER COLUMN \"Name\" TYPE text COLLATE \"C\"");
        renders(
                new ColumnOp.CommentOnColumn(APP_TASKS, "Title", "a\\b", null),
                "COMMENT ON COLUMN app.tasks.\"Title\" IS E'a\\\\b'");

        renders(index("ix_agents_status", "agents", "status"), "CREATE INDEX ix_agents_status ON agents (status)");
        renders(
                index("ix_all", "app.tasks", key("Title"), expr("lower(code)"), desc("created_at"))
                        .unique()
                        .concurrently()
                        .using("btree")
                        .include("agent_id", "Order")
                        .nullsNotDistinct()
                        .where("done = false"),
                "CREATE UNIQUE INDEX CONCURRENTLY ix_all ON app.tasks USING btree (\"Title\", lower(code), created_at DESC) "
                        + "INCLUDE (agent_id, \"Order\") NULLS NOT DISTINCT WHERE done = false");
        renders(index("ix_tags", "agents", "tags").using("gin"), "CREATE INDEX ix_tags ON agents USING gin (tags)");
        renders(
                index("ix_odd", "agents", "my col", "lower(x)"),
                "CREATE INDEX ix_odd ON agents (\"my col\", \"lower(x)\")");
        renders(
                index("ix_order", "agents", desc("due").nullsFirst(), key("id").nullsLast()),
                "CREATE INDEX ix_order ON agents (due DESC NULLS FIRST, id NULLS LAST)");
        renders(
                new IndexOp.DropIndex(QualifiedName.parse("app.ix_all"), true, null),
                "DROP INDEX CONCURRENTLY app.ix_all");
        renders(new IndexOp.DropIndex(QualifiedName.parse("ix_tags"), false, null), "DROP INDEX ix_tags");
        renders(
                new TableOp.CreateTable(
                        QualifiedName.parse("events"),
                        List.of(
                                column("id", "bigint").notNull(),
                                column("at", "date").notNull()),
                        null,
                        "RANGE (at)"),
                "CREATE TABLE events (\n    id bigint NOT NULL,\n    at date NOT NULL\n) PARTITION BY RANGE (at)");
        renders(
                new TableOp.CreatePartition(
                        QualifiedName.parse("app.events_eu"),
                        QualifiedName.parse("app.events"),
                        "FOR VALUES IN ('eu')",
                        "HASH (id)"),
                "CREATE TABLE app.events_eu PARTITION OF app.events FOR VALUES IN ('eu') PARTITION BY HASH (id)");
        renders(new TableOp.DropPartition(QualifiedName.parse("events_2025_01"), null), "DROP TABLE events_2025_01");
        renders(
                new TableOp.AttachPartition(
                        QualifiedName.parse("events"), QualifiedName.parse("events_other"), "DEFAULT"),
                "ALTER TABLE events ATTACH PARTITION events_other DEFAULT");
        renders(
                new TableOp.DetachPartition(
                        QualifiedName.parse("events"), QualifiedName.parse("events_2025_01"), true, null),
                "ALTER TABLE events DETACH PARTITION events_2025_01 CONCURRENTLY");

        renders(
                new ConstraintOp.AddConstraint(
                        APP_TASKS,
                        foreignKey("fk_agent", "agent_id")
                                .references("public.agents", "id")
                                .onDelete(CASCADE)
                                .onUpdate(SET_NULL)
                                .deferrable(true)
                                .notValid()),
                "ALTER TABLE app.tasks ADD CONSTRAINT fk_agent FOREIGN KEY (agent_id) REFERENCES public.agents (id) "
                        + "ON UPDATE SET NULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED NOT VALID");
        renders(
                new ConstraintOp.AddConstraint(
                        APP_TASKS,
                        foreignKey(null, "a", "b")
                                .references("t", "x", "y")
                                .onDelete(RESTRICT)
                                .onUpdate(SET_DEFAULT)
                                .deferrable(false)),
                "ALTER TABLE app.tasks ADD FOREIGN KEY (a, b) REFERENCES t (x, y) ON UPDATE SET DEFAULT ON DELETE RESTRICT DEFERRABLE");
        renders(
                new ConstraintOp.AddConstraint(
                        AGENTS, check("ck_amount", "amount > 0").notValid()),
                "ALTER TABLE agents ADD CONSTRAINT ck_amount CHECK (amount > 0) NOT VALID");
        renders(
                new ConstraintOp.AddConstraint(AGENTS, primaryKey("agents_pkey", "id")),
                "ALTER TABLE agents ADD CONSTRAINT agents_pkey PRIMARY KEY (id)");
        renders(
                new ConstraintOp.AddConstraint(
                        AGENTS, primaryKey("agents_pkey", "id").deferrable(true)),
                "ALTER TABLE agents ADD CONSTRAINT agents_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED");
        renders(
                new ConstraintOp.AddConstraint(
                        AGENTS, primaryKey("agents_pkey", "id").deferrable(false)),
                "ALTER TABLE agents ADD CONSTRAINT agents_pkey PRIMARY KEY (id) DEFERRABLE");
        renders(
                new IndexOp.DropIndex(QualifiedName.parse("public.\"public.ix_orders\""), false, null),
                "DROP INDEX public.\"public.ix_orders\"");
        renders(
                new ConstraintOp.AddConstraint(AGENTS, unique("uq", "a").deferrable(true)),
                "ALTER TABLE agents ADD CONSTRAINT uq UNIQUE (a) DEFERRABLE INITIALLY DEFERRED");
        renders(new ConstraintOp.DropConstraint(AGENTS, "Check", null), "ALTER TABLE agents DROP CONSTRAINT \"Check\"");
        renders(
                new ConstraintOp.ValidateConstraint(AGENTS, "ck_amount"),
                "ALTER TABLE agents VALIDATE CONSTRAINT ck_amount");
        renders(
                new ConstraintOp.AlterConstraintDeferrability(
                        APP_TASKS, "Fk Agent", Deferrability.INITIALLY_DEFERRED, null),
                "ALTER TABLE app.tasks ALTER CONSTRAINT \"Fk Agent\" DEFERRABLE INITIALLY DEFERRED");
        renders(
                new ConstraintOp.AlterConstraintDeferrability(AGENTS, "fk", Deferrability.INITIALLY_IMMEDIATE, null),
                "ALTER TABLE agents ALTER CONSTRAINT fk DEFERRABLE INITIALLY IMMEDIATE");
        renders(
                new ConstraintOp.AlterConstraintDeferrability(
                        AGENTS, "fk", Deferrability.NOT_DEFERRABLE, Deferrability.INITIALLY_DEFERRED),
                "ALTER TABLE agents ALTER CONSTRAINT fk NOT DEFERRABLE");

        renders(
                new EnumOp.CreateEnum(QualifiedName.parse("app.status"), List.of("new", "it's", "done")),
                "CREATE TYPE app.status AS ENUM ('new', 'it''s', 'done')");
        renders(new EnumOp.DropEnum(QualifiedName.parse("app.status"), null), "DROP TYPE app.status");
        renders(
                new EnumOp.AddEnumValue(QualifiedName.parse("status"), "archived", null, null),
                "ALTER TYPE status ADD VALUE IF NOT EXISTS 'archived'");
        renders(
                new EnumOp.AddEnumValue(QualifiedName.parse("status"), "started", "done", null),
                "ALTER TYPE status ADD VALUE IF NOT EXISTS 'started' BEFORE 'done'");
        renders(
                new EnumOp.AddEnumValue(QualifiedName.parse("status"), "archived", null, "done"),
                "ALTER TYPE status ADD VALUE IF NOT EXISTS 'archived' AFTER 'done'");
        renders(
                new EnumOp.RenameEnumValue(QualifiedName.parse("status"), "done", "finished"),
                "ALTER TYPE status RENAME VALUE 'done' TO 'finished'");

        renders(
                new SequenceOp.CreateSequence(
                        QualifiedName.parse("app.ids"),
                        SequenceOptions.DEFAULTS
                                .as("integer")
                                .startWith(10)
                                .incrementBy(2)
                                .minValue(5)
                                .maxValue(1000)
                                .cache(5)
                                .cycle(),
                        "app.tasks.Id"),
                "CREATE SEQUENCE app.ids AS integer INCREMENT BY 2 MINVALUE 5 MAXVALUE 1000 START WITH 10 CACHE 5 CYCLE "
                        + "OWNED BY app.tasks.\"Id\"");
        renders(
                new SequenceOp.CreateSequence(QualifiedName.parse("ids"), SequenceOptions.DEFAULTS, null),
                "CREATE SEQUENCE ids");
        renders(
                new SequenceOp.AlterSequence(
                        QualifiedName.parse("app.ids"),
                        SequenceChanges.NONE
                                .as("bigint")
                                .incrementBy(50)
                                .minValue(1)
                                .maxValue(9)
                                .startWith(3)
                                .cache(20)
                                .cycle(true),
                        null),
                "ALTER SEQUENCE app.ids AS bigint INCREMENT BY 50 MINVALUE 1 MAXVALUE 9 START WITH 3 CACHE 20 CYCLE");
        renders(new SequenceOp.DropSequence(QualifiedName.parse("app.ids"), null), "DROP SEQUENCE app.ids");

        renders(new SqlOp.Execute("UPDATE agents SET status = 'x'", null), "UPDATE agents SET status = 'x'");
        renders(
                new SqlOp.RequireNoRows("SELECT 1 FROM agents WHERE name IS NULL;", "fill agents.name first"),
                "DO $guard$\n"
                        + "DECLARE\n"
                        + "    violating bigint;\n"
                        + "BEGIN\n"
                        + "    SELECT count(*) INTO violating FROM (\n"
                        + "        SELECT 1 FROM agents WHERE name IS NULL\n"
                        + "    ) AS rows_that_must_not_exist;\n"
                        + "    IF violating > 0 THEN\n"
                        + "        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'fill agents.name first' "
                        + "|| ' (' || violating || ' row' || CASE WHEN violating = 1 THEN '' ELSE 's' END || ' found)';\n"
                        + "    END IF;\n"
                        + "END\n"
                        + "$guard$");
        // a precondition's text may hold the block's tag: another one is chosen
        renders(
                new SqlOp.Guard(
                        new Precondition.SqlCheck("SELECT '$guard$'", "$guard$"), Precondition.OnFail.HALT, "tagged"),
                "DO $guard1$\n"
                        + "BEGIN\n"
                        + "    IF NOT COALESCE((SELECT CASE WHEN count(*) <> 1 THEN ('sqlCheck expects its query to"
                        + " return one row, not ' || count(*))::int = 0 ELSE bool_and(v IS NOT NULL AND format('%s', v)"
                        + " = '$guard$') END FROM (SELECT '$guard$') AS sql_check(v)), false) THEN\n"
                        + "        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'Precondition failed:"
                        + " tagged';\n"
                        + "    END IF;\n"
                        + "END\n"
                        + "$guard1$");

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1);
        row.put("name", "O'Brien");
        row.put("active", true);
        row.put("note", null);
        row.put("key", UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        row.put("raw", new byte[] {1, (byte) 0xab});
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("raw", null);
        second.put("key", null);
        second.put("note", "a\\b");
        second.put("active", false);
        second.put("name", "select");
        second.put("id", -2L);
        renders(new DataOp.BulkInsert(QualifiedName.parse("app.people"), List.of(row, second)), """
                INSERT INTO app.people (id, name, active, note, key, raw) VALUES
                    (1, 'O''Brien', TRUE, NULL, '00000000-0000-0000-0000-00000000000a', E'\\\\x01ab'::bytea),
                    (-2, 'select', FALSE, E'a\\\\b', NULL, NULL)""");
        assertThat(dialect.render(new DataOp.BulkInsert(AGENTS, List.of()))).isEmpty();

        Rows countries = Rows.keyedBy("code")
                .columns("code", "name", "note")
                .row("FR", "France", null)
                .row("CI", "Côte d'Ivoire", "");
        renders(new DataOp.InsertRows(QualifiedName.parse("ref.countries"), countries), """
                INSERT INTO ref.countries (code, name, note) OVERRIDING SYSTEM VALUE VALUES
                    ('FR', 'France', NULL),
                    ('CI', 'Côte d''Ivoire', '')""");
        // whole numbers may be a key's identity or serial values: its sequence moves past them, never back
        renders(
                new DataOp.InsertRows(
                        QualifiedName.parse("ref.regions"),
                        Rows.keyedBy("id").columns("id", "code").row("7", "EU").row("12", "AS")),
                "INSERT INTO ref.regions (id, code) OVERRIDING SYSTEM VALUE VALUES\n    ('7', 'EU'),\n    ('12', 'AS')",
                "SELECT setval(s.seq::regclass, 12) FROM (SELECT pg_get_serial_sequence('ref.regions', 'id') AS seq) s"
                        + " WHERE s.seq IS NOT NULL AND 12 > coalesce(pg_sequence_last_value(s.seq::regclass), 0)");
        renders(
                new DataOp.DeleteRows(QualifiedName.parse("ref.countries"), countries),
                "DELETE FROM ref.countries WHERE code IN ('FR', 'CI')");
        renders(
                new DataOp.DeleteRows(
                        AGENTS,
                        Rows.keyedBy("tenant", "Key")
                                .columns("tenant", "Key")
                                .row("1", "a")
                                .row("2", "b")),
                "DELETE FROM agents WHERE (tenant, \"Key\") IN (('1', 'a'), ('2', 'b'))");
        renders(
                new DataOp.UpdateRows(QualifiedName.parse("ref.countries"), countries, null),
                "UPDATE ref.countries SET name = 'France', note = NULL WHERE code = 'FR'",
                "UPDATE ref.countries SET name = 'Côte d''Ivoire', note = '' WHERE code = 'CI'");
        assertThat(dialect.render(new DataOp.InsertRows(AGENTS, Rows.keyedBy("id"))))
                .isEmpty();

        ObjectDefinition view = new ObjectDefinition(
                ObjectKind.VIEW,
                "app.active_agents",
                "CREATE OR REPLACE VIEW app.active_agents AS SELECT id FROM app.agents;");
        ObjectDefinition wider = new ObjectDefinition(
                ObjectKind.VIEW,
                "app.active_agents",
                "CREATE OR REPLACE VIEW app.active_agents AS SELECT id, name FROM app.agents;");
        renders(
                new ObjectOp.CreateObject(view),
                "CREATE OR REPLACE VIEW app.active_agents AS SELECT id FROM app.agents;");
        renders(
                new ObjectOp.ReplaceObject(view, wider),
                "CREATE OR REPLACE VIEW app.active_agents AS SELECT id, name FROM app.agents;");
        // a SQL body may call what is made after it, as pg_dump restores it
        ObjectDefinition inStock = new ObjectDefinition(
                ObjectKind.FUNCTION,
                "app.in_stock(integer)",
                "CREATE OR REPLACE FUNCTION app.in_stock(integer) RETURNS boolean LANGUAGE sql AS $$ SELECT app.held($1) $$;");
        assertThat(dialect.render(new ObjectOp.CreateObject(inStock)))
                .containsExactly("SET check_function_bodies = off", inStock.sql(), "RESET check_function_bodies");
        assertThat(dialect.render(new ObjectOp.ReplaceObject(inStock, inStock)))
                .containsExactly("SET check_function_bodies = off", inStock.sql(), "RESET check_function_bodies");
        renders(
                new ObjectOp.DropObject(ObjectKind.MATERIALIZED_VIEW, "app.totals", null),
                "DROP MATERIALIZED VIEW app.totals");
        renders(
                new ObjectOp.DropObject(ObjectKind.TRIGGER, "touch ON app.agents", null),
                "DROP TRIGGER touch ON app.agents");
        renders(
                new ObjectOp.DropObject(ObjectKind.ROW_LEVEL_SECURITY, "app.agents", null),
                "ALTER TABLE app.agents NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY");
        renders(
                new ObjectOp.DropObject(ObjectKind.COLUMN_OPTIONS, "\"Full Name\" ON app.agents", null),
                "ALTER TABLE app.agents ALTER COLUMN \"Full Name\" RESET (n_distinct, n_distinct_inherited)");

        // an online change met outside a run renders at once; its halves are pinned by the runtime's tests
        renders(
                new OnlineOp.Online(OnlineChange.renameColumn("app.agents", "name", "full_name")),
                "ALTER TABLE app.agents RENAME COLUMN name TO full_name");
        renders(
                new OnlineOp.Backfill(QualifiedName.of("app", "agents"), "_migrate_new_name"),
                "UPDATE app.agents SET _migrate_new_name = _migrate_new_name");
        renders(
                new OnlineOp.DropSyncTrigger(QualifiedName.of("app", "agents"), "name"),
                "DROP TRIGGER IF EXISTS _migrate_sync_name ON app.agents",
                "DROP FUNCTION IF EXISTS app._migrate_sync_agents_name()");
        renders(
                new OnlineOp.PutConstraint(
                        QualifiedName.of("app", "agents"), new Constraint.Check("ck_name", "name <> ''", true)),
                "ALTER TABLE app.agents DROP CONSTRAINT IF EXISTS ck_name, ADD CONSTRAINT ck_name CHECK (name <> '')"
                        + " NOT VALID");
        for (Op step : List.of(
                new OnlineOp.DuplicateColumn(QualifiedName.of("app", "agents"), "name", "_migrate_new_name", "text"),
                new OnlineOp.DuplicateConstraints(QualifiedName.of("app", "agents"), "name", "_migrate_new_name"),
                new OnlineOp.DuplicateIndexes(QualifiedName.of("app", "agents"), "name", "_migrate_new_name"),
                new OnlineOp.ReplaceColumn(QualifiedName.of("app", "agents"), "name", "_migrate_new_name"),
                new OnlineOp.SyncTrigger(
                        QualifiedName.of("app", "agents"), "name", "_migrate_new_name", "name", "name", "r1"),
                new OnlineOp.CreateVersionViews("r1", List.of(OnlineChange.dropColumn("app.agents", "name"))),
                new OnlineOp.DropVersionViews("r1", List.of(OnlineChange.dropColumn("app.agents", "name"))))) {
            pinned.add(step.getClass());
            assertThat(dialect.render(step))
                    .as(step.toString())
                    .isNotEmpty()
                    .allMatch(sql -> sql.contains("$migrate$"));
        }

        Set<String> missing = new HashSet<>();
        OpKinds.leaves().filter(k -> !pinned.contains(k)).forEach(k -> missing.add(k.getSimpleName()));
        assertThat(missing).as("op kinds without pinned SQL").isEmpty();
    }

    @Test
    void aUniqueColumnCarriesItsOwnConstraintAfterItsOtherClauses() {
        assertThat(dialect.render(new ColumnOp.AddColumn(
                        APP_TASKS,
                        column("email", "text").notNull().defaultValue("''").unique())))
                .containsExactly("ALTER TABLE app.tasks ADD COLUMN email text DEFAULT '' NOT NULL UNIQUE");
        assertThat(dialect.columnDefinition(column("id", "int").primaryKey().unique()))
                .isEqualTo("id int PRIMARY KEY UNIQUE");
        assertThat(dialect.columnDefinition(column("id", "int"))).isEqualTo("id int");
    }

    @Test
    void keyWordColumnsAreQuotedWherePostgresNeedsIt() {
        assertThat(dialect.render(new ColumnOp.AddColumn(QualifiedName.of("user", "order"), column("select", "text"))))
                .containsExactly("ALTER TABLE \"user\".\"order\" ADD COLUMN \"select\" text");
    }

    @Test
    void bulkInsertRowsMustShareTheirColumns() {
        Op op = new DataOp.BulkInsert(AGENTS, List.of(Map.of("id", 1), Map.of("name", "x")));
        assertThatThrownBy(() -> dialect.render(op))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must have the same columns as the first row");
    }

    @Test
    void aTypeThatIsNotATypeIsRefusedInEveryPlaceATypeGoes() {
        String bad = "int; DROP TABLE x";
        assertThatThrownBy(() -> dialect.render(new ColumnOp.AddColumn(AGENTS, column("c", bad))))
                .hasMessageContaining("is not a PostgreSQL type");
        assertThatThrownBy(() -> dialect.render(new ColumnOp.AlterColumnType(AGENTS, "c", bad, null, null)))
                .hasMessageContaining("is not a PostgreSQL type");
        assertThatThrownBy(() -> dialect.render(new SequenceOp.CreateSequence(
                        QualifiedName.parse("s"), SequenceOptions.DEFAULTS.as(bad), null)))
                .hasMessageContaining("is not a PostgreSQL type");
    }
}
