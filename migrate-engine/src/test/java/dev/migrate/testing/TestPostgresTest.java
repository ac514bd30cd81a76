package dev.migrate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @OnEveryMajor
    void aServerOfEachMajorAnswersWithThatVersion(int major) throws Exception {
        try (Connection c = TestPostgres.freshDatabase(major, "smoke").getConnection();
                ResultSet rs = c.createStatement().executeQuery("select current_setting('server_version_num')::int")) {
            rs.next();
            assertThat(rs.getInt(1) / 10000).isEqualTo(major);
        }
    }

    @Test
    void everyMajorRunsUnlessThePropertyNamesSome() {
        assertThat(TestPostgres.majors(null)).containsExactly(13, 14, 15, 16, 17, 18);
        assertThat(TestPostgres.majors("")).containsExactly(13, 14, 15, 16, 17, 18);
        assertThat(TestPostgres.majors("18")).containsExactly(18);
        assertThat(TestPostgres.majors(" 18, 13 ,13")).containsExactly(13, 18);
        assertThat(TestPostgres.oldestAndNewest(TestPostgres.majors(null))).containsExactly(13, 18);
        assertThat(TestPostgres.oldestAndNewest(TestPostgres.majors("15,14,16")))
                .containsExactly(14, 16);
        assertThat(TestPostgres.oldestAndNewest(TestPostgres.majors("17"))).containsExactly(17);
    }

    @Test
    void aMajorWithoutBinariesIsNamedWithTheOnesThatHaveThem() {
        assertThatThrownBy(() -> TestPostgres.majors("12,18"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dmigrate.test.majors=12,18 names '12', which is not a PostgreSQL major with embedded"
                        + " binaries; use some of [13, 14, 15, 16, 17, 18], comma-separated, or leave the property out"
                        + " to run on all.");
        assertThatThrownBy(() -> TestPostgres.freshDatabase(19, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No PostgreSQL 19 server for tests");
    }
}
