package dev.migrate.op;

import static dev.migrate.Ddl.CASCADE;
import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static dev.migrate.Ddl.index;
import static dev.migrate.Ddl.unique;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sample of every {@link Op} kind, each valid against {@link #FIXTURE}, with the "previous" and
 * "definition" fields filled as autogenerate fills them, so every reversible sample can be reversed.
 */
final class OpSamples {
    private OpSamples() {}

    /** The database each sample starts from. */
    static final List<String> FIXTURE = List.of(
            "CREATE SCHEMA app",
            "CREATE SCHEMA empty_schema",
            "CREATE TABLE app.agents (id bigint PRIMARY KEY, name text NOT NULL, status text DEFAULT 'idle', amount text, "
                    + "email text, old_col integer, CONSTRAINT uq_agents_name UNIQUE (name))",
            "COMMENT ON TABLE app.agents IS 'agents table'",
            "COMMENT ON COLUMN app.agents.name IS 'the name'",
            "CREATE INDEX ix_agents_email ON app.agents (email)",
            "CREATE TABLE app.tasks (id bigint PRIMARY KEY, agent_id bigint, title text)",
            "ALTER TABLE app.tasks ADD CONSTRAINT ck_title CHECK (title <> '') NOT VALID",
            "CREATE TABLE app.owners (id bigint PRIMARY KEY)",
            "CREATE TABLE app.pets (id bigint PRIMARY KEY,"
                    + " owner_id bigint CONSTRAINT fk_pets_owner REFERENCES app.owners)",
            "CREATE TABLE app.scratch (id integer PRIMARY KEY, label text)",
            "CREATE TABLE app.counters (n integer NOT NULL, m integer)",
            "CREATE TABLE app.with_identity (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 7), note text)",
            "CREATE TYPE app.mood AS ENUM ('happy', 'sad')",
            "CREATE SEQUENCE app.counter_seq START WITH 5",
            "CREATE VIEW app.answer AS SELECT 42 AS n",
            "CREATE TABLE app.events (id bigint NOT NULL, created_at date NOT NULL, PRIMARY KEY (id, created_at))"
                    + " PARTITION BY RANGE (created_at)",
            "CREATE TABLE app.events_2026_01 PARTITION OF app.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')",
            "CREATE TABLE app.events_2026_02 (id bigint NOT NULL, created_at date NOT NULL, PRIMARY KEY (id, created_at))",
            "INSERT INTO app.events VALUES (1, '2026-01-15')",
            "INSERT INTO app.events_2026_02 VALUES (2, '2026-02-15')",
            "INSERT INTO app.agents (id, name, amount) VALUES (1, 'a', '1.50'), (2, 'b', '2')",
            "INSERT INTO app.tasks VALUES (1, 1, 't')");

    private static final QualifiedName AGENTS = QualifiedName.of("app", "agents");
    private static final QualifiedName TASKS = QualifiedName.of("app", "tasks");
    private static final QualifiedName SCRATCH = QualifiedName.of("app", "scratch");
    private static final QualifiedName COUNTERS = QualifiedName.of("app", "counters");
    private static final QualifiedName MOOD = QualifiedName.of("app", "mood");
    private static final QualifiedName EVENTS = QualifiedName.of("app", "events");
    private static final QualifiedName JANUARY = QualifiedName.of("app", "events_2026_01");
    private static final String JANUARY_BOUND = "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')";

    /** Kinds PostgreSQL (or the op itself) gives no way to undo. */
    static final Set<Class<? extends Op>> WITHOUT_REVERSE = Set.of(
            ConstraintOp.ValidateConstraint.class,
            EnumOp.AddEnumValue.class,
            DataOp.BulkInsert.class,
            SqlOp.RequireNoRows.class,
            SqlOp.Guard.class,
            // the parts of an online change: its halves undo each other, not each part
            OnlineOp.DuplicateColumn.class,
            OnlineOp.DuplicateConstraints.class,
            OnlineOp.DuplicateIndexes.class,
            OnlineOp.ReplaceColumn.class,
            OnlineOp.SyncTrigger.class,
            OnlineOp.DropSyncTrigger.class,
            OnlineOp.Backfill.class,
            OnlineOp.PutConstraint.class,
            OnlineOp.CreateVersionViews.class,
            OnlineOp.DropVersionViews.class);

    /**
     * Kinds whose sample changes nothing the snapshot reads: it writes rows, makes a trigger and its
     * function, or drops what is not there.
     */
    static final Set<Class<? extends Op>> LEAVING_THE_CATALOG = Set.of(
            OnlineOp.Backfill.class,
            OnlineOp.SyncTrigger.class,
            OnlineOp.DropSyncTrigger.class,
            OnlineOp.DropVersionViews.class);

    /** Kinds that need a Citus coordinator, which the embedded server is not: migrate-citus-tests runs them. */
    static final Set<Class<? extends Op>> ON_CITUS = Set.of(
            CitusOp.DistributeTable.class,
            CitusOp.CreateReferenceTable.class,
            CitusOp.UndistributeTable.class,
            CitusOp.DistributeSchema.class,
            CitusOp.UndistributeSchema.class);

    /** The table whose rows an op of {@link Rows} writes, for the round trip to compare them too. */
    static java.util.Optional<QualifiedName> rowsOf(Op op) {
        if (op instanceof DataOp.InsertRows insert) {
            return java.util.Optional.of(insert.table());
        } else if (op instanceof DataOp.DeleteRows delete) {
            return java.util.Optional.of(delete.table());
        } else if (op instanceof DataOp.UpdateRows update) {
            return java.util.Optional.of(update.table());
        }
        return java.util.Optional.empty();
    }

    static Map<Class<? extends Op>, Op> all() {
        Map<Class<? extends Op>, Op> samples = new LinkedHashMap<>();
        put(samples, new SchemaOp.CreateSchema("extra", false));
        put(samples, new SchemaOp.DropSchema("empty_schema", false));
        put(
                samples,
                new TableOp.CreateTable(
                        QualifiedName.of("app", "widgets"),
                        List.of(
                                column("id", "bigint").identity().primaryKey(),
                                column("name", "varchar(40)").notNull().comment("widget name"),
                                unique("uq_widgets_name", "name")),
                        "widgets"));
        put(
                samples,
                new TableOp.DropTable(
                        SCRATCH,
                        new TableOp.CreateTable(
                                SCRATCH,
                                List.of(column("id", "integer").primaryKey(), column("label", "text")),
                                null)));
        put(
                samples,
                new TableOp.CreatePartition(
                                QualifiedName.of("app", "events_2026_03"),
                                EVENTS,
                                "FOR VALUES FROM ('2026-03-01') TO ('2026-04-01')",
                                null)
                        .partitionBy("HASH (id)"));
        put(
                samples,
                new TableOp.DropPartition(JANUARY, new TableOp.CreatePartition(JANUARY, EVENTS, JANUARY_BOUND, null)));
        put(
                samples,
                new TableOp.AttachPartition(
                        EVENTS,
                        QualifiedName.of("app", "events_2026_02"),
                        "FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')"));
        put(samples, new TableOp.DetachPartition(EVENTS, JANUARY, false, JANUARY_BOUND));
        put(samples, new TableOp.RenameTable(AGENTS, "agent"));
        put(samples, new TableOp.SetLogged(AGENTS, true));
        put(samples, new TableOp.CommentOnTable(AGENTS, "new comment", "agents table"));
        put(
                samples,
                new ColumnOp.AddColumn(
                        AGENTS,
                        column("flag", "boolean")
                                .notNull()
                                .defaultValue("false")
                                .comment("a flag")));
        put(samples, new ColumnOp.DropColumn(AGENTS, "old_col", column("old_col", "integer")));
        put(samples, new ColumnOp.RenameColumn(AGENTS, "status", "state"));
        put(samples, new ColumnOp.AlterColumnType(AGENTS, "amount", "numeric(10,2)", "amount::numeric(10,2)", "text"));
        put(samples, new ColumnOp.AlterColumnNullable(AGENTS, "status", false));
        put(samples, new ColumnOp.AlterColumnDefault(AGENTS, "status", "'busy'", "'idle'::text"));
        put(
                samples,
                new ColumnOp.AddIdentity(
                        COUNTERS, "n", Identity.always().with(SequenceOptions.DEFAULTS.startWith(100))));
        put(
                samples,
                new ColumnOp.AlterIdentity(
                        QualifiedName.of("app", "with_identity"),
                        "id",
                        false,
                        SequenceChanges.NONE.incrementBy(50).cache(5),
                        true,
                        SequenceChanges.NONE.incrementBy(1).cache(1)));
        put(
                samples,
                new ColumnOp.DropIdentity(
                        QualifiedName.of("app", "with_identity"),
                        "id",
                        Identity.always().with(SequenceOptions.DEFAULTS.startWith(7))));
        put(samples, new ColumnOp.CommentOnColumn(AGENTS, "name", "new column comment", "the name"));
        put(samples, new ConstraintOp.CommentOnConstraint(TASKS, "ck_title", "titles are not empty", null));
        put(samples, new IndexOp.CommentOnIndex(QualifiedName.of("app", "ix_agents_email"), "by email", null));
        put(samples, index("ix_agents_name", "app.agents", "name").unique());
        put(
                samples,
                new IndexOp.DropIndex(
                        QualifiedName.of("app", "ix_agents_email"),
                        false,
                        IndexOp.CreateIndex.on("ix_agents_email", AGENTS, List.of("email"))));
        put(
                samples,
                new ConstraintOp.AddConstraint(
                        TASKS,
                        foreignKey("fk_tasks_agent", "agent_id")
                                .references("app.agents", "id")
                                .onDelete(CASCADE)));
        put(samples, new ConstraintOp.DropConstraint(AGENTS, "uq_agents_name", unique("uq_agents_name", "name")));
        put(samples, new ConstraintOp.ValidateConstraint(TASKS, "ck_title"));
        put(
                samples,
                new ConstraintOp.AlterConstraintDeferrability(
                        QualifiedName.of("app", "pets"),
                        "fk_pets_owner",
                        Deferrability.INITIALLY_DEFERRED,
                        Deferrability.NOT_DEFERRABLE));
        put(samples, new EnumOp.CreateEnum(QualifiedName.of("app", "color"), List.of("red", "green")));
        put(samples, new EnumOp.DropEnum(MOOD, List.of("happy", "sad")));
        put(samples, new EnumOp.AddEnumValue(MOOD, "meh", null, "happy"));
        put(samples, new EnumOp.RenameEnumValue(MOOD, "sad", "blue"));
        put(
                samples,
                new SequenceOp.CreateSequence(
                        QualifiedName.of("app", "ids"),
                        SequenceOptions.DEFAULTS
                                .as("integer")
                                .startWith(10)
                                .incrementBy(2)
                                .maxValue(1000)
                                .cache(5)
                                .cycle(),
                        "app.counters.m"));
        put(
                samples,
                new SequenceOp.AlterSequence(
                        QualifiedName.of("app", "counter_seq"),
                        SequenceChanges.NONE.incrementBy(50).maxValue(100_000).cycle(true),
                        SequenceChanges.NONE
                                .incrementBy(1)
                                .maxValue(Long.MAX_VALUE)
                                .cycle(false)));
        put(
                samples,
                new SequenceOp.DropSequence(
                        QualifiedName.of("app", "counter_seq"),
                        new SequenceOp.CreateSequence(
                                QualifiedName.of("app", "counter_seq"), SequenceOptions.DEFAULTS.startWith(5), null)));
        ObjectDefinition answer = new ObjectDefinition(
                ObjectKind.VIEW, "app.answer", "CREATE OR REPLACE VIEW app.answer AS SELECT 42 AS n");
        put(
                samples,
                new ObjectOp.CreateObject(new ObjectDefinition(
                        ObjectKind.VIEW,
                        "app.agent_names",
                        "CREATE OR REPLACE VIEW app.agent_names AS SELECT id, name FROM app.agents;\n"
                                + "COMMENT ON VIEW app.agent_names IS 'who is who';")));
        put(
                samples,
                new ObjectOp.ReplaceObject(
                        answer,
                        new ObjectDefinition(
                                ObjectKind.VIEW, "app.answer", "CREATE OR REPLACE VIEW app.answer AS SELECT 43 AS n")));
        put(samples, new ObjectOp.DropObject(ObjectKind.VIEW, "app.answer", answer));
        put(samples, new SqlOp.Execute("CREATE TABLE app.made_by_sql (x int)", "DROP TABLE app.made_by_sql"));
        put(
                samples,
                new DataOp.BulkInsert(
                        SCRATCH, List.of(Map.of("id", 1, "label", "one"), Map.of("id", 2, "label", "two"))));
        // rows ops from OperationVariantsTest's fixture rows: agents 1 'a' and 2 'b'
        put(
                samples,
                new DataOp.InsertRows(
                        SCRATCH,
                        Rows.keyedBy("id")
                                .columns("id", "label")
                                .row("10", "ten")
                                .row("11", null)));
        put(
                samples,
                new DataOp.DeleteRows(
                        AGENTS,
                        Rows.keyedBy("id")
                                .columns("id", "name", "status", "amount", "email", "old_col")
                                .row("2", "b", "idle", "2", null, null)));
        put(
                samples,
                new DataOp.UpdateRows(
                        AGENTS,
                        Rows.keyedBy("id").columns("id", "name", "amount").row("1", "renamed", ""),
                        Rows.keyedBy("id").columns("id", "name", "amount").row("1", "a", "1.50")));
        put(samples, new SqlOp.RequireNoRows("SELECT 1 FROM app.scratch WHERE id < 0", "remove the negative ids"));
        put(
                samples,
                new SqlOp.Guard(
                        new Precondition.TableExists(QualifiedName.of("app", "scratch")),
                        Precondition.OnFail.HALT,
                        "app.scratch is there"));
        put(samples, new OnlineOp.Online(OnlineChange.renameColumn("app.agents", "name", "full_name")));
        put(samples, new OnlineOp.DuplicateColumn(AGENTS, "name", "_migrate_new_name", "text"));
        put(samples, new OnlineOp.DuplicateConstraints(AGENTS, "name", "amount"));
        put(samples, new OnlineOp.DuplicateIndexes(AGENTS, "email", "amount"));
        put(samples, new OnlineOp.ReplaceColumn(COUNTERS, "n", "m"));
        put(samples, new OnlineOp.SyncTrigger(AGENTS, "name", null, null, "'n'", "r1"));
        put(samples, new OnlineOp.DropSyncTrigger(AGENTS, "name"));
        put(samples, new OnlineOp.Backfill(SCRATCH, "label"));
        put(samples, new OnlineOp.PutConstraint(TASKS, new Constraint.Check("ck_agent", "agent_id > 0", true)));
        put(samples, new OnlineOp.CreateVersionViews("r1", List.of(OnlineChange.dropColumn("app.agents", "name"))));
        put(samples, new OnlineOp.DropVersionViews("r1", List.of(OnlineChange.dropColumn("app.agents", "name"))));
        put(samples, new CitusOp.DistributeTable(AGENTS, "id", "none", 8));
        put(samples, new CitusOp.CreateReferenceTable(MOOD));
        put(samples, new CitusOp.UndistributeTable(AGENTS, new CitusOp.DistributeTable(AGENTS, "id")));
        put(samples, new CitusOp.DistributeSchema("app"));
        put(samples, new CitusOp.UndistributeSchema("app"));
        return samples;
    }

    private static void put(Map<Class<? extends Op>, Op> samples, Op op) {
        if (samples.put(op.getClass(), op) != null) {
            throw new IllegalStateException("Two samples of " + op.getClass().getSimpleName());
        }
    }
}
