package dev.migrate.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.connection.ConnectingDataSource;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.connection.DatabaseUrl;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The throwaway databases made on the server of {@code --scratch-url} are migrate's own, as the servers it starts
 * are: they read {@link MigratorTools#OWN_SERVER_SETTING} {@code on}, so a replay's destructive step there needs no
 * consent under a coding agent, while the user's database on the same server does not read it.
 */
class ScratchServerTest {
    @Test
    void theThrowawayDatabasesAreMarkedOwnAndTheUsersIsNot() throws Exception {
        String users = TestPostgres.createDatabase("scratch_users");
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://postgres@localhost:" + TestPostgres.port() + "/" + users, "a test");
        ConnectingDataSource server = new ConnectingDataSource(
                new ConnectionFailure.Target(url, "postgres", null, "a test", "in the URL or <password>"));
        ScratchServer scratch = new ScratchServer(server, null);
        try (ComparisonDatabases.ThrowawayServer throwaway = scratch.start(scratch.defaultVersion())) {
            assertThat(own(throwaway.dataSource())).isTrue();
            assertThat(own(throwaway.createDatabase("replay"))).isTrue();
            assertThat(own(TestPostgres.dataSource(users))).isFalse();
        }
    }

    private static boolean own(DataSource database) throws Exception {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('" + MigratorTools.OWN_SERVER_SETTING
                        + "', true) IS NOT DISTINCT FROM 'on'")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
