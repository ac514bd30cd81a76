package dev.migrate.autogen.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import dev.migrate.Ddl;
import dev.migrate.Migration;
import dev.migrate.autogen.internal.write.OpJavaRenderer;
import dev.migrate.op.CitusOp;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.Deferrability;
import dev.migrate.op.EnumOp;
import dev.migrate.op.Identity;
import dev.migrate.op.IndexKey;
import dev.migrate.op.IndexOp;
import dev.migrate.op.ObjectDefinition;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
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
import dev.migrate.tooling.OpSql;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of op, in all its variants, is rendered to Java, compiled with only the engine on the
 * class path, run against a recording {@code Operations}, and must give exactly the SQL of the original.
 * The samples are compiled once, together, since javac is the slow part.
 */
class OpJavaRoundTripTest {
    /** Quotes, backslashes, line breaks, a tab, non-ASCII, an emoji, and text that looks like escapes and format codes. */
    static final String HOSTILE =
            "it's \"quoted\" \\ back\\slash\nnew line\r\n\ttab ü 日本 🎉 \\u000a \\\\u0041 */ /* $S $L %s";

    private static final Map<String, Op> SAMPLES = samples();
    private static final Map<String, JavaFile> FILES = new LinkedHashMap<>();
    private static Map<String, Migration> compiled;

    @BeforeAll
    static void compileAllSamples() {
        OpJavaRenderer renderer = new OpJavaRenderer();
        SAMPLES.forEach(
                (name, op) -> FILES.put(name, GeneratedMigrations.javaFile(className(name), renderer.render(op))));
        compiled = GeneratedMigrations.compile(List.copyOf(FILES.values()));
    }

    @Test
    void everyKindOfOpHasASample() {
        // the sealed families (online steps, table distributions) by their records
        Set<String> kinds = dev.migrate.op.OpKinds.leaves()
                .filter(k -> !OnlineOp.OnlineStep.class.isAssignableFrom(k))
                .map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sampled = SAMPLES.values().stream()
                .map(op -> op.getClass().getSimpleName())
                .collect(Collectors.toSet());
        kinds.removeAll(sampled);
        // the parts of an online change's halves, made at run time, are never written as Java
        kinds.remove(OnlineOp.OnlineStep.class.getSimpleName());
        assertThat(kinds).as("op kinds without a round-trip sample").isEmpty();
    }

    @Test
    void generatedCodeGivesExactlyTheSqlOfTheOriginalOp() {
        List<String> failures = new ArrayList<>();
        SAMPLES.forEach((name, op) -> {
            List<String> expected = OpSql.render(op);
            List<String> actual = OpSql.renderAll(
                    GeneratedMigrations.recordUpgrade(Objects.requireNonNull(compiled.get(className(name)))));
            if (!expected.equals(actual)) {
                failures.add(name + ":\n  expected " + expected + "\n  actual   " + actual + "\n" + FILES.get(name));
            }
        });
        assertThat(failures)
                .as("samples whose generated code renders other SQL")
                .isEmpty();
    }

    @Test
    void everyOpHasAShorthandSoNoGeneratedCodeUsesOpRun() {
        List<String> withRun = new ArrayList<>();
        FILES.forEach((name, file) -> {
            if (file.toString().contains("op.run(")) {
                withRun.add(name);
            }
        });
        assertThat(withRun).isEmpty();
    }

    private static String className(String sampleName) {
        return "V_" + sampleName;
    }

    private static QualifiedName name(String text) {
        return QualifiedName.parse(text);
    }

    // a value that is a CharSequence but not a String, on purpose; null where the engine's records take it
    // for "none", which their annotations do not say yet
    @SuppressWarnings({"UnnecessaryStringBuilder", "NullAway"})
    private static Map<String, Op> samples() {
        Map<String, Op> s = new LinkedHashMap<>();
        // schemas
        s.put(
                "onlineAlterColumn",
                new OnlineOp.Online(OnlineChange.alterColumn("app.orders", "amount")
                        .type("numeric(12,2)")
                        .notNull()
                        .check("orders_amount_positive", "amount > 0")
                        .unique("orders_amount_key")
                        .references(new Constraint.ForeignKey(
                                "orders_amount_fk",
                                List.of("amount"),
                                name("amounts"),
                                List.of("value"),
                                ReferentialAction.CASCADE,
                                null,
                                false,
                                false,
                                false))
                        .up("amount / 100.0")
                        .down(HOSTILE)));
        s.put(
                "onlineRenameColumn",
                new OnlineOp.Online(OnlineChange.renameColumn("app.customers", "name", "full_name")));
        s.put("onlineRenameTable", new OnlineOp.Online(OnlineChange.renameTable("items", "products")));
        s.put(
                "onlineDropColumn",
                new OnlineOp.Online(OnlineChange.dropColumn("customers", "fax").down("''")));
        s.put("createSchema", new SchemaOp.CreateSchema("app", false));
        s.put("createSchemaIfNotExists", new SchemaOp.CreateSchema("App \"Schema\"", true));
        s.put("dropSchema", new SchemaOp.DropSchema("app", false));
        s.put("dropSchemaCascade", new SchemaOp.DropSchema("app", true));

        // tables
        s.put(
                "createTableEverything",
                new TableOp.CreateTable(
                        name("app.agents"),
                        List.of(
                                Ddl.column("id", "bigint")
                                        .identity(Identity.always().with(SequenceOptions.DEFAULTS.startWith(1000)))
                                        .primaryKey(),
                                Ddl.unique("uq_agents_name_team", "name", "team_id")
                                        .nullsNotDistinct()
                                        .deferrable(true),
                                Ddl.column("name", "text").collate("C").notNull(),
                                Ddl.column("status", "varchar(50)")
                                        .notNull()
                                        .defaultValue("'active'")
                                        .comment(HOSTILE),
                                Ddl.column("price", "numeric(10,2)"),
                                Ddl.column("total", "numeric(12,2)").generatedAs("price * 2"),
                                Ddl.column("Weird \"Col\"", "text").defaultValue("E'\\\\n'"),
                                Ddl.column("team_id", "bigint"),
                                Ddl.column("seq", "int").identity(),
                                Ddl.primaryKey(null, "id"),
                                Ddl.foreignKey("fk_agents_team", "team_id")
                                        .references("app.teams", "id")
                                        .onDelete(ReferentialAction.SET_NULL),
                                Ddl.check("ck_price", "price >= 0").notValid()),
                        null));
        s.put(
                "createTableWithComments",
                new TableOp.CreateTable(
                        name("agents"),
                        List.of(
                                Ddl.column("id", "bigint").primaryKey().comment("Key"),
                                Ddl.column("name", "text"),
                                Ddl.column("note", "text").comment(HOSTILE)),
                        HOSTILE));
        s.put(
                "createTableUniqueColumns",
                new TableOp.CreateTable(
                        name("app.labels"),
                        List.of(
                                Ddl.column("id", "int").primaryKey().unique(),
                                Ddl.column("name", "varchar(40)")
                                        .notNull()
                                        .unique()
                                        .comment("Name")),
                        null));
        s.put(
                "addColumnUnique",
                new ColumnOp.AddColumn(
                        name("agents"), Ddl.column("email", "text").unique()));
        s.put("createTableEmpty", new TableOp.CreateTable(name("empty"), List.of(), null));
        s.put(
                "createTableOneColumn",
                new TableOp.CreateTable(
                        name("one"), List.of(Ddl.column("id", "uuid").notNull()), null));
        s.put(
                "createTableNullableIdentity",
                new TableOp.CreateTable(
                        name("odd"),
                        List.of(new Column(
                                "id", "int", true, null, Identity.byDefault(), null, null, null, false, false)),
                        null));
        s.put("dropTable", new TableOp.DropTable(name("app.agents"), null));
        s.put(
                "dropTableWithDefinition",
                new TableOp.DropTable(name("empty"), new TableOp.CreateTable(name("empty"), List.of(), null)));
        s.put("renameTable", new TableOp.RenameTable(name("app.Agents"), "New Agents"));
        s.put("setUnlogged", new TableOp.SetLogged(name("app.Agents"), true));
        s.put("setLogged", new TableOp.SetLogged(name("app.Agents"), false));
        s.put("distributeTable", new CitusOp.DistributeTable(name("app.Agents"), "TeamId"));
        s.put(
                "distributeTableColocated",
                new CitusOp.DistributeTable(name("orders"), "customer_id", "app.Customers", null));
        s.put("distributeTableShards", new CitusOp.DistributeTable(name("events"), "device_id", "none", 64));
        s.put("distributeTableDefaultShards", new CitusOp.DistributeTable(name("events"), "device_id", null, 16));
        s.put("createReferenceTable", new CitusOp.CreateReferenceTable(name("countries")));
        s.put("undistributeTable", new CitusOp.UndistributeTable(name("app.Agents"), null));
        s.put("distributeSchema", new CitusOp.DistributeSchema("tenant_1"));
        s.put("undistributeSchema", new CitusOp.UndistributeSchema("Tenant 1"));
        s.put(
                "createPartitionedTable",
                new TableOp.CreateTable(
                        name("app.events"),
                        List.of(
                                Ddl.column("id", "bigint").notNull(),
                                Ddl.column("at", "date").notNull(),
                                Ddl.primaryKey("events_pkey", "id", "at")),
                        "all events",
                        "RANGE (at)"));
        s.put(
                "createPartitionedTableWithoutElements",
                new TableOp.CreateTable(name("odd"), List.of(), null, "LIST (region)"));
        s.put(
                "createPartition",
                new TableOp.CreatePartition(
                        name("app.events_2026_01"),
                        name("app.events"),
                        "FOR VALUES FROM ('2026-01-01 00:00:00+00', 'a region name long enough to wrap') "
                                + "TO ('2026-02-01 00:00:00+00', 'another region name')",
                        null));
        s.put(
                "createPartitionPartitioned",
                new TableOp.CreatePartition(
                        name("Events EU"), name("events"), "FOR VALUES IN ('eu', 'o''k')", "HASH (id)"));
        s.put(
                "createDefaultPartition",
                new TableOp.CreatePartition(name("events_other"), name("events"), "DEFAULT", null));
        s.put(
                "dropPartition",
                new TableOp.DropPartition(
                        name("app.events_2025_01"),
                        new TableOp.CreatePartition(name("app.events_2025_01"), name("app.events"), "DEFAULT", null)));
        s.put(
                "attachPartition",
                new TableOp.AttachPartition(
                        name("events"), name("events_h0"), "FOR VALUES WITH (MODULUS 4, REMAINDER 0)"));
        s.put(
                "detachPartition",
                new TableOp.DetachPartition(name("app.events"), name("app.events_2025_01"), false, "DEFAULT"));
        s.put(
                "detachPartitionConcurrently",
                new TableOp.DetachPartition(name("events"), name("events_2025_01"), true, null));
        s.put("commentOnTable", new TableOp.CommentOnTable(name("app.agents"), HOSTILE, "old"));
        s.put("commentOnTableRemoved", new TableOp.CommentOnTable(name("agents"), null, "old"));

        // columns
        s.put(
                "addColumn",
                new ColumnOp.AddColumn(
                        name("app.agents"),
                        Ddl.column("select", "timestamp(3) with time zone")
                                .notNull()
                                .defaultValue("now()")
                                .comment("When")));
        s.put(
                "addColumnIdentityOptions",
                new ColumnOp.AddColumn(
                        name("agents"),
                        Ddl.column("n", "bigint")
                                .identity(Identity.byDefault()
                                        .with(SequenceOptions.DEFAULTS
                                                .as("bigint")
                                                .startWith(-5)
                                                .incrementBy(-1)
                                                .minValue(Long.MIN_VALUE)
                                                .maxValue(Long.MAX_VALUE)
                                                .cache(5_000_000_000L)
                                                .cycle()))));
        s.put("dropColumn", new ColumnOp.DropColumn(name("app.agents"), "Old Col", Ddl.column("Old Col", "text")));
        s.put("renameColumn", new ColumnOp.RenameColumn(name("agents"), "user", "owner"));
        s.put("alterColumnType", new ColumnOp.AlterColumnType(name("agents"), "n", "bigint", null, "int"));
        s.put(
                "alterColumnCollation",
                new ColumnOp.AlterColumnType(name("agents"), "Name", "text", null, null, "C", null, null));
        s.put(
                "alterSequence",
                new SequenceOp.AlterSequence(
                        name("app.ids"),
                        SequenceChanges.NONE
                                .as("integer")
                                .incrementBy(50)
                                .minValue(-5)
                                .maxValue(5_000_000_000L)
                                .startWith(1)
                                .cache(10)
                                .cycle(false),
                        null));
        s.put(
                "alterIdentity",
                new ColumnOp.AlterIdentity(
                        name("agents"), "id", true, SequenceChanges.NONE.incrementBy(50), null, null));
        s.put(
                "alterIdentityOptionsOnly",
                new ColumnOp.AlterIdentity(name("agents"), "id", null, SequenceChanges.NONE.cycle(true), null, null));
        s.put(
                "addVirtualColumn",
                new ColumnOp.AddColumn(
                        name("agents"),
                        Ddl.column("twice", "int").generatedAs("n * 2").virtual()));
        s.put(
                "alterColumnTypeUsing",
                new ColumnOp.AlterColumnType(
                        name("app.agents"), "amount", "numeric(10,2)", "amount::numeric(10,2)", null));
        s.put("setNotNull", new ColumnOp.AlterColumnNullable(name("agents"), "n", false));
        s.put("dropNotNull", new ColumnOp.AlterColumnNullable(name("agents"), "n", true));
        s.put("setDefault", new ColumnOp.AlterColumnDefault(name("agents"), "status", "'it''s'", null));
        s.put("dropDefault", new ColumnOp.AlterColumnDefault(name("agents"), "status", null, "'x'"));
        s.put("addIdentity", new ColumnOp.AddIdentity(name("app.agents"), "id", Identity.always()));
        s.put(
                "addIdentityOptions",
                new ColumnOp.AddIdentity(
                        name("agents"),
                        "id",
                        Identity.byDefault()
                                .with(SequenceOptions.DEFAULTS.incrementBy(2).cache(10))));
        s.put(
                "addIdentityNamedSequence",
                new ColumnOp.AddIdentity(
                        name("agents"),
                        "id",
                        Identity.byDefault()
                                .sequenceName("Agents \"Seq\"")
                                .with(SequenceOptions.DEFAULTS.startWith(10))));
        s.put("dropIdentity", new ColumnOp.DropIdentity(name("agents"), "id", Identity.always()));
        s.put("commentOnColumn", new ColumnOp.CommentOnColumn(name("app.agents"), "Weird \"Col\"", HOSTILE, null));
        s.put("commentOnColumnRemoved", new ColumnOp.CommentOnColumn(name("agents"), "c", null, "old"));
        s.put(
                "commentOnConstraint",
                new ConstraintOp.CommentOnConstraint(name("app.agents"), "Weird \"Key\"", HOSTILE, null));
        s.put(
                "commentOnConstraintRemoved",
                new ConstraintOp.CommentOnConstraint(name("agents"), "agents_pkey", null, "old"));
        s.put("commentOnIndex", new IndexOp.CommentOnIndex(name("app.Agents_Idx"), HOSTILE, null));
        s.put("commentOnIndexRemoved", new IndexOp.CommentOnIndex(name("agents_idx"), null, "old"));

        // indexes
        s.put("indexPlain", IndexOp.CreateIndex.on("ix_agents_status", name("agents"), List.of("status")));
        s.put(
                "indexHostileColumn",
                IndexOp.CreateIndex.on("ix_odd", name("agents"), List.of("id); DROP TABLE agents; --")));
        s.put(
                "indexExpressions",
                IndexOp.CreateIndex.onKeys(
                        "ix_agents_lower",
                        name("app.agents"),
                        List.of(
                                new IndexKey.Expression("lower(email)"),
                                IndexKey.Column.of("created_at").desc(),
                                IndexKey.Column.of("Name"))));
        s.put(
                "indexUniquePartial",
                IndexOp.CreateIndex.on("ix_live", name("agents"), List.of("email"))
                        .unique()
                        .where("deleted_at IS NULL AND note <> 'it''s'"));
        s.put(
                "indexConcurrentMethodInclude",
                IndexOp.CreateIndex.on("ix_tags", name("app.agents"), List.of("tags"))
                        .concurrently()
                        .using("gin")
                        .include("id", "Name"));
        s.put(
                "indexNullsNotDistinct",
                IndexOp.CreateIndex.on("ix_nnd", name("agents"), List.of("code"))
                        .unique()
                        .nullsNotDistinct());
        s.put("dropIndex", new IndexOp.DropIndex(name("app.ix_tags"), false, null));
        // names that hold a dot or start with a quote, which the text of a shorthand must quote
        s.put("dropIndexDotted", new IndexOp.DropIndex(QualifiedName.of("public", "public.ix_orders"), false, null));
        s.put(
                "dropIndexDottedUnqualified",
                new IndexOp.DropIndex(QualifiedName.of(null, "public.ix_orders"), false, null));
        s.put("dropTableDottedSchema", new TableOp.DropTable(QualifiedName.of("my.app", "\"x\".y"), null));
        s.put(
                "addPrimaryKeyDeferrable",
                new ConstraintOp.AddConstraint(
                        QualifiedName.of(null, "Order.Items"),
                        Ddl.primaryKey("pk.items", "ID").deferrable(true)));
        s.put(
                "createTableDeferrableKey",
                new TableOp.CreateTable(
                        name("items"),
                        List.of(
                                Ddl.column("id", "integer"),
                                Ddl.primaryKey("items_pkey", "id").deferrable(false)),
                        null));
        s.put(
                "dropIndexConcurrently",
                new IndexOp.DropIndex(
                        name("ix_live"), true, IndexOp.CreateIndex.on("ix_live", name("agents"), List.of("email"))));

        // constraints
        s.put(
                "addPrimaryKey",
                new ConstraintOp.AddConstraint(name("app.agents"), Ddl.primaryKey("pk_agents", "id", "version")));
        s.put("addPrimaryKeyUnnamed", new ConstraintOp.AddConstraint(name("agents"), Ddl.primaryKey(null, "id")));
        s.put("addUnique", new ConstraintOp.AddConstraint(name("agents"), Ddl.unique("uq_email", "email")));
        s.put(
                "addUniqueDeferred",
                new ConstraintOp.AddConstraint(
                        name("agents"), Ddl.unique("uq_code", "code").deferrable(true)));
        s.put(
                "addUniqueNullsNotDistinct",
                new ConstraintOp.AddConstraint(
                        name("agents"),
                        Ddl.unique(null, "code").nullsNotDistinct().deferrable(false)));
        s.put(
                "addForeignKeyEverything",
                new ConstraintOp.AddConstraint(
                        name("app.tasks"),
                        Ddl.foreignKey("fk_tasks_agent", "agent_id", "agent_version")
                                .references("app.agents", "id", "version")
                                .onDelete(ReferentialAction.CASCADE)
                                .onUpdate(ReferentialAction.RESTRICT)
                                .deferrable(true)
                                .notValid()));
        s.put(
                "addForeignKeySetDefault",
                new ConstraintOp.AddConstraint(
                        name("tasks"),
                        Ddl.foreignKey(null, "owner")
                                .references("users", "id")
                                .onDelete(ReferentialAction.SET_DEFAULT)
                                .onUpdate(ReferentialAction.SET_NULL)
                                .deferrable(false)));
        s.put(
                "addForeignKeyNoAction",
                new ConstraintOp.AddConstraint(
                        name("tasks"),
                        Ddl.foreignKey("fk_plain", "x")
                                .references("other", "id")
                                .onDelete(ReferentialAction.NO_ACTION)));
        s.put(
                "addCheck",
                new ConstraintOp.AddConstraint(name("agents"), Ddl.check("ck_name", "name <> '' AND name !~ '\\\\s'")));
        s.put(
                "addCheckNotValid",
                new ConstraintOp.AddConstraint(
                        name("agents"), Ddl.check(null, "n > 0").notValid()));
        s.put("validateConstraint", new ConstraintOp.ValidateConstraint(name("app.agents"), "ck_price"));
        s.put(
                "setDeferrableInitiallyDeferred",
                new ConstraintOp.AlterConstraintDeferrability(
                        name("app.Tasks"), "Fk \"Agent\"", Deferrability.INITIALLY_DEFERRED, null));
        s.put(
                "setDeferrableInitiallyImmediate",
                new ConstraintOp.AlterConstraintDeferrability(
                        name("tasks"),
                        "fk_tasks_agent",
                        Deferrability.INITIALLY_IMMEDIATE,
                        Deferrability.NOT_DEFERRABLE));
        Rows countries = Rows.keyedBy("code")
                .columns("code", "name", "note")
                .row("FR", "France", null)
                .row("CI", "Côte d'Ivoire \"CI\"\\", "");
        s.put("insertRows", new DataOp.InsertRows(name("ref.countries"), countries));
        s.put("deleteRows", new DataOp.DeleteRows(name("countries"), countries));
        s.put(
                "updateRows",
                new DataOp.UpdateRows(
                        name("countries"),
                        Rows.keyedBy("code").columns("code", "name").row("FR", "France"),
                        Rows.keyedBy("code").columns("code", "name").row("FR", "République française")));
        s.put(
                "insertOneNullColumn",
                new DataOp.InsertRows(
                        name("flags"), Rows.keyedBy("id").columns("id").row("1")));
        s.put(
                "setNotDeferrable",
                new ConstraintOp.AlterConstraintDeferrability(
                        name("tasks"),
                        "fk_tasks_agent",
                        Deferrability.NOT_DEFERRABLE,
                        Deferrability.INITIALLY_DEFERRED));
        s.put(
                "dropConstraint",
                new ConstraintOp.DropConstraint(name("agents"), "Uq \"Odd\"", Ddl.unique("Uq \"Odd\"", "a")));

        // enum types
        s.put("createEnum", new EnumOp.CreateEnum(name("app.mood"), List.of("sad", "it's ok", HOSTILE, "")));
        s.put("createEnumEmpty", new EnumOp.CreateEnum(name("nothing"), List.of()));
        s.put("dropEnum", new EnumOp.DropEnum(name("app.mood"), List.of("sad")));
        s.put("addEnumValue", new EnumOp.AddEnumValue(name("mood"), HOSTILE, null, null));
        s.put("addEnumValueBefore", new EnumOp.AddEnumValue(name("app.mood"), "meh", "it's ok", null));
        s.put("addEnumValueAfter", new EnumOp.AddEnumValue(name("mood"), "great", null, "sad"));
        s.put("addEnumValueBoth", new EnumOp.AddEnumValue(name("mood"), "x", "a", "b"));
        s.put("renameEnumValue", new EnumOp.RenameEnumValue(name("app.mood"), "it's ok", "fine\\ish"));

        // sequences
        s.put("createSequence", new SequenceOp.CreateSequence(name("seq_plain"), null, null));
        s.put(
                "createSequenceOptions",
                new SequenceOp.CreateSequence(
                        name("app.seq_opts"),
                        SequenceOptions.DEFAULTS
                                .as("integer")
                                .startWith(10)
                                .incrementBy(5)
                                .minValue(1)
                                .maxValue(1_000_000)
                                .cache(50)
                                .cycle(),
                        null));
        s.put(
                "sequenceOwnedBy",
                new SequenceOp.CreateSequence(
                        name("app.seq_owned"), SequenceOptions.DEFAULTS.startWith(7), "app.agents.id"));
        s.put(
                "dropSequence",
                new SequenceOp.DropSequence(
                        name("app.seq_opts"), new SequenceOp.CreateSequence(name("app.seq_opts"), null, null)));

        // raw SQL and data
        s.put(
                "execute",
                new SqlOp.Execute("UPDATE agents SET note = E'a\\\\b' WHERE name = 'it''s';\n-- " + HOSTILE, null));
        s.put(
                "executeLong",
                new SqlOp.Execute(
                        "UPDATE agents SET status = 'retired', note = 'no heartbeat for ninety days' "
                                + "WHERE last_seen_at < now() - interval '90 days' AND status <> 'retired'",
                        null));
        s.put(
                "createTableLongCheckAndDefault",
                new TableOp.CreateTable(
                        name("app.agents"),
                        List.of(
                                Ddl.column("status", "varchar(20)")
                                        .defaultValue(
                                                "'a default that is long enough to need cutting into pieces, ü 🎉'"),
                                Ddl.check(
                                        "((status)::text = ANY (ARRAY[('ACTIVE'::character varying)::text, ('RETIRED'::character varying)::text, "
                                                + "('SUSPENDED'::character varying)::text]))")),
                        null));
        s.put("executeWithReverse", new SqlOp.Execute("SELECT 1", "SELECT 2"));
        ObjectDefinition function = new ObjectDefinition(
                ObjectKind.FUNCTION,
                "public.touch()",
                "CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\n"
                        + "AS $function$BEGIN NEW.at := now(); RETURN NEW; END$function$;");
        s.put("createObject", new ObjectOp.CreateObject(function));
        s.put(
                "replaceObject",
                new ObjectOp.ReplaceObject(
                        function,
                        new ObjectDefinition(
                                ObjectKind.FUNCTION,
                                "public.touch()",
                                "CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql "
                                        + "AS $$BEGIN RETURN NEW; END$$;")));
        s.put("dropObject", new ObjectOp.DropObject(ObjectKind.TRIGGER, "touch ON public.agents", null));
        s.put("dropObjectRestored", new ObjectOp.DropObject(ObjectKind.FUNCTION, "public.touch()", function));
        s.put(
                "requireNoRows",
                new SqlOp.RequireNoRows(
                        "SELECT 1 FROM agents WHERE note = E'a\\\\b' -- " + HOSTILE,
                        "fill agents.note, it's \"needed\""));
        // every kind of precondition in one tree, deep enough to wrap, with a hostile query
        s.put(
                "guard",
                new SqlOp.Guard(
                        new Precondition.And(List.of(
                                new Precondition.Not(new Precondition.TableExists(name("app.agents"))),
                                new Precondition.Or(List.of(
                                        new Precondition.ColumnExists(name("agents"), "note"),
                                        new Precondition.IndexExists(null, "ix_agents_note", null, List.of()),
                                        new Precondition.IndexExists("app", null, "agents", List.of("note", "id")))),
                                new Precondition.ViewExists(name("app.agent_view")),
                                new Precondition.SequenceExists(name("agents_seq")),
                                new Precondition.PrimaryKeyExists(null, "agents", null),
                                new Precondition.ForeignKeyExists("app", null, "agents_team_fk"),
                                new Precondition.SqlCheck("SELECT count(*) FROM agents -- " + HOSTILE, "0"),
                                new Precondition.RowCount(name("agents"), 3),
                                new Precondition.TableIsEmpty(name("app.\"odd.name\"")),
                                new Precondition.Not(new Precondition.LiquibaseChangeSetRan(
                                        name("liquibase.databasechangelog"),
                                        "classpath:db/changelog-3.3.xml",
                                        "changelog-3.3 " + HOSTILE,
                                        "author")))),
                        Precondition.OnFail.MARK_RAN,
                        "agents exists already, it's \"done\""));
        // onError written after onFail when it is not the default
        s.put(
                "guardOnError",
                new SqlOp.Guard(
                        new Precondition.SqlCheck("SELECT count(*) FROM legacy_flags", "0"),
                        Precondition.OnFail.CONTINUE,
                        Precondition.OnFail.WARN,
                        "legacy_flags has rows"));
        // a message of its own where the precondition cannot be evaluated (Liquibase's onErrorMessage)
        s.put(
                "guardErrorMessage",
                new SqlOp.Guard(
                        new Precondition.SqlCheck("SELECT count(*) FROM legacy_flags", "0"),
                        Precondition.OnFail.MARK_RAN,
                        Precondition.OnFail.HALT,
                        "legacy_flags has rows",
                        "legacy_flags must exist: it's \"the 2.x table\""));
        s.put(
                "bulkInsert",
                new DataOp.BulkInsert(
                        name("app.agents"),
                        List.of(
                                row("id", 1, "name", HOSTILE, "active", true, "score", 1.5, "note", null),
                                row("note", "second", "score", -0.0, "active", false, "name", "", "id", Long.MAX_VALUE),
                                row(
                                        "id",
                                        Integer.MIN_VALUE,
                                        "name",
                                        "ü",
                                        "active",
                                        null,
                                        "score",
                                        Double.NaN,
                                        "note",
                                        "\\"))));
        s.put(
                "bulkInsertEveryValueType",
                new DataOp.BulkInsert(
                        name("values"),
                        List.of(row(
                                "short",
                                (short) -7,
                                "byte",
                                (byte) 127,
                                "long",
                                Long.MIN_VALUE,
                                "bigint",
                                new BigInteger("123456789012345678901234567890"),
                                "decimal",
                                new BigDecimal("-12.3400"),
                                "sci",
                                new BigDecimal("1E+3"),
                                "double",
                                1e-300,
                                "inf",
                                Double.NEGATIVE_INFINITY,
                                "float",
                                3.25f,
                                "floatInf",
                                Float.POSITIVE_INFINITY,
                                "bytes",
                                new byte[] {0, 1, (byte) 0xfe},
                                "uuid",
                                UUID.randomUUID(),
                                "date",
                                LocalDate.of(2026, 11, 22),
                                "ts",
                                LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6000),
                                "odt",
                                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-5)),
                                "instant",
                                Instant.ofEpochSecond(1_700_000_000L, 5),
                                "char",
                                '\'',
                                "enum",
                                DayOfWeek.MONDAY,
                                "sb",
                                new StringBuilder("built")))));
        s.put("bulkInsertEmpty", new DataOp.BulkInsert(name("agents"), List.of()));
        return s;
    }

    /** A row in the given column order, with nulls allowed. */
    static Map<String, @Nullable Object> row(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }
}
