package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The tests' databases run the revisions of the contexts {@code @MigrationChain} names, and no other. */
class ContextsTest {
    @Nested
    @MigrationChain(packages = "fixtures.seeded", contexts = "test")
    @MigrateTo("heads")
    class InTheTestContext {
        @Test
        void theTestRowsAreThere(Connection connection) throws SQLException {
            assertThat(roles(connection)).isEqualTo(1);
        }
    }

    @Nested
    @MigrationChain(packages = "fixtures.seeded")
    @MigrateTo("head")
    class WithoutAContext {
        @Test
        void theTestRowsAreNot(MigrationDatabase database, Connection connection) throws SQLException {
            assertThat(roles(connection)).isZero();
            assertThat(database.current()).containsExactly("20261201_000000");
        }
    }

    private static int roles(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM roles")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
