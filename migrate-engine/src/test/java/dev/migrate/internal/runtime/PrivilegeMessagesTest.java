package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.execute;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A role that lacks a privilege is told which one, and how it is granted. */
class PrivilegeMessagesTest {

    private static DataSource as(String database, String role) {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestPostgres.dataSource(database);
        ds.setUser(role);
        return ds;
    }

    @Test
    void aRoleWithoutCreateOnTheSchemaIsToldThePrivilege() throws Exception {
        String database = TestPostgres.createDatabase("privileges");
        DataSource admin = TestPostgres.dataSource(database);
        Fixtures.createRole(admin, "deployer");
        execute(admin, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        Migrator m = Fixtures.chain(as(database, "deployer"));
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("permission denied for schema public")
                .hasMessageContaining(
                        "The statement needs the CREATE and USAGE privileges on schema public, which the role "
                                + "deployer lacks: GRANT CREATE, USAGE ON SCHEMA public TO deployer");
    }

    @Test
    void aRoleThatCannotReadTheVersionTableIsToldThePrivilege() throws Exception {
        String database = TestPostgres.createDatabase("privileges");
        DataSource admin = TestPostgres.dataSource(database);
        Fixtures.chain(admin).upgrade("head");
        Fixtures.createRole(admin, "reader");
        Migrator m = Fixtures.chain(as(database, "reader"));
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("permission denied for table migrate_version")
                .hasMessageContaining("The role reader lacks a privilege on table migrate_version");
    }

    @Test
    void aMigrationOnATableTheRoleDoesNotOwnNamesTheOwnership() throws Exception {
        String database = TestPostgres.createDatabase("privileges");
        DataSource admin = TestPostgres.dataSource(database);
        Fixtures.createRole(admin, "deployer");
        Fixtures.chain(admin).upgrade("head");
        execute(admin, "GRANT ALL ON ALL TABLES IN SCHEMA public TO deployer");
        execute(admin, "GRANT CREATE, USAGE ON SCHEMA public TO deployer");
        Migrator m = Migrator.builder()
                .dataSource(as(database, "deployer"))
                .log(new Fixtures.RecordingLog())
                .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Lock.class)
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("must be owner of table agents")
                .hasMessageContaining("Only the owner of table agents may change it, and the role deployer is not");
    }

    @Test
    void aRoleWithoutConnectIsToldThePrivilege() throws Exception {
        String database = TestPostgres.createDatabase("privileges");
        DataSource admin = TestPostgres.dataSource(database);
        Fixtures.createRole(admin, "outsider");
        execute(admin, "REVOKE CONNECT ON DATABASE " + database + " FROM PUBLIC");
        Migrator m = Fixtures.chain(as(database, "outsider"));
        assertThatThrownBy(m::current)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("lacks the CONNECT privilege")
                .hasMessageContaining("GRANT CONNECT ON DATABASE");
    }

    @Test
    void aHostNameThatDoesNotResolveIsSaidSo() {
        Migrator m = Migrator.builder()
                .url("jdbc:postgresql://no-such-host.invalid:5432/app", "app", "secret")
                .migrations(Fixtures.CHAIN)
                .log(new Fixtures.RecordingLog())
                .build();
        assertThatThrownBy(m::current)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("no-such-host.invalid:5432")
                .hasMessageContaining("the host name 'no-such-host.invalid' does not resolve")
                .hasMessageContaining("it came from Migrator.builder().url(...)")
                .message()
                .doesNotContain("secret");
    }
}
