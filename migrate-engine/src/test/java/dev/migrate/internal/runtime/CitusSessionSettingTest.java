package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The sequential shard changes a run's sessions take on a Citus coordinator are set there only: on a server
 * without the {@code citus} extension no {@code citus.*} placeholder is left in the session (the tests of
 * {@code migrate-citus-tests} run the coordinator's side).
 */
class CitusSessionSettingTest {
    @Revision(id = "s1", message = "no citus setting")
    public static class NoCitusSetting implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("DO $$BEGIN IF current_setting('citus.multi_shard_modify_mode', true) IS NOT NULL THEN"
                    + " RAISE EXCEPTION 'citus.multi_shard_modify_mode is set without Citus'; END IF; END$$");
            op.execute("CREATE TABLE checked (ok boolean)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("checked");
        }
    }

    @Test
    void aServerWithoutCitusGetsNoCitusSetting() throws Exception {
        DataSource db = TestPostgres.freshDatabase("no_citus_setting");
        Migrator.builder()
                .dataSource(db)
                .migrations(NoCitusSetting.class)
                .build()
                .upgrade("head");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('checked') IS NOT NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }
}
