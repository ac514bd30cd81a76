package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.TestPostgres;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A team that leaves Liquibase without its history: the database Liquibase built, a chain whose first revision is a
 * change over that schema, and no revision imported. The first upgrade refuses, naming the three ways on; marking
 * the database as at base is the one for this team, after which upgrade runs the chain over the schema and leaves
 * Liquibase's tables as they are.
 */
class LeavingOldHistoryBehindTest {
    @Revision(id = "d1", message = "add nickname")
    public static class AddNickname implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("person", column("nickname", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("person", "nickname");
        }
    }

    private DataSource database;

    @BeforeEach
    void builtByLiquibase() throws SQLException {
        database = TestPostgres.freshDatabase("left_behind");
        TestPostgres.execute(database, "CREATE TABLE person (id bigint PRIMARY KEY, name text)");
        // the columns Liquibase 4 creates in its history table, and one changeset it ran
        TestPostgres.execute(
                database,
                "CREATE TABLE databasechangelog (id varchar(255) NOT NULL, author varchar(255) NOT NULL,"
                        + " filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, orderexecuted int NOT NULL,"
                        + " exectype varchar(10) NOT NULL, md5sum varchar(35), description varchar(255),"
                        + " comments varchar(255), tag varchar(255), liquibase varchar(20), contexts varchar(255),"
                        + " labels varchar(255), deployment_id varchar(10))");
        TestPostgres.execute(
                database,
                "INSERT INTO databasechangelog VALUES ('1', 'team', 'db/changelog.xml', now(), 1, 'EXECUTED',"
                        + " '9:0123456789abcdef0123456789abcdef', 'createTable tableName=person', '', NULL, '4.33.0', NULL,"
                        + " NULL, '1')");
    }

    @Test
    void theFirstUpgradeNamesEveryWayOnAndStampingBaseRunsTheChainOverTheSchema() throws SQLException {
        Migrator chain = Migrator.builder()
                .dataSource(database)
                .migrations(AddNickname.class)
                .build();

        assertThatThrownBy(() -> chain.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("This database was migrated by Liquibase (public.databasechangelog) and no"
                        + " revision of this chain was imported from it")
                .hasMessageContaining("import its migrations first: mvn migrate:import -Dmigrate.import.from=liquibase")
                .hasMessageContaining(
                        "mark the database as at that revision: mvn migrate:stamp" + " -Dmigrate.target=<revision>")
                .hasMessageContaining("if the chain starts with changes over this schema, leaving Liquibase's history"
                        + " behind, mark the database as at base, so that upgrade runs the whole chain over it: mvn"
                        + " migrate:stamp -Dmigrate.target=base")
                .hasMessageEndingWith("Nothing was run.");
        assertThat(TestPostgres.query(database, "SELECT to_regclass('migrate_version') IS NULL"))
                .containsExactly("t");

        chain.stamp("base", false);
        chain.upgrade("head");
        assertThat(chain.current()).extracting(CurrentRevision::id).containsExactly("d1");
        assertThat(TestPostgres.query(
                        database,
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'person'"
                                + " ORDER BY ordinal_position"))
                .containsExactly("id", "name", "nickname");
        assertThat(TestPostgres.query(database, "SELECT count(*) FROM databasechangelog"))
                .as("left as it was")
                .containsExactly("1");
    }
}
