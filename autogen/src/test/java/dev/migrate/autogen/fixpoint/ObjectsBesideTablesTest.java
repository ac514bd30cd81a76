package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.ObjectOp;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views, materialized views, functions, triggers and policies compared as the catalog spells them: the
 * declared files of a project against the database, and the objects of any database around a change of
 * the columns they read. Each upgrade runs on the server, a second comparison finds nothing, and the
 * downgrade puts back exactly the objects there were.
 *
 * <p>Cases ported from peers (the facts, not their code): alembic_utils' {@code test_pg_view.py} (a view
 * created, its definition replaced, dropped when no longer declared; a view over a view created after it)
 * and {@code test_pg_function.py} (a function's body replaced in place; a function whose signature changes is
 * another function); stripe/pg-schema-diff's acceptance cases {@code view_cases_test.go} (a column a view
 * selects changes type: the view is dropped and created again around it) and {@code trigger_cases_test.go} /
 * {@code function_cases_test.go} (a trigger created after its function, dropped before it).
 */
@LongSuite
class ObjectsBesideTablesTest {
    private static final List<String> TABLES_V1 =
            List.of("create table orders (id bigint not null, customer varchar(50), total numeric(10,2), "
                    + "status varchar(20), updated_at timestamp, primary key (id))");
    /** The same table with two columns widened. */
    private static final List<String> TABLES_V2 =
            List.of("create table orders (id bigint not null, customer varchar(100), total numeric(12,2), "
                    + "status varchar(20), updated_at timestamp, primary key (id))");

    private static final String VIEWS = """
            -- the open orders, as the support team reads them
            CREATE VIEW open_orders AS
                SELECT id, customer, total FROM orders WHERE status = 'open';

            create view big_open_orders as select * from open_orders where total > 100;
            """;
    private static final String FUNCTIONS = """
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.updated_at := now(); -- a semicolon in a body does not end the statement
                RETURN NEW;
            END $$;
            CREATE FUNCTION order_total(order_id bigint) RETURNS numeric LANGUAGE sql STABLE
                AS $$ SELECT total FROM orders WHERE id = order_id $$;
            """;
    private static final String TRIGGERS = """
            CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
            """;
    private static final String POLICIES = """
            ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
            CREATE POLICY open_only ON orders FOR SELECT USING (status = 'open');
            """;

    @TempDir
    Path project;

    @Test
    void widenedColumnsUnderViewsAndAMaterializedViewApplyWithoutDeclaringThem() throws Exception {
        // the headline failure: PostgreSQL refuses ALTER COLUMN TYPE on a column a view selects (0A000)
        Comparisons comparison = Comparisons.of("public");
        try (Connection c = TestPostgres.freshDatabase("objects_widen").getConnection()) {
            Fixtures.upgradeToModel(c, comparison, TABLES_V1);
            execute(
                    c,
                    "CREATE VIEW open_orders AS SELECT id, customer, total FROM orders WHERE status = 'open'",
                    "CREATE VIEW big_open_orders AS SELECT * FROM open_orders WHERE total > 100",
                    "COMMENT ON VIEW open_orders IS 'for support'",
                    "CREATE MATERIALIZED VIEW customer_totals AS SELECT customer, sum(total) AS total FROM orders GROUP BY customer",
                    "CREATE UNIQUE INDEX customer_totals_customer ON customer_totals (customer)",
                    "CREATE VIEW statuses AS SELECT DISTINCT status FROM orders");
            List<SchemaObject> before = objects(c);

            MigrationScript widen = comparison.compare(c, TABLES_V2);
            assertThat(widen.descriptions())
                    .contains(
                            "view public.open_orders: dropped and created again around the change of public.orders.customer, public.orders.total",
                            "materialized view public.customer_totals: dropped and created again around the change of public.orders.customer, public.orders.total",
                            "view public.big_open_orders: dropped and created again with view public.open_orders, which it depends on");
            // a view that reads neither column stays
            assertThat(String.join("\n", widen.descriptions())).doesNotContain("statuses");
            run(c, widen.upgrade());
            assertNoChanges(comparison.compare(c, TABLES_V2));
            assertThat(definitions(objects(c))).contains("customer character varying(100)");

            run(c, widen.downgrade());
            assertThat(objects(c)).isEqualTo(before);
        }
    }

    @Test
    void aPolicyAndATriggerReadingAWidenedColumnAreRebuiltToo() throws Exception {
        // PostgreSQL refuses the type change of a column a policy or a trigger's WHEN reads, as it does for a view
        Comparisons comparison = Comparisons.of("public");
        try (Connection c = TestPostgres.freshDatabase("objects_widen_policy").getConnection()) {
            Fixtures.upgradeToModel(c, comparison, TABLES_V1);
            execute(
                    c,
                    "ALTER TABLE orders ENABLE ROW LEVEL SECURITY",
                    "CREATE POLICY own_customer ON orders USING (customer = current_user)",
                    "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.updated_at := now(); RETURN NEW; END$$",
                    "CREATE TRIGGER big_touch BEFORE UPDATE ON orders FOR EACH ROW WHEN (NEW.total > 100) EXECUTE FUNCTION touch()",
                    // a rule's condition reads a column as a view does (0A000 "used by a view or rule")
                    "CREATE RULE keep_big AS ON DELETE TO orders WHERE old.total > 1000 DO INSTEAD NOTHING",
                    "CREATE RULE log_customer AS ON INSERT TO orders WHERE new.customer IS NULL DO INSTEAD NOTHING");
            List<SchemaObject> before = objects(c);
            MigrationScript widen = comparison.compare(c, TABLES_V2);
            assertThat(widen.descriptions())
                    .contains(
                            "policy own_customer ON public.orders: dropped and created again around the change of public.orders.customer",
                            "trigger big_touch ON public.orders: dropped and created again around the change of public.orders.total",
                            "rule keep_big ON public.orders: dropped and created again around the change of public.orders.total",
                            "rule log_customer ON public.orders: dropped and created again around the change of public.orders.customer");
            assertThat(String.join("\n", widen.descriptions())).doesNotContain("public.touch()");
            run(c, widen.upgrade());
            assertNoChanges(comparison.compare(c, TABLES_V2));
            run(c, widen.downgrade());
            assertThat(objects(c)).isEqualTo(before);
        }
    }

    /**
     * A column renamed under a declared view and a declared SQL function that name it: the upgrade renames
     * it, then replaces both; the downgrade renames it back before putting their old definitions back, which
     * name the old column (PostgreSQL checks a view's and a SQL function's body when it is created).
     */
    @Test
    void aColumnRenamedUnderDeclaredObjectsIsRenamedBackBeforeTheirOldDefinitionsReturn() throws Exception {
        String view = "CREATE VIEW open_orders AS SELECT id, customer, total FROM orders WHERE status = 'open';\n";
        String function = "CREATE FUNCTION customer_of(order_id bigint) RETURNS varchar LANGUAGE sql STABLE"
                + " AS $$ SELECT customer FROM orders WHERE id = order_id $$;\n";
        declare("views/open.sql", view);
        declare("functions.sql", function);
        try (Connection c = TestPostgres.freshDatabase("objects_rename").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES_V1);
            run(c, comparison().compare(c, TABLES_V1).upgrade());
            declare("views/open.sql", view.replace("customer,", "client AS customer,"));
            declare("functions.sql", function.replace("SELECT customer", "SELECT client"));
            List<String> renamed = List.of(TABLES_V1.get(0).replace("customer varchar(50)", "client varchar(50)"));
            Comparisons renaming = comparison().withRenames(Map.of("orders.customer", "client"), RenameDecider.never());
            List<SchemaObject> before = objects(c);

            MigrationScript diff = renaming.compare(c, renamed);
            assertThat(diff.upgrade().get(0)).isInstanceOf(ColumnOp.RenameColumn.class);
            assertThat(diff.upgrade()).hasAtLeastOneElementOfType(ObjectOp.ReplaceObject.class);
            run(c, diff.upgrade());
            assertNoChanges(comparison().compare(c, renamed));
            List<SchemaObject> after = objects(c);
            run(c, diff.downgrade());
            assertThat(objects(c)).as("the objects after the downgrade").isEqualTo(before);
            run(c, diff.upgrade());
            assertThat(objects(c)).isEqualTo(after);
        }
    }

    @Test
    void aColumnThatGoesUnderAViewNobodyDeclaresIsNamedNotLeftToFail() throws Exception {
        Comparisons comparison = Comparisons.of("public");
        try (Connection c = TestPostgres.freshDatabase("objects_drop_column").getConnection()) {
            Fixtures.upgradeToModel(c, comparison, TABLES_V1);
            execute(c, "CREATE VIEW statuses AS SELECT DISTINCT status FROM orders");
            MigrationScript diff =
                    comparison.compare(c, List.of(TABLES_V1.get(0).replace("status varchar(20), ", "")));
            assertThat(diff.descriptions())
                    .contains("not handled: view public.statuses reads public.orders.status, which goes");
            assertThat(diff.changes().stream().flatMap(change -> change.notes().stream()))
                    .anyMatch(note -> note.contains("op.dropObject(ObjectKind.VIEW, \"public.statuses\", ...)"));
        }
    }

    @Test
    void aFunctionWhoseResultChangesIsDroppedAndCreatedWithTheViewCallingIt() throws Exception {
        declare("label.sql", """
                CREATE FUNCTION label(amount numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT amount || ' EUR' $$;
                CREATE VIEW labels AS SELECT id, label(total) FROM orders;
                """);
        try (Connection c = TestPostgres.freshDatabase("objects_signature").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES_V1);
            step(c, TABLES_V1);
            declare("label.sql", """
                    CREATE FUNCTION label(amount numeric) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT amount || ' EUR' $$;
                    CREATE VIEW labels AS SELECT id, label(total) FROM orders;
                    """);
            MigrationScript retyped = step(c, TABLES_V1);
            assertThat(retyped.upgrade())
                    .extracting(op -> op.getClass().getSimpleName() + " "
                            + (op instanceof ObjectOp.DropObject d
                                    ? d.identity()
                                    : ((ObjectOp.CreateObject) op).definition().identity()))
                    .containsExactly(
                            "DropObject labels",
                            "DropObject label(amount numeric)",
                            "CreateObject label(amount numeric)",
                            "CreateObject labels");
        }
    }

    @Test
    void declaredObjectsAreCreatedChangedAndDroppedAsTheFilesSay() throws Exception {
        declare("views/open.sql", VIEWS);
        declare("functions.sql", FUNCTIONS);
        declare("triggers/orders.sql", TRIGGERS);
        declare("policies.sql", POLICIES);
        try (Connection c = TestPostgres.freshDatabase("objects_declared").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES_V1);

            MigrationScript initial = step(c, TABLES_V1);
            assertThat(initial.descriptions())
                    .containsExactlyInAnyOrder(
                            "added view public.open_orders",
                            "added view public.big_open_orders",
                            "added function public.touch()",
                            "added function public.order_total(order_id bigint)",
                            "added trigger orders_touch ON public.orders",
                            "added row level security public.orders",
                            "added policy open_only ON public.orders");
            // each after what it needs: a view over a view, a trigger after its function
            assertThat(order(initial, "open_orders")).isLessThan(order(initial, "big_open_orders"));
            assertThat(order(initial, "touch()")).isLessThan(order(initial, "orders_touch ON orders"));

            // a view keeps its columns: replaced in place, nothing depending on it touched
            declare("views/open.sql", VIEWS.replace("WHERE status = 'open'", "WHERE status IN ('open', 'held')"));
            MigrationScript replaced = step(c, TABLES_V1);
            assertThat(replaced.upgrade()).singleElement().isInstanceOf(ObjectOp.ReplaceObject.class);

            // a view gains a column at its end: CREATE OR REPLACE would take it, but not its downgrade
            declare(
                    "views/open.sql",
                    VIEWS.replace("SELECT id, customer, total FROM", "SELECT id, customer, total, status FROM"));
            MigrationScript gained = step(c, TABLES_V1);
            assertThat(gained.upgrade())
                    .extracting(op -> op.getClass().getSimpleName())
                    .containsExactly("DropObject", "DropObject", "CreateObject", "CreateObject");

            // a view loses a column: PostgreSQL takes no CREATE OR REPLACE, so it and its dependent are rebuilt
            declare("views/open.sql", VIEWS.replace("SELECT id, customer, total FROM", "SELECT id, total FROM"));
            MigrationScript lost = step(c, TABLES_V1);
            assertThat(lost.upgrade())
                    .extracting(op -> op.getClass().getSimpleName())
                    .containsExactly("DropObject", "DropObject", "CreateObject", "CreateObject");

            // a function's body changes: replaced in place; its result type changes: dropped and created
            declare("functions.sql", FUNCTIONS.replace("SELECT total FROM", "SELECT coalesce(total, 0) FROM"));
            assertThat(step(c, TABLES_V1).upgrade()).singleElement().isInstanceOf(ObjectOp.ReplaceObject.class);
            declare(
                    "functions.sql",
                    FUNCTIONS
                            .replace("RETURNS numeric", "RETURNS text")
                            .replace("SELECT total FROM", "SELECT total::text FROM"));
            MigrationScript retyped = step(c, TABLES_V1);
            assertThat(retyped.descriptions())
                    .containsExactly(
                            "function public.order_total(order_id bigint): arguments or result order_id bigint -> numeric -> order_id bigint -> text");

            // the trigger's file is deleted: the trigger goes; the function it called stays declared
            Files.delete(project.resolve("triggers/orders.sql"));
            assertThat(step(c, TABLES_V1).descriptions())
                    .containsExactly("removed trigger orders_touch ON public.orders");

            // widening the columns a declared view reads: rebuilt around the change
            MigrationScript widen = step(c, TABLES_V2);
            assertThat(widen.descriptions())
                    .anyMatch(d -> d.startsWith("view public.open_orders: dropped and created again"));
        }
    }

    @Test
    void grantsAreGrantedAndRevokedAsTheFilesSay() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("objects_grants").getConnection()) {
            for (String role : List.of("reporting", "support", "writer")) {
                execute(
                        c,
                        "DO $$BEGIN CREATE ROLE " + role
                                + " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END$$");
            }
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES_V1);
            declare("functions.sql", FUNCTIONS);
            declare("grants.sql", """
                    GRANT SELECT ON orders TO reporting;
                    GRANT SELECT (customer, status), UPDATE (status) ON orders TO support;
                    GRANT SELECT, INSERT ON orders TO writer WITH GRANT OPTION;
                    GRANT EXECUTE ON FUNCTION order_total(bigint) TO reporting;
                    REVOKE EXECUTE ON FUNCTION order_total(bigint) FROM PUBLIC;
                    """);
            MigrationScript granted = step(c, TABLES_V1);
            assertThat(granted.descriptions())
                    .contains(
                            "added grant ON TABLE public.orders TO reporting",
                            "added grant (customer) ON TABLE public.orders TO support",
                            "added grant (status) ON TABLE public.orders TO support",
                            "added grant ON TABLE public.orders TO writer",
                            "added grant ON FUNCTION public.order_total(order_id bigint) TO reporting",
                            "added grant ON FUNCTION public.order_total(order_id bigint) FROM PUBLIC");
            assertThat(order(granted, "order_total(order_id bigint)"))
                    .isLessThan(order(granted, "ON FUNCTION order_total(order_id bigint) TO reporting"));
            // a grant the files no longer hold is revoked; the downgrade grants it again
            declare("grants.sql", """
                    GRANT SELECT ON orders TO reporting;
                    GRANT EXECUTE ON FUNCTION order_total(bigint) TO reporting;
                    """);
            MigrationScript revoked = step(c, TABLES_V1);
            assertThat(revoked.descriptions())
                    .containsExactlyInAnyOrder(
                            "removed grant (customer) ON TABLE public.orders TO support",
                            "removed grant (status) ON TABLE public.orders TO support",
                            "removed grant ON TABLE public.orders TO writer",
                            "removed grant ON FUNCTION public.order_total(order_id bigint) FROM PUBLIC");
        }
    }

    @Test
    void aDeclaredCollationIsCreatedChangedAndDroppedAndOneTheTablesUseIsNotRebuilt() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("objects_collations").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES_V1);
            declare("collations.sql", """
                    CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                    COMMENT ON COLLATION nocase IS 'Ignores case';
                    """);
            MigrationScript added = step(c, TABLES_V1);
            assertThat(added.descriptions()).containsExactly("added collation public.nocase");
            assertThat(OpSql.renderAll(added.upgrade()))
                    .singleElement()
                    .asString()
                    .contains(
                            "CREATE COLLATION nocase (provider = icu, deterministic = false, locale = 'und-u-ks-level2');",
                            "COMMENT ON COLLATION nocase IS 'Ignores case';");

            // no ALTER COLLATION changes a locale: dropped and created again while no column uses it
            declare("collations.sql", """
                    CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
                    """);
            assertThat(step(c, TABLES_V1).upgrade())
                    .extracting(op -> op.getClass().getSimpleName())
                    .containsExactly("DropObject", "CreateObject");

            // a column uses it: dropping it would take the column along, so the change is named, not written
            execute(c, "ALTER TABLE orders ALTER COLUMN customer TYPE varchar(50) COLLATE nocase");
            declare("collations.sql", """
                    CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                    """);
            MigrationScript used = comparison()
                    .compare(
                            c,
                            List.of(TABLES_V1
                                    .get(0)
                                    .replace("customer varchar(50)", "customer varchar(50) collate nocase")));
            assertThat(used.upgrade()).isEmpty();
            assertThat(used.descriptions())
                    .containsExactly("not handled: collation public.nocase changes while tables use it");

            Files.delete(project.resolve("collations.sql"));
            execute(c, "ALTER TABLE orders ALTER COLUMN customer TYPE varchar(50) COLLATE \"default\"");
            assertThat(step(c, TABLES_V1).descriptions()).containsExactly("removed collation public.nocase");
        }
    }

    @Test
    void formattingCaseAndCommentsInTheFilesAreNoDifference() throws Exception {
        declare("a.sql", VIEWS);
        try (Connection c = TestPostgres.freshDatabase("objects_format").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES_V1);
            execute(
                    c,
                    "create or replace view open_orders as select id, customer, total from public.orders where status='open'",
                    "CREATE VIEW big_open_orders AS SELECT id, customer, total FROM open_orders WHERE total > 100");
            assertNoChanges(comparison().compare(c, TABLES_V1));
        }
    }

    @Test
    void anObjectNoFileDeclaresIsDroppedUnlessExcluded() throws Exception {
        declare("a.sql", VIEWS);
        try (Connection c = TestPostgres.freshDatabase("objects_undeclared").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES_V1);
            run(c, comparison().compare(c, TABLES_V1).upgrade());
            execute(
                    c,
                    "CREATE VIEW report_orders AS SELECT id FROM orders",
                    "CREATE VIEW tmp_orders AS SELECT id FROM orders");
            MigrationScript diff = comparison()
                    .excluding(List.of("tmp_*"), "migrate_version", "migrate_history")
                    .compare(c, TABLES_V1);
            assertThat(diff.descriptions()).containsExactly("removed view public.report_orders");
            assertThat(diff.downgrade()).singleElement().isInstanceOf(ObjectOp.CreateObject.class);
        }
    }

    @Test
    void aStatementThatDoesNotApplyIsNamedByFileLineAndServerMessage() throws Exception {
        declare("views/broken.sql", "\n\nCREATE VIEW broken AS SELECT id, no_such_column FROM orders;\n");
        declare("views/fine.sql", VIEWS);
        try (Connection c = TestPostgres.freshDatabase("objects_broken").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES_V1);
            List<SchemaObject> before = objects(c);
            assertThatThrownBy(() -> comparison().compare(c, TABLES_V1))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining(
                            "db/objects/views/broken.sql line 3 (CREATE VIEW broken AS SELECT id, no_such_column FROM orders)")
                    .hasMessageContaining("column \"no_such_column\" does not exist")
                    .hasMessageContaining("1 statement")
                    .hasMessageContaining("nothing was changed");
            assertThat(objects(c)).isEqualTo(before);
        }
    }

    @Test
    void aSubselectEntityIsNoTableAndNoObject() throws Exception {
        List<String> ddl = new EntityDdl(
                        List.of(location(getClass())),
                        List.of("dev.migrate.autogen.fixpoint.subselect"),
                        null,
                        Map.of())
                .generate(getClass().getClassLoader(), TestPostgres.defaultMajor());
        assertThat(String.join("\n", ddl)).contains("invoices").doesNotContainIgnoringCase("balance");
        Comparisons comparison = Comparisons.of("public");
        try (Connection c = TestPostgres.freshDatabase("objects_subselect").getConnection()) {
            MigrationScript diff = comparison.compare(c, ddl);
            assertThat(diff.descriptions()).containsExactly("added table public.invoices");
        }
    }

    @Test
    void statementsSplitAtTheirOwnSemicolonsOnly() {
        List<String> sql = DeclaredObjects.split("f.sql", FUNCTIONS + """
                        CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                        BEGIN ATOMIC
                            SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
                        END;
                        COMMENT ON FUNCTION add(int, int) IS 'a; b';
                        """).stream()
                .map(s -> s.line() + ": " + s.sql().lines().findFirst().orElseThrow())
                .toList();
        assertThat(sql)
                .containsExactly(
                        "1: CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$",
                        "6: CREATE FUNCTION order_total(order_id bigint) RETURNS numeric LANGUAGE sql STABLE",
                        "8: CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql",
                        "12: COMMENT ON FUNCTION add(int, int) IS 'a; b'");
    }

    /** Compares with the project's files, applies the upgrade, finds nothing more, and checks that the downgrade puts back the objects. */
    private MigrationScript step(Connection c, List<String> tables) throws SQLException {
        List<SchemaObject> before = objects(c);
        MigrationScript diff = comparison().compare(c, tables);
        run(c, diff.upgrade());
        assertNoChanges(comparison().compare(c, tables));
        List<SchemaObject> after = objects(c);
        run(c, diff.downgrade());
        assertThat(objects(c)).as("the objects after the downgrade").isEqualTo(before);
        run(c, diff.upgrade());
        assertThat(objects(c)).isEqualTo(after);
        return diff;
    }

    private Comparisons comparison() {
        return Comparisons.of("public").declaring(DeclaredObjects.in(project, "db/objects"));
    }

    private void declare(String file, String sql) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, sql);
    }

    private static List<SchemaObject> objects(Connection c) throws SQLException {
        return ObjectReader.read(c, List.of("public"));
    }

    private static String definitions(List<SchemaObject> objects) {
        return String.join("\n", objects.stream().map(SchemaObject::shape).toList());
    }

    /** Where the op creating {@code identity} (as the migration names it, unqualified in public) is. */
    private static int order(MigrationScript script, String identity) {
        List<String> sql = OpSql.renderAll(script.upgrade());
        for (int i = 0; i < script.upgrade().size(); i++) {
            if (script.upgrade().get(i) instanceof ObjectOp.CreateObject create
                    && create.definition().identity().equals(identity)) {
                return i;
            }
        }
        throw new AssertionError("No object " + identity + " created in " + sql);
    }
}
