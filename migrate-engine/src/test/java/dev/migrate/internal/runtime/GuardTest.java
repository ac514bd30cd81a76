package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.internal.runtime.Fixtures.execute;
import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migration;
import dev.migrate.MigrationFailedException;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import java.io.StringWriter;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** op.requireNoRows: the migration stops before its changes while the rows are there, and runs once they are gone. */
class GuardTest {

    @Revision(id = "g1", message = "create people")
    public static class CreatePeople implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("people", column("id", "int").primaryKey(), column("email", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("people");
        }
    }

    @Revision(id = "g2", revises = "g1", message = "require email")
    public static class RequireEmail implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.requireNoRows("SELECT 1 FROM people WHERE email IS NULL", "fill people.email first");
            op.addColumn("people", column("note", "text"));
            op.setNotNull("people", "email");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropNotNull("people", "email");
            op.dropColumn("people", "note");
        }
    }

    @Test
    void theGuardStopsTheMigrationBeforeItsChangesAndLetsItRunOnceTheRowsAreGone() throws Exception {
        DataSource db = TestPostgres.freshDatabase("guard");
        Migrator migrator = Migrator.builder()
                .dataSource(db)
                .migrations(CreatePeople.class, RequireEmail.class)
                .build();
        migrator.upgrade("g1");
        execute(db, "INSERT INTO people VALUES (1, NULL), (2, NULL), (3, 'c@example.com')");

        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasStackTraceContaining("fill people.email first (2 rows found)");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("g1");
        assertThat(query(
                        db,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'people' "
                                + "AND column_name = 'note'"))
                .containsExactly("0");

        execute(db, "UPDATE people SET email = id || '@example.com' WHERE email IS NULL");
        migrator.upgrade("head");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("g2");

        // the downgrade needs no guard, and the offline script carries the same DO block
        StringWriter sql = new StringWriter();
        migrator.upgradeSql("g1:g2", sql);
        assertThat(sql.toString()).contains("DO $guard$").contains("fill people.email first");
    }
}
