package dev.migrate.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.HistoryRow;
import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations owned by modules, on one database: libraries that ship revisions in jars, domain modules that depend on
 * them, applications with different sets of modules. Each module is a jar with its {@code module.properties}, as the
 * build writes it; the class loaders see only the jars an application has.
 */
@LongSuite
class ModulesTest {
    @TempDir
    Path jars;

    private final List<String> log = new ArrayList<>();

    @Test
    void anUpgradeAppliesEachModuleAfterTheModulesItDependsOn() throws Exception {
        DataSource database = TestPostgres.freshDatabase("modules_order");
        // billing's table points at outbox's, and orders' at billing's: any other order fails on the foreign keys
        try (URLClassLoader app = ModuleJars.application(
                jars.resolve("a"), ModuleJars.outbox(1), ModuleJars.BILLING, ModuleJars.ORDERS)) {
            Migrator migrator = migrator(database, app);
            migrator.upgrade("head"); // the default target: the head of each module
            assertThat(migrator.current())
                    .extracting(CurrentRevision::id)
                    .containsExactlyInAnyOrder("outbox.20261129_090000", "billing.20261129_090000", "orders.o1");
            assertThat(applied(migrator))
                    .containsExactly("outbox.20261129_090000", "billing.20261129_090000", "orders.o1");
        }
    }

    /** Django's apps each number their migrations from 0001; two modules writing a revision the same second never clash. */
    @Test
    void twoModulesAddingARevisionWithTheSameIdOnTheSameDayBothApply() throws Exception {
        DataSource database = TestPostgres.freshDatabase("modules_same_day");
        try (URLClassLoader app = ModuleJars.application(
                jars.resolve("a"), ModuleJars.outbox(1), ModuleJars.BILLING, ModuleJars.SHIPPING)) {
            Migrator migrator = migrator(database, app);
            migrator.upgrade("heads");
            assertThat(migrator.current())
                    .extracting(CurrentRevision::id)
                    .contains("billing.20261129_090000", "shipping.20261129_090000");
        }
    }

    /**
     * A sequence of runs on one database: two applications with different modules share it, and one of them takes a
     * later version of the library.
     */
    @Test
    void applicationsSharingADatabaseRunEachModuleOnceAndALibraryBumpAppliesItsNewRevisions() throws Exception {
        DataSource database = TestPostgres.freshDatabase("modules_shared");
        try (URLClassLoader first = ModuleJars.application(
                        jars.resolve("first"), ModuleJars.outbox(1), ModuleJars.BILLING, ModuleJars.ORDERS);
                URLClassLoader second =
                        ModuleJars.application(jars.resolve("second"), ModuleJars.outbox(1), ModuleJars.SHIPPING);
                URLClassLoader firstBumped = ModuleJars.application(
                        jars.resolve("bumped"), ModuleJars.outbox(2), ModuleJars.BILLING, ModuleJars.ORDERS)) {
            migrator(database, first).upgrade("heads");

            Migrator secondApp = migrator(database, second);
            secondApp.upgrade("heads");
            assertThat(applied(secondApp))
                    .as("the second application runs only its own module; outbox is there already")
                    .containsExactly(
                            "outbox.20261129_090000",
                            "billing.20261129_090000",
                            "orders.o1",
                            "shipping.20261129_090000");
            assertThat(secondApp.current())
                    .extracting(CurrentRevision::id)
                    .as("the rows of modules it does not have are not its to report")
                    .containsExactlyInAnyOrder("outbox.20261129_090000", "shipping.20261129_090000");

            Migrator bumped = migrator(database, firstBumped);
            bumped.upgrade("heads");
            assertThat(applied(bumped)).endsWith("shipping.20261129_090000", "outbox.20261130_090000");
            assertThat(bumped.current())
                    .extracting(CurrentRevision::id)
                    .containsExactlyInAnyOrder("outbox.20261130_090000", "billing.20261129_090000", "orders.o1");

            // the second application still has the older library: the database is ahead of it, as in a rolling deploy
            assertThatThrownBy(() -> secondApp.upgrade("heads"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("The database is at revision outbox.20261130_090000, which no migration "
                            + "class defines in this build");
            migrator(database, second, true).upgrade("heads");
            assertThat(applied(secondApp)).as("nothing runs twice").hasSize(5);
        }
    }

    /**
     * Alembic's {@code stamp --purge} deletes every row of the version table before it stamps (its documented
     * {@code command.stamp(purge=True)}); here a database holds the rows of other applications' modules, and a stamp
     * or a purge of one application moves and deletes only the rows of the modules it has.
     */
    @Test
    void aStampOrAPurgeMovesOnlyTheRowsOfTheModulesTheApplicationHas() throws Exception {
        DataSource database = TestPostgres.freshDatabase("modules_stamp_purge");
        try (URLClassLoader first = ModuleJars.application(
                        jars.resolve("first"), ModuleJars.outbox(1), ModuleJars.BILLING, ModuleJars.ORDERS);
                URLClassLoader second =
                        ModuleJars.application(jars.resolve("second"), ModuleJars.outbox(1), ModuleJars.SHIPPING)) {
            Migrator firstApp = migrator(database, first);
            Migrator secondApp = migrator(database, second);
            firstApp.upgrade("heads");
            secondApp.upgrade("heads");
            // a row of shipping's that no class defines any more: what a purge is for
            execute(database, "INSERT INTO migrate_version (version_num) VALUES ('shipping.20200101_000000')");

            secondApp.stamp("heads", true);
            assertThat(versionRows(database))
                    .as("the purge deleted outbox's and shipping's rows, the stale one too, and left billing's and"
                            + " orders', which the first application wrote")
                    .containsExactlyInAnyOrder(
                            "outbox.20261129_090000",
                            "shipping.20261129_090000",
                            "billing.20261129_090000",
                            "orders.o1");

            secondApp.stamp("base", false);
            assertThat(versionRows(database))
                    .as("a stamp at base moves the second application's modules only")
                    .containsExactlyInAnyOrder("billing.20261129_090000", "orders.o1");

            firstApp.stamp("heads", true);
            assertThat(versionRows(database))
                    .as("the first application's purge leaves shipping, which it does not have, where it was")
                    .containsExactlyInAnyOrder("outbox.20261129_090000", "billing.20261129_090000", "orders.o1");
            secondApp.stamp("heads", false);
            assertThat(versionRows(database)).hasSize(4).contains("shipping.20261129_090000");

            StringWriter script = new StringWriter();
            secondApp.stampSql("heads", true, script);
            assertThat(script.toString())
                    .as("an offline purge names the modules it deletes the rows of")
                    .contains("DELETE FROM public.migrate_version WHERE split_part(version_num, '.', 1) IN ('outbox',"
                            + " 'shipping')");
        }
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> versionRows(DataSource database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version_num FROM migrate_version")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void aModuleDependingOnOneNotOnTheClassPathIsRefusedNamingBoth() throws Exception {
        DataSource database = TestPostgres.freshDatabase("modules_missing");
        try (URLClassLoader app = ModuleJars.application(jars.resolve("a"), ModuleJars.BILLING)) {
            assertThatThrownBy(() -> migrator(database, app).upgrade("heads"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("Module billing depends on module outbox, but no migration on the class "
                            + "path belongs to outbox");
        }
    }

    private Migrator migrator(DataSource database, ClassLoader app) {
        return migrator(database, app, false);
    }

    private Migrator migrator(DataSource database, ClassLoader app, boolean acceptFutureRevisions) {
        return Migrator.builder()
                .dataSource(database)
                .acceptFutureRevisions(acceptFutureRevisions)
                .classLoader(app)
                .packages(ModuleJars.APPLICATION_PACKAGE)
                .log(new MigrationLog() {
                    @Override
                    public void info(String line) {
                        log.add(line);
                    }

                    @Override
                    public void warn(String line) {
                        log.add(line);
                    }
                })
                .build();
    }

    /** The revisions the history table records as upgraded, oldest first, whichever application ran them. */
    private static List<String> applied(Migrator migrator) {
        List<String> newestFirst = new ArrayList<>(MigratorTools.of(migrator).recentHistory(100).stream()
                .filter(row -> "upgrade".equals(row.direction()))
                .map(HistoryRow::revision)
                .toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
