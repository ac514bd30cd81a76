package dev.migrate.autogen.drift;

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
import dev.migrate.autogen.TestThrowaways;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    @Revision(id = "x1", message = "an extension, its version left to the server")
    public static class Pgcrypto implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
            op.createTable("tokens", column("id", "bigint").primaryKey(), column("secret", "bytea"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("tokens");
            op.execute("DROP EXTENSION pgcrypto");
        }
    }

    @Revision(id = "x2", message = "an extension at the version the migration states")
    public static class PgcryptoPinned implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto VERSION '1.3'");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP EXTENSION pgcrypto");
        }
    }

    /** A first migration that sets the schema's default privileges, as an adopted database's baseline does. */
    @Revision(id = "p1", message = "default privileges")
    public static class DefaultPrivileges implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO drift_reader");
            op.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO drift_reader");
            op.execute("CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE notes");
            op.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE ON SEQUENCES FROM drift_reader");
            op.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM drift_reader");
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
                // what changes one catalog row beside the table's own: the catalog stamps must see each
                "a column renamed | ALTER TABLE orders RENAME COLUMN total TO amount | column public.orders.amount",
                "a column's NOT NULL dropped | ALTER TABLE orders ALTER COLUMN status DROP NOT NULL | column public.orders.status",
                "a column's type | DROP VIEW open_orders; ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2) | column public.orders.total",
                "a column's comment | COMMENT ON COLUMN orders.total IS 'edited by hand' | public.orders",
                "a column's grant | GRANT UPDATE (status) ON orders TO drift_reader | public.orders",
                "an identity's sequence | ALTER TABLE orders ALTER COLUMN id SET INCREMENT BY 5 | column public.orders.id",
                "a view's grant revoked | REVOKE SELECT ON open_orders FROM drift_reader | public.open_orders",
                "a function's grant | REVOKE EXECUTE ON FUNCTION touch() FROM PUBLIC | public.touch()",
                "a function's comment | COMMENT ON FUNCTION touch() IS 'edited by hand' | function public.touch()",
                "row-level security | ALTER TABLE orders DISABLE ROW LEVEL SECURITY | public.orders",
                // the table's owner held to its policies too: the difference says so
                "row-level security forced | ALTER TABLE orders FORCE ROW LEVEL SECURITY | FORCE",
                "an enum type | CREATE TYPE mood AS ENUM ('calm') | public.mood",
                "a domain | CREATE DOMAIN positive AS numeric CHECK (VALUE > 0) | public.positive",
                "a sequence | CREATE SEQUENCE invoice_numbers | public.invoice_numbers",
                "a rule | CREATE RULE orders_no_delete AS ON DELETE TO orders DO INSTEAD NOTHING | orders_no_delete",
                "statistics | CREATE STATISTICS orders_stats ON status, total FROM orders | orders_stats",
                "a column's statistics option | ALTER TABLE orders ALTER COLUMN status SET (n_distinct = 100) | status ON public.orders",
                "a table made unlogged | ALTER TABLE orders SET UNLOGGED | the database has UNLOGGED",
                "an index's comment | COMMENT ON INDEX ix_orders_status IS 'edited by hand' | comment of index ix_orders_status",
                "an index's comment changed | COMMENT ON INDEX ix_orders_status IS 'first'; COMMENT ON INDEX ix_orders_status IS 'edited by hand' | 'edited by hand'",
                "a constraint's comment | COMMENT ON CONSTRAINT orders_pkey ON orders IS 'edited by hand' | comment of constraint orders_pkey",
            })
    void anEditByHandIsReportedByKindAndName(String what, String edit, String named) throws SQLException {
        DataSource database = upgraded("drift_edit", "heads");
        // found in sync first, so that the edit is found although the catalog was stamped as verified
        assertThat(drift(database, List.of()).inSync()).isTrue();
        execute(database, edit);
        DriftReport report = drift(database, List.of());
        assertThat(report.drifted()).as(what).isTrue();
        assertThat(report.differences()).as(what + ": " + report.differences()).anyMatch(line -> line.contains(named));
    }

    @Test
    void aSchemaUnchangedSinceItWasFoundInSyncIsNotReadAgain() throws SQLException {
        DataSource database = upgraded("drift_unchanged", "heads");
        assertThat(drift(database, List.of()).inSync()).isTrue();
        assertThat(log).noneMatch(line -> line.contains("unchanged since"));

        assertThat(drift(database, List.of()).inSync()).isTrue();
        assertThat(log)
                .filteredOn(line -> line.contains("unchanged since drift last found it in sync"))
                .hasSize(1);

        // a change outside the schema could show in it (a type it uses renamed): it is read again
        log.clear();
        execute(database, "CREATE SCHEMA elsewhere", "CREATE TABLE elsewhere.notes (id int)");
        assertThat(drift(database, List.of()).inSync()).isTrue();
        assertThat(log).noneMatch(line -> line.contains("unchanged since"));
        assertThat(drift(database, List.of()).inSync()).isTrue();
        assertThat(log).anyMatch(line -> line.contains("unchanged since"));

        // compared with what another configuration leaves out, it is read again
        log.clear();
        assertThat(drift(database, List.of("legacy_*")).inSync()).isTrue();
        assertThat(log).noneMatch(line -> line.contains("unchanged since"));
    }

    @Test
    void withoutAReplayCacheEverySchemaIsRead() {
        DataSource database = upgraded("drift_uncached", "heads");
        for (int run = 0; run < 2; run++) {
            DriftReport report = Drift.of(
                    new DriftRequest(
                            chain(database, CreateOrders.class, OrderObjects.class),
                            "public",
                            List.of(),
                            "migrate_version",
                            "migrate_history",
                            Optional.empty()),
                    "the database",
                    database,
                    new TestThrowaways(null),
                    log::add);
            assertThat(report.inSync()).isTrue();
        }
        assertThat(log).noneMatch(line -> line.contains("unchanged since"));
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

    /**
     * A version no migration states is the server's: a database whose extension is older than the one the
     * replay installs (made on PostgreSQL 15, upgraded to 18) is in sync, through drift and through the
     * startup check; once a migration states the version, another one is drift.
     */
    @Test
    void anExtensionVersionNoMigrationStatesIsNoDrift(@TempDir Path classes) throws Exception {
        DataSource database = TestPostgres.freshDatabase("drift_extension");
        execute(database, "CREATE EXTENSION pgcrypto VERSION '1.3'");
        chain(database, Pgcrypto.class).upgrade("heads");
        DriftReport report = Drift.of(
                request(chain(database, Pgcrypto.class), List.of()),
                "the database",
                database,
                new TestThrowaways(null),
                log::add);
        assertThat(report.differences()).isEmpty();

        TestThrowaways throwaways = new TestThrowaways(null);
        SchemaSnapshot snapshot = Drift.snapshot(
                request(chain(database, Pgcrypto.class), List.of()),
                throwaways.defaultVersion().major(),
                throwaways,
                log::add);
        snapshot.writeUnder(classes);
        Migrator.builder()
                .dataSource(database)
                .migrations(Pgcrypto.class)
                .classLoader(new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader()))
                .validateDrift(true)
                .log(new Lines())
                .build()
                .assertUpToDate();

        DataSource pinned = TestPostgres.freshDatabase("drift_extension_pinned");
        chain(pinned, PgcryptoPinned.class).upgrade("heads");
        execute(pinned, "ALTER EXTENSION pgcrypto UPDATE"); // to the server's default, not the pinned 1.3
        assertThat(Drift.of(
                                request(chain(pinned, PgcryptoPinned.class), List.of()),
                                "the database",
                                pinned,
                                new TestThrowaways(null),
                                log::add)
                        .differences())
                .anyMatch(line -> line.contains("pgcrypto"));
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
        execute(
                fresh,
                report.accepting().upgrade().stream()
                        .flatMap(op -> OpSql.render(op).stream())
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

    /**
     * Default privileges in force before migrate made its tables give its version table, history table and
     * the history's sequence their grants; the chain's replay, which sets them in its first migration, has
     * none there. Migrate's own bookkeeping is no drift, grants on it included; the chain's tables still are.
     */
    @Test
    void theGrantsDefaultPrivilegesGiveMigratesOwnTablesAreNoDrift() throws SQLException {
        DataSource database = TestPostgres.freshDatabase("drift_own_tables");
        execute(
                database,
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO drift_reader",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO drift_reader");
        Migrator chain = chain(database, DefaultPrivileges.class);
        chain.upgrade("heads");
        DriftRequest request =
                new DriftRequest(chain, "public", List.of(), "migrate_version", "migrate_history", Optional.empty());

        DriftReport report = Drift.of(request, "the database", database, new TestThrowaways(null), log::add);

        assertThat(report.differences()).isEmpty();
        execute(database, "REVOKE SELECT ON notes FROM drift_reader");
        assertThat(Drift.of(request, "the database", database, new TestThrowaways(null), log::add)
                        .differences())
                .singleElement()
                .asString()
                .startsWith("grant ON TABLE public.notes TO drift_reader");
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
                .contains("the database is at base", "migrate:upgrade", "migrate:stamp", "migrate:baseline")
                // a database never migrated has no version table at all: the message does not say it holds one
                .contains("(its version table migrate_version is empty, or not there)")
                .doesNotContain("holds no revision");
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
        assertThat(tenant(byTenant, "tenant_a").differences()).isEmpty();
        assertThat(tenant(byTenant, "tenant_b").revision()).isEqualTo("d1");
        assertThat(tenant(byTenant, "tenant_b").differences()).isEmpty();
        assertThat(tenant(byTenant, "tenant_c").differences())
                .containsExactly("column tenant_c.orders.extra: the database has it, the chain does not");
        assertThat(replays() - replaysBefore)
                .as("one replay per revision at most")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aFleetReadsAgainOnlyTheTenantsChangedSinceTheyWereFoundInSync() throws SQLException {
        DataSource database = TestPostgres.freshDatabase("drift_fleet_stamps");
        Migrator.Builder builder = Migrator.builder()
                .dataSource(database)
                .migrations(CreateOrders.class, OrderObjects.class)
                .log(new Lines());
        Fleet fleet =
                Fleet.builder(builder).tenants("tenant_a, tenant_b, tenant_c").build();
        fleet.upgrade("heads");
        DriftRequest request = request(
                Migrator.builder()
                        .migrations(CreateOrders.class, OrderObjects.class)
                        .build(),
                List.of());
        assertThat(Drift.fleet(request, fleet, new TestThrowaways(null), log::add))
                .allSatisfy(
                        report -> assertThat(report.inSync()).as(report.name()).isTrue());

        execute(
                database,
                "ALTER TABLE tenant_b.orders ADD COLUMN extra integer",
                "COMMENT ON VIEW tenant_c.open_orders IS 'edited by hand'");
        log.clear();
        List<DriftReport> reports = Drift.fleet(request, fleet, new TestThrowaways(null), log::add);

        assertThat(reports.stream().filter(DriftReport::drifted).map(DriftReport::name))
                .containsExactly("tenant_b", "tenant_c");
        assertThat(log)
                .contains("1 of 3 tenant schemas unchanged since drift last found them in sync: not read again "
                        + "(-Dmigrate.replayCache=false reads them anyway).");
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

    private static DriftReport tenant(Map<String, DriftReport> byTenant, String name) {
        return Objects.requireNonNull(byTenant.get(name), name);
    }
}
