package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ConnectionFailedException;
import dev.migrate.Migrator;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.connection.DatabaseUrl;
import dev.migrate.testing.TestPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The one explanation of a failure to connect, on the embedded server, through the API and directly. */
class ConnectionFailureTest {

    @Test
    void aDatabaseThatDoesNotExistIsNamedWithWhereItsNameCameFrom() {
        Migrator migrator = Migrator.builder()
                .url("postgresql://postgres:not-shown-123@localhost:" + TestPostgres.port() + "/no_such_db")
                .migrations(Fixtures.CHAIN)
                .build();
        assertThatThrownBy(migrator::current)
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessage("The database no_such_db does not exist on PostgreSQL at localhost:" + TestPostgres.port()
                        + ". Create it, or fix the name in the URL (it came from Migrator.builder().url(...)).");
    }

    @Test
    void aLoginTheServerRefusesNamesTheUserAndWhereToFixThePassword() {
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/postgres";
        SQLException refused = catchSql(url, "nobody_at_all", "secret-9");
        DatabaseUrl parsed = DatabaseUrl.parse(url, "a test");
        ConnectionFailure failure = ConnectionFailure.of(
                refused, new ConnectionFailure.Target(parsed, "nobody_at_all", "secret-9", "a test", "in the test"));
        assertThat(failure.problem())
                .isEqualTo("PostgreSQL at localhost:" + TestPostgres.port()
                        + ", database postgres, rejected the credentials of user nobody_at_all.");
        assertThat(failure.fix()).isEqualTo("Fix the password in the test, or the user name.");
        assertThat(failure.message()).isEqualTo(failure.problem() + " " + failure.fix());
        assertThat(ConnectionFailure.isConnectionFailure(refused)).isTrue();
    }

    @Test
    void aStatementsFailureIsNoFailureToConnect() {
        assertThat(ConnectionFailure.isConnectionFailure(new SQLException("relation does not exist", "42P01")))
                .isFalse();
    }

    private static SQLException catchSql(String url, String user, String password) {
        try (var connection = DriverManager.getConnection(url, user, password)) {
            throw new AssertionError("the server let " + user + " in as "
                    + connection.getMetaData().getUserName());
        } catch (SQLException e) {
            return e;
        }
    }
}
