package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.Op;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared objects follow their tables into the schema being migrated: the migration autogenerate writes
 * names the managed schema's objects unqualified, as it names its tables, so the same migration builds
 * and takes down a view, a function, a trigger, a policy, a grant and comments in each tenant schema of a
 * fleet (the session's {@code search_path} leading with the tenant), and in a managed schema other than
 * {@code public}. Written qualified ({@code ON public.invoices}), it failed on every tenant with {@code
 * relation "public.invoices" does not exist}.
 */
class ObjectsInTenantSchemasTest {
    private static final List<String> TABLES =
            List.of("create table invoices (id bigint not null, customer varchar(50), total numeric(10,2), "
                    + "status varchar(20), updated_at timestamp, sku text collate natural_sort, primary key (id))");
    private static final String OBJECTS = """
            CREATE COLLATION natural_sort (provider = icu, locale = 'en-u-kn-true');
            CREATE INDEX ix_invoices_customer ON invoices (customer COLLATE natural_sort);
            CREATE VIEW v_open_invoices AS SELECT id, customer, total FROM invoices WHERE status = 'open';
            COMMENT ON VIEW v_open_invoices IS 'What support reads';
            GRANT SELECT ON v_open_invoices TO tenant_reader;
            CREATE FUNCTION invoice_total(invoice_id bigint) RETURNS numeric LANGUAGE sql STABLE
                AS $$ SELECT total FROM invoices WHERE id = invoice_id $$;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
            CREATE TRIGGER invoices_touch BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION touch();
            ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
            CREATE POLICY open_only ON invoices FOR SELECT USING (status = 'open');
            """;
    private static final List<String> TENANTS = List.of("tenant_a", "tenant_b", "tenant_c");

    @TempDir
    Path project;

    @Test
    void theMigrationOfPublicBuildsAndTakesDownTheObjectsInEachOfThreeTenantSchemas() throws Exception {
        Files.writeString(project.resolve("objects.sql"), OBJECTS);
        Comparisons comparison = Comparisons.of("public").declaring(DeclaredObjects.in(project, "db/objects"));
        try (Connection c = TestPostgres.freshDatabase("objects_tenants").getConnection()) {
            role(c);
            MigrationScript script = comparison.compare(c, TABLES);
            assertUnqualified(script, "public");

            for (String tenant : TENANTS) {
                execute(c, "CREATE SCHEMA " + tenant, "SET search_path = " + tenant + ", public");
                Fixtures.run(c, script.upgrade());
                assertThat(count(
                                c,
                                "SELECT count(*) FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid "
                                        + "JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = '" + tenant
                                        + "' AND t.tgname = 'invoices_touch'"))
                        .isEqualTo(1);
                assertThat(count(
                                c,
                                "SELECT count(*) FROM pg_views WHERE schemaname = '" + tenant
                                        + "' AND viewname = 'v_open_invoices'"))
                        .isEqualTo(1);
                // each tenant is the managed schema of its own comparison: in sync with the files
                assertNoChanges(Comparisons.of(tenant)
                        .declaring(DeclaredObjects.in(project, "db/objects"))
                        .compare(c, TABLES));
            }
            execute(c, "SET search_path = public");
            assertThat(count(
                            c,
                            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                    + "WHERE n.nspname = 'public'"))
                    .as("nothing is built in public")
                    .isZero();

            for (String tenant : TENANTS) {
                execute(c, "SET search_path = " + tenant + ", public");
                Fixtures.run(c, script.downgrade());
                assertThat(count(
                                c,
                                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                        + "WHERE n.nspname = '" + tenant + "'"))
                        .isZero();
                assertThat(count(
                                c,
                                "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                                        + "WHERE n.nspname = '" + tenant + "'"))
                        .isZero();
            }
        }
    }

    @Test
    void theMigrationOfAnotherManagedSchemaBuildsItsObjectsWhereverItRuns() throws Exception {
        Files.writeString(project.resolve("objects.sql"), OBJECTS);
        try (Connection c = TestPostgres.freshDatabase("objects_app_schema").getConnection()) {
            role(c);
            execute(c, "CREATE SCHEMA app", "SET search_path = app, public");
            Comparisons app = Comparisons.of("app").declaring(DeclaredObjects.in(project, "db/objects"));
            MigrationScript script = app.compare(c, TABLES);
            assertUnqualified(script, "app");
            // a comparison leaves the session's search_path as it found it before the comparison: set again
            execute(c, "SET search_path = app, public");
            Fixtures.run(c, script.upgrade());
            assertNoChanges(app.compare(c, TABLES));

            // the same migration, in another schema beside it: the objects follow, nothing touches app
            execute(c, "CREATE SCHEMA app_copy", "SET search_path = app_copy, public");
            Fixtures.run(c, script.upgrade());
            assertNoChanges(Comparisons.of("app_copy")
                    .declaring(DeclaredObjects.in(project, "db/objects"))
                    .compare(c, TABLES));
            execute(c, "SET search_path = app_copy, public");
            Fixtures.run(c, script.downgrade());
            assertThat(count(
                            c,
                            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                    + "WHERE n.nspname = 'app_copy'"))
                    .isZero();
            execute(c, "SET search_path = app, public");
            assertNoChanges(app.compare(c, TABLES));
        }
    }

    @Test
    void onlyTheManagedSchemaLosesItsQualifier() {
        var local = SchemaObject.unqualified("public");
        assertThat(local.apply("CREATE TRIGGER t BEFORE UPDATE ON public.invoices FOR EACH ROW EXECUTE FUNCTION "
                        + "public.touch(); SELECT 'public.seq'::regclass, audit.public_log.id, x.public.y, "
                        + "republic.z FROM public.\"Odd\"; GRANT USAGE ON SCHEMA public TO r;"))
                .isEqualTo("CREATE TRIGGER t BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION "
                        + "touch(); SELECT 'seq'::regclass, audit.public_log.id, x.public.y, "
                        + "republic.z FROM \"Odd\"; GRANT USAGE ON SCHEMA public TO r;");
        assertThat(SchemaObject.unqualified("App").apply("SELECT * FROM \"App\".orders, app.orders"))
                .isEqualTo("SELECT * FROM orders, app.orders");
    }

    /** Every statement the migration runs, both ways, names nothing of {@code schema} qualified. */
    private static void assertUnqualified(MigrationScript script, String schema) {
        List<Op> all = new ArrayList<>(script.upgrade());
        all.addAll(script.downgrade());
        List<String> objectOps = all.stream()
                .filter(op -> op instanceof ObjectOp.CreateObject
                        || op instanceof ObjectOp.DropObject
                        || op instanceof ObjectOp.ReplaceObject)
                .flatMap(op -> OpSql.renderAll(List.of(op)).stream())
                .toList();
        assertThat(objectOps).as("the script creates and drops objects").hasSizeGreaterThanOrEqualTo(10);
        assertThat(String.join("\n", OpSql.renderAll(all)))
                .as("the tables' collations, like the objects, are the schema's own")
                .contains("COLLATE natural_sort")
                .doesNotContain(schema + ".");
        assertThat(String.join("\n", objectOps))
                .contains("ON invoices", "FROM invoices", "GRANT SELECT ON TABLE v_open_invoices TO tenant_reader")
                .doesNotContain(schema + ".");
    }

    private static void role(Connection c) throws SQLException {
        execute(
                c,
                "DO $$ BEGIN CREATE ROLE tenant_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
