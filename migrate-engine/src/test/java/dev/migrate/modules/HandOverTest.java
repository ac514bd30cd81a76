package dev.migrate.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.TableOwners;
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
 * An entity moved from one module to another: the old module's chain hands its table over ({@code @HandsOver}), the
 * new module's chain takes it ({@code @TakesOver}, depending on the hand-over), and the table keeps its rows through
 * the upgrade and the downgrade. Django documents the same move of a model between apps as two migrations that
 * change the state only ({@code SeparateDatabaseAndState}), the new app's depending on the old one's; here the
 * annotations say it and the graph orders the two.
 */
@LongSuite
class HandOverTest {
    @TempDir
    Path jars;

    @Test
    void aTableHandedOverKeepsItsRowsThroughTheUpgradeAndTheDowngrade() throws Exception {
        DataSource database = TestPostgres.freshDatabase("modules_hand_over");
        try (URLClassLoader before = ModuleJars.application(jars.resolve("before"), ModuleJars.crm(1));
                URLClassLoader after =
                        ModuleJars.application(jars.resolve("after"), ModuleJars.crm(2), ModuleJars.SUPPORT)) {
            Migrator old = migrator(database, before);
            old.upgrade("heads");
            assertThat(MigratorTools.of(old).tableOwners().ownerOf("crm_note")).contains("crm");
            execute(database, "INSERT INTO crm_note (id, body) VALUES (1, 'call back'), (2, 'sent the invoice')");

            Migrator moved = migrator(database, after);
            moved.upgrade("heads");
            assertThat(moved.current())
                    .extracting(CurrentRevision::id)
                    .containsExactlyInAnyOrder("crm.20261129_100000", "support.20261129_110000");
            assertThat(rows(database, "SELECT id || ':' || body || ':' || coalesce(answered::text, '-') FROM crm_note"))
                    .as("the table kept its rows, and the module that took it changed it")
                    .containsExactlyInAnyOrder("1:call back:-", "2:sent the invoice:-");
            TableOwners owners = MigratorTools.of(moved).tableOwners();
            assertThat(owners.ownerOf("crm_note")).contains("support");
            assertThat(owners.ownedByOthers("crm"))
                    .as("crm's comparison leaves the table it gave away alone")
                    .containsExactly("crm_note");
            assertThat(owners.ownedByOthers("support")).isEmpty();
            assertThat(owners.toTake("support")).isEmpty();

            // support to base, as -Dmigrate.module=support -Dmigrate.target=base runs it: the take is taken back
            moved.downgrade("support.20261129_110000@base");
            assertThat(moved.current()).extracting(CurrentRevision::id).containsExactly("crm.20261129_100000");
            assertThat(rows(database, "SELECT id || ':' || body FROM crm_note"))
                    .containsExactlyInAnyOrder("1:call back", "2:sent the invoice");
            moved.downgrade("crm.20261129_100000@-1");
            assertThat(moved.current()).extracting(CurrentRevision::id).containsExactly("crm.20261129_090000");
            assertThat(rows(database, "SELECT id || ':' || body FROM crm_note"))
                    .as("giving the table back runs nothing either")
                    .containsExactlyInAnyOrder("1:call back", "2:sent the invoice");
            moved.upgrade("heads");
            assertThat(rows(database, "SELECT count(*)::text FROM crm_note")).containsExactly("2");
        }
    }

    @Test
    void aTableGivenAndNotYetTakenIsTheNewModulesToTake() throws Exception {
        try (URLClassLoader given = ModuleJars.application(jars.resolve("given"), ModuleJars.crm(2))) {
            TableOwners owners = MigratorTools.of(migrator(null, given)).tableOwners();
            assertThat(owners.toTake("support")).containsOnlyKeys("crm_note");
            assertThat(owners.toTake("support").get("crm_note").revision()).isEqualTo("crm.20261129_100000");
            assertThat(owners.ownedByOthers("crm")).containsExactly("crm_note");
        }
    }

    @Test
    void aTakeThatDoesNotDependOnTheHandOverIsRefusedNamingTheFix() throws Exception {
        try (URLClassLoader app = ModuleJars.applicationNaming(
                jars.resolve("early"), ModuleJars.SUPPORT_TAKING_EARLY, "support", ModuleJars.crm(2))) {
            assertThatThrownBy(() -> MigratorTools.of(migrator(null, app)).tableOwners())
                    .isInstanceOf(MigrateException.class)
                    .hasMessage("Revision support.20261129_100500 takes table crm_note from crm but does not depend on"
                            + " crm.20261129_100000, which gives it: an upgrade could take the table before it is"
                            + " given. Add dependsOn = \"crm.20261129_100000\" to its @Revision.");
        }
    }

    @Test
    void aTakeOfATableNobodyGaveIsRefusedNamingTheHandOverToWrite() throws Exception {
        try (URLClassLoader app = ModuleJars.applicationNaming(
                jars.resolve("ungiven"), ModuleJars.SUPPORT_TAKING_EARLY, "support", ModuleJars.crm(1))) {
            assertThatThrownBy(() -> MigratorTools.of(migrator(null, app)).tableOwners())
                    .isInstanceOf(MigrateException.class)
                    .hasMessage("Revision support.20261129_100500 takes table crm_note from crm, but no revision of"
                            + " crm before it hands that table over to module support. Hand it over first with"
                            + " @HandsOver(to = \"support\", tables = \"crm_note\") on a revision of crm, and make"
                            + " this revision depend on it.");
        }
    }

    private static Migrator migrator(@org.jspecify.annotations.Nullable DataSource database, ClassLoader app) {
        Migrator.Builder builder = Migrator.builder().classLoader(app).packages(ModuleJars.APPLICATION_PACKAGE);
        return database == null ? builder.build() : builder.dataSource(database).build();
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
