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
            Op.ValidateConstraint.class,
            Op.AddEnumValue.class,
            Op.BulkInsert.class,
            Op.RequireNoRows.class,
            Op.Guard.class,
            // the parts of an online change: its halves undo each other, not each part
            Op.DuplicateColumn.class,
            Op.DuplicateConstraints.class,
            Op.DuplicateIndexes.class,
            Op.ReplaceColumn.class,
            Op.SyncTrigger.class,
            Op.DropSyncTrigger.class,
            Op.Backfill.class,
            Op.PutConstraint.class,
            Op.CreateVersionViews.class,
            Op.DropVersionViews.class);

    /**
     * Kinds whose sample changes nothing the snapshot reads: it writes rows, makes a trigger and its
     * function, or drops what is not there.
     */
    static final Set<Class<? extends Op>> LEAVING_THE_CATALOG =
            Set.of(Op.Backfill.class, Op.SyncTrigger.class, Op.DropSyncTrigger.class, Op.DropVersionViews.class);

    /** Kinds that need a Citus coordinator, which the embedded server is not: migrate-citus-tests runs them. */
    static final Set<Class<? extends Op>> ON_CITUS = Set.of(
            Op.DistributeTable.class,
            Op.CreateReferenceTable.class,
            Op.UndistributeTable.class,
            Op.DistributeSchema.class,
            Op.UndistributeSchema.class);

    /** The table whose rows an op of {@link Rows} writes, for the round trip to compare them too. */
    static java.util.Optional<QualifiedName> rowsOf(Op op) {
        if (op instanceof Op.InsertRows insert) {
            return java.util.Optional.of(insert.table());
        } else if (op instanceof Op.DeleteRows delete) {
            return java.util.Optional.of(delete.table());
        } else if (op instanceof Op.UpdateRows update) {
            return java.util.Optional.of(update.table());
        }
        return java.util.Optional.empty();
    }

    static Map<Class<? extends Op>, Op> all() {
        Map<Class<? extends Op>, Op> samples = new LinkedHashMap<>();
        put(samples, new Op.CreateSchema("extra", false));
        put(samples, new Op.DropSchema("empty_schema", false));
        put(
                samples,
                new Op.CreateTable(
                        QualifiedName.of("app", "widgets"),
                        List.of(
                                column("id", "bigint").identity().primaryKey(),
                                column("name", "varchar(40)").notNull().comment("widget name"),
                                unique("uq_widgets_name", "name")),
                        "widgets"));
        put(
                samples,
                new Op.DropTable(
                        SCRATCH,
                        new Op.CreateTable(
                                SCRATCH,
                                List.of(column("id", "integer").primaryKey(), column("label", "text")),
                                null)));
        put(
                samples,
                new Op.CreatePartition(
                                QualifiedName.of("app", "events_2026_03"),
                                EVENTS,
                                "FOR VALUES FROM ('2026-03-01') TO ('2026-04-01')",
                                null)
                        .partitionBy("HASH (id)"));
        put(samples, new Op.DropPartition(JANUARY, new Op.CreatePartition(JANUARY, EVENTS, JANUARY_BOUND, null)));
        put(
                samples,
                new Op.AttachPartition(
                        EVENTS,
                        QualifiedName.of("app", "events_2026_02"),
                        "FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')"));
        put(samples, new Op.DetachPartition(EVENTS, JANUARY, false, JANUARY_BOUND));
        put(samples, new Op.RenameTable(AGENTS, "agent"));
        put(samples, new Op.SetLogged(AGENTS, true));
        put(samples, new Op.CommentOnTable(AGENTS, "new comment", "agents table"));
        put(
                samples,
                new Op.AddColumn(
                        AGENTS,
                        column("flag", "boolean")
                                .notNull()
                                .defaultValue("false")
                                .comment("a flag")));
        put(samples, new Op.DropColumn(AGENTS, "old_col", column("old_col", "integer")));
        put(samples, new Op.RenameColumn(AGENTS, "status", "state"));
        put(samples, new Op.AlterColumnType(AGENTS, "amount", "numeric(10,2)", "amount::numeric(10,2)", "text"));
        put(samples, new Op.AlterColumnNullable(AGENTS, "status", false));
        put(samples, new Op.AlterColumnDefault(AGENTS, "status", "'busy'", "'idle'::text"));
        put(
                samples,
                new Op.AddIdentity(COUNTERS, "n", Identity.always().with(SequenceOptions.DEFAULTS.startWith(100))));
        put(
                samples,
                new Op.AlterIdentity(
                        QualifiedName.of("app", "with_identity"),
                        "id",
                        false,
                        SequenceChanges.NONE.incrementBy(50).cache(5),
                        true,
                        SequenceChanges.NONE.incrementBy(1).cache(1)));
        put(
                samples,
                new Op.DropIdentity(
                        QualifiedName.of("app", "with_identity"),
                        "id",
                        Identity.always().with(SequenceOptions.DEFAULTS.startWith(7))));
        put(samples, new Op.CommentOnColumn(AGENTS, "name", "new column comment", "the name"));
        put(samples, new Op.CommentOnConstraint(TASKS, "ck_title", "titles are not empty", null));
        put(samples, new Op.CommentOnIndex(QualifiedName.of("app", "ix_agents_email"), "by email", null));
        put(samples, index("ix_agents_name", "app.agents", "name").unique());
        put(
                samples,
                new Op.DropIndex(
                        QualifiedName.of("app", "ix_agents_email"),
                        false,
                        Op.CreateIndex.on("ix_agents_email", AGENTS, List.of("email"))));
        put(
                samples,
                new Op.AddConstraint(
                        TASKS,
                        foreignKey("fk_tasks_agent", "agent_id")
                                .references("app.agents", "id")
                                .onDelete(CASCADE)));
        put(samples, new Op.DropConstraint(AGENTS, "uq_agents_name", unique("uq_agents_name", "name")));
        put(samples, new Op.ValidateConstraint(TASKS, "ck_title"));
        put(
                samples,
                new Op.AlterConstraintDeferrability(
                        QualifiedName.of("app", "pets"),
                        "fk_pets_owner",
                        Deferrability.INITIALLY_DEFERRED,
                        Deferrability.NOT_DEFERRABLE));
        put(samples, new Op.CreateEnum(QualifiedName.of("app", "color"), List.of("red", "green")));
        put(samples, new Op.DropEnum(MOOD, List.of("happy", "sad")));
        put(samples, new Op.AddEnumValue(MOOD, "meh", null, "happy"));
        put(samples, new Op.RenameEnumValue(MOOD, "sad", "blue"));
        put(
                samples,
                new Op.CreateSequence(
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
                new Op.AlterSequence(
                        QualifiedName.of("app", "counter_seq"),
                        SequenceChanges.NONE.incrementBy(50).maxValue(100_000).cycle(true),
                        SequenceChanges.NONE
                                .incrementBy(1)
                                .maxValue(Long.MAX_VALUE)
                                .cycle(false)));
        put(
                samples,
                new Op.DropSequence(
                        QualifiedName.of("app", "counter_seq"),
                        new Op.CreateSequence(
                                QualifiedName.of("app", "counter_seq"), SequenceOptions.DEFAULTS.startWith(5), null)));
        ObjectDefinition answer = new ObjectDefinition(
                ObjectKind.VIEW, "app.answer", "CREATE OR REPLACE VIEW app.answer AS SELECT 42 AS n");
        put(
                samples,
                new Op.CreateObject(new ObjectDefinition(
                        ObjectKind.VIEW,
                        "app.agent_names",
                        "CREATE OR REPLACE VIEW app.agent_names AS SELECT id, name FROM app.agents;\n"
                                + "COMMENT ON VIEW app.agent_names IS 'who is who';")));
        put(
                samples,
                new Op.ReplaceObject(
                        answer,
                        new ObjectDefinition(
                                ObjectKind.VIEW, "app.answer", "CREATE OR REPLACE VIEW app.answer AS SELECT 43 AS n")));
        put(samples, new Op.DropObject(ObjectKind.VIEW, "app.answer", answer));
        put(samples, new Op.Execute("CREATE TABLE app.made_by_sql (x int)", "DROP TABLE app.made_by_sql"));
        put(
                samples,
                new Op.BulkInsert(SCRATCH, List.of(Map.of("id", 1, "label", "one"), Map.of("id", 2, "label", "two"))));
        // rows ops from OperationVariantsTest's fixture rows: agents 1 'a' and 2 'b'
        put(
                samples,
                new Op.InsertRows(
                        SCRATCH,
                        Rows.keyedBy("id")
                                .columns("id", "label")
                                .row("10", "ten")
                                .row("11", null)));
        put(
                samples,
                new Op.DeleteRows(
                        AGENTS,
                        Rows.keyedBy("id")
                                .columns("id", "name", "status", "amount", "email", "old_col")
                                .row("2", "b", "idle", "2", null, null)));
        put(
                samples,
                new Op.UpdateRows(
                        AGENTS,
                        Rows.keyedBy("id").columns("id", "name", "amount").row("1", "renamed", ""),
                        Rows.keyedBy("id").columns("id", "name", "amount").row("1", "a", "1.50")));
        put(samples, new Op.RequireNoRows("SELECT 1 FROM app.scratch WHERE id < 0", "remove the negative ids"));
        put(
                samples,
                new Op.Guard(
                        new Precondition.TableExists(QualifiedName.of("app", "scratch")),
                        Precondition.OnFail.HALT,
                        "app.scratch is there"));
        put(samples, new Op.Online(OnlineChange.renameColumn("app.agents", "name", "full_name")));
        put(samples, new Op.DuplicateColumn(AGENTS, "name", "_migrate_new_name", "text"));
        put(samples, new Op.DuplicateConstraints(AGENTS, "name", "amount"));
        put(samples, new Op.DuplicateIndexes(AGENTS, "email", "amount"));
        put(samples, new Op.ReplaceColumn(COUNTERS, "n", "m"));
        put(samples, new Op.SyncTrigger(AGENTS, "name", null, null, "'n'", "r1"));
        put(samples, new Op.DropSyncTrigger(AGENTS, "name"));
        put(samples, new Op.Backfill(SCRATCH, "label"));
        put(samples, new Op.PutConstraint(TASKS, new Constraint.Check("ck_agent", "agent_id > 0", true)));
        put(samples, new Op.CreateVersionViews("r1", List.of(OnlineChange.dropColumn("app.agents", "name"))));
        put(samples, new Op.DropVersionViews("r1", List.of(OnlineChange.dropColumn("app.agents", "name"))));
        put(samples, new Op.DistributeTable(AGENTS, "id", "none", 8));
        put(samples, new Op.CreateReferenceTable(MOOD));
        put(samples, new Op.UndistributeTable(AGENTS, new Op.DistributeTable(AGENTS, "id")));
        put(samples, new Op.DistributeSchema("app"));
        put(samples, new Op.UndistributeSchema("app"));
        return samples;
    }

    private static void put(Map<Class<? extends Op>, Op> samples, Op op) {
        if (samples.put(op.getClass(), op) != null) {
            throw new IllegalStateException("Two samples of " + op.getClass().getSimpleName());
        }
    }
}
