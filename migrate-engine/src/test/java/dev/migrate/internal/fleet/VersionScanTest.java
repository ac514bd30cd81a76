package dev.migrate.internal.fleet;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class VersionScanTest {

    @Test
    void readsEachSchemasVersionRowsAndStoredChecksumsOrTheVersionRowsAlone() throws Exception {
        DataSource db = TestPostgres.freshDatabase("version_scan");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String schema : List.of("t1", "t2", "t3")) {
                s.execute("CREATE SCHEMA " + schema);
            }
            for (String schema : List.of("t1", "t2")) {
                s.execute("CREATE TABLE " + schema + ".migrate_version (version_num varchar(64) PRIMARY KEY)");
                s.execute("CREATE TABLE " + schema + ".migrate_history (id bigint GENERATED ALWAYS AS IDENTITY, "
                        + "revision varchar(64), direction text, checksum text)");
            }
            s.execute("INSERT INTO t1.migrate_version VALUES ('b')");
            s.execute("INSERT INTO t1.migrate_history (revision, direction, checksum) VALUES "
                    + "('a', 'upgrade', 'old-a'), ('a', 'upgrade', 'new-a'), ('b', 'upgrade', 'sum-b'), "
                    + "('b', 'downgrade', 'down-b')");
            s.execute("INSERT INTO t2.migrate_version VALUES ('x'), ('y')");

            Map<String, VersionScan.Tables> withChecksums =
                    VersionScan.read(c, List.of("t1", "t2", "t3"), "migrate_version", "migrate_history");
            Map<String, VersionScan.Tables> versionsOnly =
                    VersionScan.read(c, List.of("t1", "t2", "t3"), "migrate_version", null);

            assertThat(requireNonNull(withChecksums.get("t1")).versions()).containsExactly("b");
            // the latest upgrade of each revision
            assertThat(requireNonNull(withChecksums.get("t1")).checksums())
                    .isEqualTo(Map.of("a", "new-a", "b", "sum-b"));
            assertThat(requireNonNull(withChecksums.get("t2")).versions()).isEqualTo(Set.of("x", "y"));
            assertThat(requireNonNull(withChecksums.get("t3")).versions()).isEmpty();

            for (String schema : List.of("t1", "t2", "t3")) {
                assertThat(requireNonNull(versionsOnly.get(schema)).versions())
                        .isEqualTo(requireNonNull(withChecksums.get(schema)).versions());
                assertThat(versionsOnly.get(schema).checksums()).isEmpty();
            }
        }
    }
}
