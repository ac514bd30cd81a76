package dev.migrate.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** A connection lent out of those kept open, on a real server: its own until closed, given back once. */
class LentConnectionTest {
    private final DataSource database = TestPostgres.freshDatabase("lent");

    @Test
    void itIsTheConnectionsOwnUntilClosedThenGivenBackOnceAndRefusedAfter() throws SQLException {
        try (Connection real = database.getConnection()) {
            List<Connection> givenBack = new ArrayList<>();
            Connection lent = LentConnection.lend(real, givenBack::add, "its tenant's run gave it back");

            // every call is the connection's: a query, a transaction, the driver's own interface
            lent.setAutoCommit(false);
            try (Statement s = lent.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .isEqualTo(real.unwrap(PGConnection.class).getBackendPID());
            }
            assertThat(real.getAutoCommit()).isFalse();
            lent.rollback();
            lent.setAutoCommit(true);
            assertThat(lent.isWrapperFor(PGConnection.class)).isTrue();
            assertThat(lent.unwrap(PGConnection.class).getBackendPID())
                    .isEqualTo(real.unwrap(PGConnection.class).getBackendPID());
            assertThat(lent.isClosed()).isFalse();

            lent.close();
            lent.close(); // a second close gives nothing back again
            assertThat(givenBack).containsExactly(real);
            assertThat(real.isClosed()).as("given back, not closed").isFalse();
            assertThat(lent.isClosed()).isTrue();
            assertThat(lent).isNotEqualTo(real);
            assertThat(lent.toString()).as("printable after it was given back").isNotEmpty();

            // a use after it was given back says why it is closed, whatever the call
            assertThatThrownBy(lent::createStatement)
                    .isInstanceOf(SQLException.class)
                    .hasMessage("This connection was closed: its tenant's run gave it back.");
            assertThatThrownBy(() -> lent.prepareStatement("SELECT 1"))
                    .hasMessage("This connection was closed: its tenant's run gave it back.");
            assertThatThrownBy(() -> lent.unwrap(PGConnection.class))
                    .hasMessage("This connection was closed: its tenant's run gave it back.");
            assertThatThrownBy(() -> lent.setClientInfo("ApplicationName", "other"))
                    .isInstanceOf(SQLClientInfoException.class)
                    .hasMessage("This connection was closed: its tenant's run gave it back.");
            assertThatThrownBy(() -> lent.setClientInfo(new Properties())).isInstanceOf(SQLClientInfoException.class);
        }
    }

    @Test
    void aLentConnectionIsClosedWhenItsConnectionIs() throws SQLException {
        Connection real = database.getConnection();
        Connection lent = LentConnection.lend(real, c -> {}, "its user closed it");
        real.close();
        assertThat(lent.isClosed()).isTrue();
        assertThatThrownBy(lent::createStatement).isInstanceOf(SQLException.class);
    }
}
