package dev.migrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestPostgresTest {
    @Test
    void serverAnswers() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("smoke").getConnection();
                ResultSet rs = c.createStatement().executeQuery("select current_setting('server_version_num')::int")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(130000);
        }
    }
}
