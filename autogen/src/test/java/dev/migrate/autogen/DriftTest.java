package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.Fleet;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.testing.TestPostgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Drift} on the embedded server: a database edited by hand in each kind of object is reported by
 * kind and name, one in sync is not; a database at an older revision is compared with that revision's
 * schema; base, a revision no class defines and several revisions are refused with the fix; an excluded
 * table is no drift; the SQL of a drift brings the database back; a fleet names its drifted tenant among
 * tenants at different revisions. The throwaway servers are fresh databases on the tests' server.
 */
class DriftTest {
    @Revision(id = "d1", message = "create orders")
    public static class CreateOrders implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "orders",
                    column("id", "bigint").identity().primaryKey(),
                    column("status", "varchar(20)").notNull(),
                    column("total", "numeric(10,2)"));
            op.createIndex("ix_orders_status", "orders", "status");
            op.commentOnTable("orders", "What customers bought");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "d2", revises = "d1", message = "objects beside orders")
    public static class OrderObjects implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open'");
            op.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "NEW.status := lower(NEW.status); RETURN NEW; END $$");
            op.execute("CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()");
            op.execute("ALTER TABLE orders ENABLE ROW LEVEL SECURITY");
            op.execute("CREATE POLICY open_only ON orders FOR SELECT USING (status = 'open')");
            op.execute("GRANT SELECT ON open_orders TO drift_reader");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP VIEW open_orders");
            op.execute("DROP POLICY open_only ON orders");
            op.execute("ALTER TABLE orders DISABLE ROW LEVEL SECURITY");
            op.execute("DROP TRIGGER orders_touch ON orders");
            op.execute("DROP FUNCTION touch()");
        }
    }

    @Revision(id = "d3", revises = "d1", message = "a branch")
    public static class Branch implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("orders", column("note", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("orders", "note");
        }
    }

    @TempDir
    static Path cache;

    @BeforeAll
    static void role() throws SQLException {
        try (Connection c = TestPostgres.freshDatabase("drift_role").getConnection();
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drift_reader') THEN "
                    + "CREATE ROLE drift_reader; END IF; END $$");
        }
    }

    private final List<String> log = new ArrayList<>();

    @Test
    void aDatabaseAtHeadAsTheChainBuildsItIsInSync() {
        DataSource database = upgraded("drift_in_sync", "heads");
        DriftReport report = drift(database, List.of());
        assertThat(report.differences()).isEmpty();
        assertThat(report.inSync()).isTrue();
        assertThat(report.revision()).isEqualTo("d2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a column | ALTER TABLE orders ADD COLUMN note text | column public.orders.note",
                "a column's default | ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open' | column public.orders.status",
                "an index | CREATE INDEX ix_orders_total ON orders (total) | ix_orders_total",
                "an expression index | CREATE INDEX ix_orders_lower ON orders (lower(status)) | index ix_orders_lower on public.orders",
                "a partial index | CREATE INDEX ix_orders_open ON orders (id) WHERE status = 'open' | index ix_orders_open on public.orders",
                "an exclusion constraint | ALTER TABLE orders ADD CONSTRAINT orders_one_status EXCLUDE USING btree (status WITH =) | exclusion constraint orders_one_status on public.orders",
                "an index dropped | DROP INDEX ix_orders_status | ix_orders_status",
                "a constraint | ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) | orders_total_positive",
                "a view | CREATE OR REPLACE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'new' | view public.open_orders",
                "a function body | CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$ | function public.touch()",
                "a trigger | DROP TRIGGER orders_touch ON orders | trigger orders_touch ON public.orders",
                "a policy | ALTER POLICY open_only ON orders USING (status <> 'open') | policy open_only ON public.orders",
                "a grant | GRANT SELECT ON orders TO drift_reader | public.orders",
                "a comment | COMMENT ON TABLE orders IS 'edited by hand' | table public.orders",
            })
    void anEditByHandIsReportedByKindAndName(String what, String edit, String named) throws SQLException {
        DataSource database = upgraded("drift_edit", "heads");
        execute(database, edit);
        DriftReport report = drift(database, List.of());
        assertThat(report.drifted()).as(what).isTrue();
        assertThat(report.differences()).as(what + ": " + report.differences()).anyMatch(line -> line.contains(named));
    }

    @Test
    void theSnapshotOfTheHeadLetsTheApplicationFindADriftAtStartup(@TempDir Path classes) throws Exception {
        TestThrowaways throwaways = new TestThrowaways(null);
        int major = throwaways.defaultVersion().major();
        DataSource database = upgraded("drift_startup", "heads");
        SchemaSnapshot snapshot = Drift.snapshot(
                request(chain(database, CreateOrders.class, OrderObjects.class), List.of("legacy_*")),
                major,
                throwaways,
                log::add);
        assertThat(snapshot.revision()).isEqualTo("d2");
        assertThat(snapshot.excluded()).containsExactly("legacy_*");
        snapshot.writeUnder(classes);

        // the application at startup: its classes hold the snapshot, its database is at head
        Migrator application = Migrator.builder()
                .dataSource(database)
                .migrations(CreateOrders.class, OrderObjects.class)
                .classLoader(new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader()))
                .validateDrift(true)
                .log(new Lines())
                .build();
        application.assertUpToDate();
        execute(database, "CREATE TABLE legacy_copy (id int)"); // excluded: no drift
        application.assertUpToDate();

        execute(
                database,
                "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        MigrateException e = catchThrowableOfType(MigrateException.class, application::assertUpToDate);
        assertThat(e.getMessage())
                .contains("has drifted from the schema of revision d2 in 1 way", "function public.touch()");
    }

    @Test
    void theSqlOfADriftBringsTheDatabaseBack() throws SQLException {
        DataSource database = upgraded("drift_back", "heads");
        execute(
                database,
                "ALTER TABLE orders ADD COLUMN note text",
                "DROP INDEX ix_orders_status",
                "CREATE OR REPLACE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'new'",
                "DROP TRIGGER orders_touch ON orders");
        DriftReport report = drift(database, List.of());
        assertThat(report.differences()).hasSize(4);
        execute(database, report.sql().toArray(String[]::new));
        assertThat(drift(database, List.of()).differences()).isEmpty();
    }

    @Test
    void theMigrationThatAcceptsADriftBuildsWhatTheDatabaseHas() throws SQLException {
        DataSource drifted = upgraded("drift_accepted", "heads");
        execute(
                drifted,
                "ALTER TABLE orders ADD COLUMN note text",
                "CREATE INDEX ix_orders_total ON orders (total)",
                "DROP TRIGGER orders_touch ON orders");
        DriftReport report = drift(drifted, List.of());
        NewMigration migration = Drift.accepting(
                report, chain(drifted, CreateOrders.class, OrderObjects.class), "keep them", parents -> "d9");
        assertThat(migration.id()).isEqualTo("d9");
        assertThat(migration.revises()).containsExactly("d2");

        // a database the chain builds, with the accepting migration's upgrade run, has what the drifted one has
        DataSource fresh = upgraded("drift_accepting", "heads");
        PostgresDialect dialect = new PostgresDialect();
        execute(
                fresh,
                report.accepting().upgrade().stream()
                        .flatMap(op -> dialect.render(op).stream())
                        .toArray(String[]::new));
        assertThat(drift(fresh, List.of()).differences()).isEqualTo(report.differences());
    }

    @Test
    void aDriftIsAcceptedOnlyAtHead() throws SQLException {
        DataSource database = upgraded("drift_accept_behind", "d1");
        execute(database, "ALTER TABLE orders ADD COLUMN note text");
        DriftReport report = drift(database, List.of());
        MigrateException e = catchThrowableOfType(
                MigrateException.class,
                () -> Drift.accepting(
                        report, chain(database, CreateOrders.class, OrderObjects.class), "keep", parents -> "d9"));
        assertThat(e.getMessage()).contains("measured from revision d1", "follows the head (d2)", "migrate:upgrade");
    }

    @Test
    void aDatabaseAtAnOlderRevisionIsComparedWithThatRevisionsSchema() throws SQLException {
        DataSource database = upgraded("drift_older", "d1");
        DriftReport report = drift(database, List.of());
        assertThat(report.revision()).isEqualTo("d1");
        assertThat(report.differences()).isEmpty();
        execute(database, "CREATE VIEW open_orders AS SELECT id FROM orders");
        assertThat(drift(database, List.of()).differences())
                .containsExactly("view public.open_orders: the database has it, the chain does not");
    }

    @Test
    void anExcludedTableIsNoDrift() throws SQLException {
        DataSource database = upgraded("drift_exclude", "heads");
        execute(database, "CREATE TABLE legacy_import (id int primary key, payload text)");
        assertThat(drift(database, List.of()).differences())
                .anyMatch(line -> line.startsWith("table public.legacy_import: the database has it"));
        assertThat(drift(database, List.of("legacy_*")).differences()).isEmpty();
    }

    @Test
    void aDatabaseAtBaseIsRefusedWithTheFix() {
        DataSource database = TestPostgres.freshDatabase("drift_base");
        MigrateException e = catchThrowableOfType(MigrateException.class, () -> drift(database, List.of()));
        assertThat(e.getMessage())
                .contains("the database is at base", "migrate:upgrade", "migrate:stamp", "migrate:baseline");
    }

    @Test
    void aRevisionNoClassDefinesIsRefusedWithTheFix() throws SQLException {
        DataSource database = upgraded("drift_unknown", "heads");
        execute(database, "UPDATE migrate_version SET version_num = 'zz9'");
        MigrateException e = catchThrowableOfType(MigrateException.class, () -> drift(database, List.of()));
        assertThat(e.getMessage()).contains("is at revision zz9, which no migration class of this build defines");
    }

    @Test
    void severalRevisionsAreRefusedWithTheFix() {
        DataSource database = TestPostgres.freshDatabase("drift_heads");
        chain(database, CreateOrders.class, OrderObjects.class, Branch.class).upgrade("heads");
        MigrateException e = catchThrowableOfType(
                MigrateException.class,
                () -> Drift.of(
                        request(chain(database, CreateOrders.class, OrderObjects.class, Branch.class), List.of()),
                        "the database",
                        database,
                        new TestThrowaways(null),
                        log::add));
        assertThat(e.getMessage()).contains("is at several revisions (d2, d3)", "migrate:merge");
    }

    @Test
    void aFleetNamesItsDriftedTenantAmongTenantsAtDifferentRevisions() throws SQLException {
        DataSource database = TestPostgres.freshDatabase("drift_fleet");
        Migrator.Builder builder = Migrator.builder()
                .dataSource(database)
                .migrations(CreateOrders.class, OrderObjects.class)
                .log(new Lines());
        Fleet.builder(builder).tenants("tenant_a, tenant_c").build().upgrade("heads");
        Fleet.builder(builder).tenants("tenant_b").build().upgrade("d1");
        execute(database, "ALTER TABLE tenant_c.orders ADD COLUMN extra integer");
        int replaysBefore = replays();

        List<DriftReport> reports = Drift.fleet(
                request(
                        Migrator.builder()
                                .migrations(CreateOrders.class, OrderObjects.class)
                                .build(),
                        List.of()),
                Fleet.builder(builder).tenants("tenant_%").build(),
                new TestThrowaways(null),
                log::add);

        Map<String, DriftReport> byTenant = reports.stream().collect(Collectors.toMap(DriftReport::name, r -> r));
        assertThat(byTenant).containsOnlyKeys("tenant_a", "tenant_b", "tenant_c");
        assertThat(byTenant.get("tenant_a").differences()).isEmpty();
        assertThat(byTenant.get("tenant_b").revision()).isEqualTo("d1");
        assertThat(byTenant.get("tenant_b").differences()).isEmpty();
        assertThat(byTenant.get("tenant_c").differences())
                .containsExactly("column tenant_c.orders.extra: the database has it, the chain does not");
        assertThat(replays() - replaysBefore)
                .as("one replay per revision at most")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aFleetOfDatabasesNamesItsDriftedDatabase() throws SQLException {
        String one = TestPostgres.createDatabase("drift_db_one");
        String two = TestPostgres.createDatabase("drift_db_two");
        chain(TestPostgres.dataSource(one), CreateOrders.class, OrderObjects.class)
                .upgrade("heads");
        chain(TestPostgres.dataSource(two), CreateOrders.class).upgrade("heads");
        execute(TestPostgres.dataSource(two), "CREATE INDEX ix_orders_total ON orders (total)");

        List<DriftReport> reports = Drift.fleet(
                request(
                        Migrator.builder()
                                .migrations(CreateOrders.class, OrderObjects.class)
                                .build(),
                        List.of()),
                Fleet.builder(Migrator.builder()
                                .migrations(CreateOrders.class, OrderObjects.class)
                                .log(new Lines()))
                        .databases(List.of(TestPostgres.jdbcUrl(one), TestPostgres.jdbcUrl(two)))
                        .build(),
                new TestThrowaways(null),
                log::add);

        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).inSync()).isTrue();
        assertThat(reports.get(0).revision()).isEqualTo("d2");
        assertThat(reports.get(1).name()).endsWith(two);
        assertThat(reports.get(1).revision()).isEqualTo("d1");
        assertThat(reports.get(1).differences())
                .containsExactly("index ix_orders_total on public.orders: the database has it, the chain does not");
    }

    private DriftReport drift(DataSource database, List<String> exclude) {
        return Drift.of(
                request(chain(database, CreateOrders.class, OrderObjects.class), exclude),
                "the database",
                database,
                new TestThrowaways(null),
                log::add);
    }

    private static DriftRequest request(Migrator chain, List<String> exclude) {
        return new DriftRequest(
                chain, "public", exclude, "migrate_version", "migrate_history", Optional.of(cache.resolve("replays")));
    }

    private DataSource upgraded(String prefix, String target) {
        DataSource database = TestPostgres.freshDatabase(prefix);
        chain(database, CreateOrders.class, OrderObjects.class).upgrade(target);
        return database;
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array goes on to Migrator.Builder#migrations, which only reads it
    private Migrator chain(DataSource database, Class<? extends Migration>... migrations) {
        return Migrator.builder()
                .dataSource(database)
                .migrations(migrations)
                .log(new Lines())
                .build();
    }

    private static void execute(DataSource database, String... statements) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** How many replays the log announced so far. */
    private int replays() {
        synchronized (log) {
            return (int)
                    log.stream().filter(line -> line.startsWith("Replaying ")).count();
        }
    }

    private final class Lines implements MigrationLog {
        @Override
        public void info(String line) {
            synchronized (log) {
                log.add(line);
            }
        }

        @Override
        public void warn(String line) {
            info(line);
        }
    }
}
