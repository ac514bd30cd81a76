package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rolling deploy: the old build's instances start against a database the new build has already
 * migrated one revision past the old build's head.
 */
class AcceptFutureRevisionsTest {

    @Revision(id = "f1", message = "create orders")
    public static class F1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "f2", revises = "f1", message = "add total")
    public static class F2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("orders", column("total", "numeric(10,2)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("orders", "total");
        }
    }

    /** Only the newer build has it. */
    @Revision(id = "f3", revises = "f2", message = "add status")
    public static class F3 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("orders", column("status", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("orders", "status");
        }
    }

    private final List<String> log = new ArrayList<>();
    private DataSource database;

    @BeforeEach
    void migratedByTheNewerBuild() {
        database = TestPostgres.freshDatabase("future");
        Migrator.builder()
                .dataSource(database)
                .migrations(F1.class, F2.class, F3.class)
                .log(quiet())
                .build()
                .upgrade("head");
    }

    @Test
    void withoutTheSettingCurrentAndUpgradeNameItFirstAndNeverAdviseAStamp() throws Exception {
        Migrator old = olderBuild(false);

        for (Runnable run : List.<Runnable>of(old::current, () -> old.upgrade("head"), old::assertUpToDate)) {
            assertThatThrownBy(run::run)
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("The database is at revision f3, which no migration class defines in "
                            + "this build. If a newer version of the application migrated it (old instances starting "
                            + "during a rolling deploy), set acceptFutureRevisions (-Dmigrate.acceptFutureRevisions=true, "
                            + "migrate.accept-future-revisions=true in Spring Boot, "
                            + "Migrator.builder().acceptFutureRevisions(true))")
                    .hasMessageContaining("if the class of f3 was deleted, restore it")
                    .hasMessageNotContaining("stamp");
        }
        assertUnchanged();
    }

    @Test
    void withTheSettingTheDatabaseIsReportedAheadAndUpgradeRunsNothing() throws Exception {
        Migrator old = olderBuild(true);

        assertThat(old.current()).containsExactly(CurrentRevision.ahead("f3"));
        assertThat(old.current().get(0).toString())
                .isEqualTo("f3 (newer than this build: no migration class of it defines this revision)");
        assertThat(MigratorTools.of(old).currentReport(false))
                .containsExactly("f3 (newer than this build: no migration class of it defines this revision)");
        assertThat(MigratorTools.of(old).historyReport(null, false))
                .first()
                .isEqualTo("f3 (newer than this build: no migration class of it defines this revision)");

        MigrationResult result = old.upgrade("head");
        assertThat(result.nothingApplied()).isTrue();
        assertThat(log)
                .contains("Nothing to do: the database is at revision f3, which no migration class of this build "
                        + "defines, so it is taken as newer than this build (acceptFutureRevisions is set) and nothing "
                        + "was run.");
        old.assertUpToDate();
        assertUnchanged();
    }

    @Test
    void downgradeAndStampStillRefuseWhatTheyCannotSeeWithOrWithoutTheSetting() throws Exception {
        for (boolean accept : new boolean[] {true, false}) {
            Migrator old = olderBuild(accept);
            assertThatThrownBy(() -> old.downgrade("-1"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessage("Cannot downgrade: the database is at revision f3, which no migration class of this "
                            + "build defines (a newer build applied it, or it comes from another branch of the code), "
                            + "so this build cannot tell what reverting means: it has no downgrade for that revision. "
                            + "Run the downgrade from the build that defines revision f3. Nothing was run and the "
                            + "version table was not touched.");
            assertThatThrownBy(() -> old.stamp("f2", false))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("Cannot stamp: the database is at revision f3, which no migration class "
                            + "of this build defines")
                    .hasMessageContaining("Run the stamp from the build that defines revision f3.");
        }
        assertUnchanged();
    }

    private Migrator olderBuild(boolean acceptFutureRevisions) {
        return Migrator.builder()
                .dataSource(database)
                .migrations(F1.class, F2.class)
                .acceptFutureRevisions(acceptFutureRevisions)
                .log(quiet())
                .build();
    }

    private void assertUnchanged() throws SQLException {
        assertThat(query("SELECT version_num FROM migrate_version")).containsExactly("f3");
        assertThat(query("SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("f1 upgrade", "f2 upgrade", "f3 upgrade");
        assertThat(query("SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' "
                        + "ORDER BY ordinal_position"))
                .containsExactly("id", "total", "status");
    }

    private MigrationLog quiet() {
        return new MigrationLog() {
            @Override
            public void info(String line) {
                log.add(line);
            }

            @Override
            public void warn(String line) {
                log.add(line);
            }
        };
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
