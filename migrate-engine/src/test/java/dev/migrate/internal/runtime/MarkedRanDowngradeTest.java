package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.testing.TestPostgres.execute;
import static dev.migrate.testing.TestPostgres.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.op.Precondition;
import dev.migrate.op.Precondition.OnFail;
import dev.migrate.op.QualifiedName;
import dev.migrate.testing.TestPostgres;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A revision recorded as applied without running its changes (its guard marked it ran) does not run its downgrade
 * either: the downgrade would drop what the revision never made. Proven as runs on one database after another:
 * upgrade where the guard fails, downgrade, the objects made before are still there, upgrade where the guard now
 * holds, and a downgrade that this time undoes it.
 */
class MarkedRanDowngradeTest {
    private static final QualifiedName PERSON = QualifiedName.parse("person");

    @Revision(id = "md1", message = "create person")
    public static class CreatePerson implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.guard(new Precondition.Not(new Precondition.TableExists(PERSON)), OnFail.MARK_RAN, "person exists");
            op.createTable("person", column("id", "int").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("person");
        }
    }

    @Revision(id = "md2", revises = "md1", message = "create audit")
    public static class CreateAudit implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("audit", column("id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("audit");
        }
    }

    private static Migrator migrator(DataSource db, List<String> lines) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(CreatePerson.class, CreateAudit.class)
                .log(new MigrationLog() {
                    @Override
                    public void info(String line) {
                        lines.add(line);
                    }

                    @Override
                    public void warn(String line) {
                        lines.add(line);
                    }
                })
                .build();
    }

    @Test
    void theDowngradeOfARevisionMarkedRanRunsOnlyItsBookkeeping() throws Exception {
        DataSource db = TestPostgres.freshDatabase("marked_down");
        // the table an older tool made, with its data
        execute(db, "CREATE TABLE person (id int PRIMARY KEY)", "INSERT INTO person VALUES (7)");
        List<String> lines = new ArrayList<>();
        Migrator migrator = migrator(db, lines);

        migrator.upgrade("head");
        assertThat(query(db, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .as("the marked revision has a direction of its own")
                .containsExactly("md1 marked", "md2 upgrade");

        migrator.downgrade("base");
        assertThat(query(db, "SELECT id FROM person"))
                .as("person was not made by md1")
                .containsExactly("7");
        assertThat(query(db, "SELECT to_regclass('audit') IS NULL")).containsExactly("t");
        assertThat(query(db, "SELECT count(*) FROM migrate_version")).containsExactly("0");
        assertThat(query(
                        db,
                        "SELECT revision || ' ' || direction || ': ' || message FROM migrate_history"
                                + " WHERE direction = 'downgrade' ORDER BY id"))
                .containsExactly(
                        "md2 downgrade: create audit",
                        "md1 downgrade: create person (downgrade not run: the revision was marked ran)");
        assertThat(lines)
                .contains("Revision md1 was marked ran without running its changes: its downgrade is not run"
                        + " either, only recorded.");

        // the old table goes; now the guard holds, and the revision runs
        execute(db, "ALTER TABLE person RENAME TO person_old");
        migrator.upgrade("md1");
        assertThat(query(db, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id DESC LIMIT 1"))
                .containsExactly("md1 upgrade");
        assertThat(query(db, "SELECT to_regclass('person') IS NOT NULL")).containsExactly("t");

        // the latest application ran, so its downgrade runs
        migrator.downgrade("base");
        assertThat(query(db, "SELECT to_regclass('person') IS NULL")).containsExactly("t");
        assertThat(query(db, "SELECT to_regclass('person_old') IS NOT NULL")).containsExactly("t");
        assertThat(query(db, "SELECT message FROM migrate_history ORDER BY id DESC LIMIT 1"))
                .containsExactly("create person");
    }

    @Test
    void anOfflineDowngradeStopsOnADatabaseWhereTheRevisionWasMarkedRan() throws Exception {
        DataSource marked = TestPostgres.freshDatabase("marked_offline");
        execute(marked, "CREATE TABLE person (id int PRIMARY KEY)", "INSERT INTO person VALUES (7)");
        List<String> lines = new ArrayList<>();
        migrator(marked, lines).upgrade("md1");

        StringWriter script = new StringWriter();
        migrator(marked, lines).downgradeSql("md1:base", script);
        assertThat(script.toString()).contains("DO $marked$");
        assertThatThrownBy(() -> runScript(marked, script.toString()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Revision md1 was marked ran on this database (recorded as applied without"
                        + " running its changes) or is pending there (its guard said CONTINUE), so its downgrade must"
                        + " not run: it would drop what the revision never made. Downgrade this database with mvn"
                        + " migrate:downgrade against it");
        assertThat(query(marked, "SELECT id FROM person")).containsExactly("7");
        assertThat(query(marked, "SELECT version_num FROM migrate_version")).containsExactly("md1");

        // where the revision ran, the same script undoes it
        DataSource ran = TestPostgres.freshDatabase("ran_offline");
        migrator(ran, lines).upgrade("md1");
        runScript(ran, script.toString());
        assertThat(query(ran, "SELECT to_regclass('person') IS NULL")).containsExactly("t");
        assertThat(query(ran, "SELECT count(*) FROM migrate_version")).containsExactly("0");
    }

    @Test
    void anOfflineDowngradeOfARevisionThatCannotBeMarkedRanHasNoSuchTest() {
        StringWriter script = new StringWriter();
        migrator(TestPostgres.freshDatabase("marked_none"), new ArrayList<>()).downgradeSql("md2:md1", script);
        assertThat(script.toString()).doesNotContain("$marked$").contains("DROP TABLE");
    }

    private static void runScript(DataSource db, String script) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(script);
        }
    }
}
