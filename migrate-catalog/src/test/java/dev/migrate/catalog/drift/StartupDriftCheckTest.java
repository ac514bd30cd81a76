package dev.migrate.catalog.drift;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.DriftResult;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.NotAtHeadException;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code Migrator.assertUpToDate()} under {@code validateDrift}, as an application runs it at startup: the
 * database at head against the schema snapshot of the head in the application's classes. A database in
 * sync passes; one edited by hand in each kind of object fails naming it; one behind head fails as
 * before; a missing snapshot, one of another major version only, one of another schema and an
 * unreadable one each fail naming the fix; the snapshot's exclusions hold at startup too.
 */
@LongSuite
class StartupDriftCheckTest {
    @Revision(id = "s1", message = "create orders")
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

    @Revision(id = "s2", revises = "s1", message = "objects beside orders")
    public static class OrderObjects implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open'");
            op.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "NEW.status := lower(NEW.status); RETURN NEW; END $$");
            op.execute("CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()");
            op.execute("ALTER TABLE orders ENABLE ROW LEVEL SECURITY");
            op.execute("CREATE POLICY open_only ON orders FOR SELECT USING (status = 'open')");
            op.execute("GRANT SELECT ON open_orders TO startup_reader");
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

    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    private static final List<String> VERSION_TABLES = List.of("migrate_version", "migrate_history");

    @TempDir
    static Path classes;

    /** The application's classes: the snapshot of the head, as migrate:snapshot writes it. */
    private static ClassLoader application;

    private static int major;

    @BeforeAll
    static void snapshotOfTheHead() throws SQLException, MalformedURLException {
        try (Connection c = TestPostgres.freshDatabase("startup_role").getConnection();
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'startup_reader') THEN "
                    + "CREATE ROLE startup_reader; END IF; END $$");
        }
        DataSource replayed = upgraded("startup_chain", "heads");
        try (Connection c = replayed.getConnection()) {
            major = c.getMetaData().getDatabaseMajorVersion();
            new SchemaSnapshot(
                            "s2",
                            major,
                            "public",
                            List.of("legacy_*"),
                            SchemaDrift.read(
                                    c, "public", Exclusions.of(VERSION_TABLES).and("legacy_*")))
                    .writeUnder(classes);
        }
        application = loaderOf(classes);
    }

    @Test
    void aDatabaseAtHeadAsTheMigrationsBuildItStarts() {
        DataSource database = upgraded("startup_in_sync", "heads");
        atStartup(database, application).assertUpToDate();
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
                "a constraint | ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) | orders_total_positive",
                "a view | CREATE OR REPLACE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'new' | view public.open_orders",
                "a function body | CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$ | function public.touch()",
                "a trigger | DROP TRIGGER orders_touch ON orders | trigger orders_touch ON public.orders",
                "a policy | ALTER POLICY open_only ON orders USING (status <> 'open') | policy open_only ON public.orders",
                "a grant | GRANT SELECT ON orders TO startup_reader | public.orders",
                "a comment | COMMENT ON TABLE orders IS 'edited by hand' | table public.orders",
            })
    void anEditByHandStopsTheStartNamingIt(String what, String edit, String named) throws SQLException {
        DataSource database = upgraded("startup_edit", "heads");
        execute(database, edit);
        MigrateException e = catchThrowableOfType(
                MigrateException.class, () -> atStartup(database, application).assertUpToDate());
        assertThat(e).as(what).isNotNull();
        assertThat(e.getMessage())
                .as(what)
                .contains("has drifted from the schema of revision s2 in 1 way", named, "migrate:drift");
    }

    @Test
    void theListenerHearsEachComparisonWithItsDifferencesBeforeADriftFailsTheStart() throws SQLException {
        DataSource database = upgraded("startup_heard", "heads");
        List<DriftResult> heard = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void onDrift(DriftResult drift) {
                heard.add(drift);
            }
        };
        Migrator migrator = Migrator.builder()
                .dataSource(database)
                .migrations(CreateOrders.class, OrderObjects.class)
                .classLoader(application)
                .validateDrift(true)
                .log(QUIET)
                .listener(listener)
                .build();

        migrator.assertUpToDate();
        execute(database, "ALTER TABLE orders ADD COLUMN note text");
        assertThat(catchThrowableOfType(MigrateException.class, migrator::assertUpToDate))
                .isNotNull();

        assertThat(heard).hasSize(2);
        assertThat(heard.get(0).differences()).isEmpty();
        assertThat(heard.get(0).schema()).isEqualTo("public");
        assertThat(heard.get(0).revision()).isEqualTo("s2");
        assertThat(heard.get(1).differences()).singleElement().asString().contains("column public.orders.note");
    }

    @Test
    void aTableTheSnapshotExcludesIsNoDrift() throws SQLException {
        DataSource database = upgraded("startup_excluded", "heads");
        execute(database, "CREATE TABLE legacy_import (id int)");
        atStartup(database, application).assertUpToDate();
    }

    @Test
    void aDatabaseBehindHeadFailsAsWithoutTheDriftCheck() {
        DataSource database = upgraded("startup_behind", "s1");
        assertThat(catchThrowableOfType(
                        NotAtHeadException.class,
                        () -> atStartup(database, application).assertUpToDate()))
                .hasMessageContaining("not at head");
    }

    @Test
    void withoutTheSnapshotOfTheHeadTheStartFailsNamingTheGoalThatWritesIt(@TempDir Path empty)
            throws MalformedURLException {
        DataSource database = upgraded("startup_no_snapshot", "heads");
        assertThat(catchThrowableOfType(
                        MigrateException.class,
                        () -> atStartup(database, loaderOf(empty)).assertUpToDate()))
                .hasMessageContaining("holds no schema of revision s2")
                .hasMessageContaining("META-INF/migrate/schema/")
                .hasMessageContaining("goal snapshot")
                .hasMessageContaining("turn validateDrift off");
    }

    @Test
    void aSnapshotOfAnotherMajorVersionOnlyIsNamedWithTheVersionToAdd(@TempDir Path other) throws Exception {
        DataSource database = upgraded("startup_other_major", "heads");
        SchemaSnapshot ours = SchemaSnapshot.find(application, "s2", major).orElseThrow();
        new SchemaSnapshot("s2", major + 1, "public", List.of(), ours.expected()).writeUnder(other);
        assertThat(catchThrowableOfType(
                        MigrateException.class,
                        () -> atStartup(database, loaderOf(other)).assertUpToDate()))
                .hasMessageContaining("for PostgreSQL [" + (major + 1) + "] only")
                .hasMessageContaining("-Dmigrate.snapshot.majors=" + major);
    }

    @Test
    void aSnapshotOfAnotherSchemaIsRefusedNamingBoth(@TempDir Path other) throws Exception {
        DataSource database = upgraded("startup_other_schema", "heads");
        SchemaSnapshot ours = SchemaSnapshot.find(application, "s2", major).orElseThrow();
        new SchemaSnapshot("s2", major, "sales", List.of(), ours.expected()).writeUnder(other);
        assertThat(catchThrowableOfType(
                        MigrateException.class,
                        () -> atStartup(database, loaderOf(other)).assertUpToDate()))
                .hasMessageContaining("in schema sales")
                .hasMessageContaining("run in schema public")
                .hasMessageContaining("<managedSchema>public</managedSchema>");
    }

    @Test
    void anUnreadableSnapshotIsNamedWithTheFix(@TempDir Path other) throws IOException {
        Path file = other.resolve(SchemaSnapshot.resourceName("s2", major));
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x77, 4, 0, 2, 'x', 'y'});
        DataSource database = upgraded("startup_unreadable", "heads");
        assertThat(catchThrowableOfType(
                        MigrateException.class,
                        () -> atStartup(database, loaderOf(other)).assertUpToDate()))
                .hasMessageContaining(SchemaSnapshot.resourceName("s2", major))
                .hasMessageContaining("Build the application again");
    }

    @Test
    void aSnapshotReadsBackAsItWasWritten(@TempDir Path other) throws MalformedURLException {
        SchemaSnapshot ours = SchemaSnapshot.find(application, "s2", major).orElseThrow();
        Path written = ours.writeUnder(other);
        assertThat(written).isEqualTo(other.resolve("META-INF/migrate/schema/s2.pg" + major + ".snapshot"));
        assertThat(SchemaSnapshot.find(loaderOf(other), "s2", major)).contains(ours);
        assertThat(ours.expected().objects()).isNotEmpty();
        assertThat(SchemaSnapshot.majorsOf(loaderOf(other), "s2")).containsExactly(major);
    }

    private static Migrator atStartup(DataSource database, ClassLoader classes) {
        return Migrator.builder()
                .dataSource(database)
                .migrations(CreateOrders.class, OrderObjects.class)
                .classLoader(classes)
                .validateDrift(true)
                .log(QUIET)
                .build();
    }

    private static DataSource upgraded(String prefix, String target) {
        DataSource database = TestPostgres.freshDatabase(prefix);
        Migrator.builder()
                .dataSource(database)
                .migrations(CreateOrders.class, OrderObjects.class)
                .log(QUIET)
                .build()
                .upgrade(target);
        return database;
    }

    private static ClassLoader loaderOf(Path directory) throws MalformedURLException {
        return new URLClassLoader(new URL[] {directory.toUri().toURL()}, StartupDriftCheckTest.class.getClassLoader());
    }

    private static void execute(DataSource database, String... statements) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
