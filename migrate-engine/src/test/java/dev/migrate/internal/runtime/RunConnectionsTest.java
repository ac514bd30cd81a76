package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.execute;
import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A run holds its lock on one connection and runs its steps on a second one, opened only when
 * there is something to run.
 */
class RunConnectionsTest {
    private String database;
    private Fixtures.CountingDataSource db;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.createDatabase("connections");
        db = new Fixtures.CountingDataSource(TestPostgres.dataSource(database));
    }

    @Test
    void anUpToDateDatabaseIsCheckedOnTheLocksConnectionAlone() throws Exception {
        Fixtures.chain(db).upgrade("r2");
        assertThat(db.opened.get()).isEqualTo(2); // the lock's, and the one the steps ran on

        db.opened.set(0);
        Fixtures.chain(db).upgrade("r3");
        assertThat(db.opened.get()).isEqualTo(2);
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");

        db.opened.set(0);
        Fixtures.chain(db).upgrade("head");
        assertThat(db.opened.get()).isEqualTo(1);
    }

    @Test
    void aRoleWithoutCreateOnTheSchemaChecksAnUpToDateDatabase() throws Exception {
        DataSource admin = TestPostgres.dataSource(database);
        Fixtures.chain(admin).upgrade("head");
        Fixtures.createRole(admin, "checker");
        execute(admin, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        execute(admin, "GRANT USAGE ON SCHEMA public TO checker");
        execute(admin, "GRANT SELECT ON migrate_version, migrate_history TO checker");
        PGSimpleDataSource checker = (PGSimpleDataSource) TestPostgres.dataSource(database);
        checker.setUser("checker");

        Fixtures.chain(checker).upgrade("head"); // nothing to create, nothing to run

        assertThat(query(admin, "SELECT version_num FROM migrate_version")).containsExactly("r3");
    }

    @Test
    void aVersionTableWithoutItsHistoryTableIsUpgraded() throws Exception {
        Fixtures.chain(db).upgrade("r1");
        execute(db, "DROP TABLE migrate_history");

        Fixtures.chain(db).upgrade("head");

        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");
        assertThat(query(db, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactly("r2", "r3");
    }
}
