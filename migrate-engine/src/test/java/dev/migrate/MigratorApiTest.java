package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.graph.RevisionTarget;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.RoundTripCheck.Stage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The public surface of {@link Migrator} as a user calls it: URLs, the graph's queries and reports, round trips. */
class MigratorApiTest {
    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    @Revision(id = "a1", message = "create notes")
    public static class A1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("notes", column("id", "bigint").primaryKey(), column("body", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("notes");
        }
    }

    @Revision(id = "a2", revises = "a1", message = "add title", branchLabels = "titles")
    public static class A2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("notes", column("title", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("notes", "title");
        }
    }

    @Revision(id = "a3", revises = "a1", message = "add tags")
    public static class A3 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("tags", column("name", "text").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("tags");
        }
    }

    @Test
    void theLibpqUrlFormCarriesTheCredentials() throws Exception {
        String database = TestPostgres.createDatabase("api_url");
        execute(
                TestPostgres.dataSource(database),
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'note_writer') "
                        + "THEN CREATE ROLE note_writer LOGIN PASSWORD 'p@ss+word'; END IF; END $$",
                "GRANT ALL ON DATABASE " + database + " TO note_writer",
                "GRANT ALL ON SCHEMA public TO note_writer",
                "ALTER SCHEMA public OWNER TO note_writer");

        Migrator migrator = Migrator.builder()
                .url("postgresql://note_writer:p%40ss+word@localhost:" + TestPostgres.port() + "/" + database)
                .migrations(A1.class)
                .log(QUIET)
                .build();
        migrator.upgrade("head");

        assertThat(migrator.current()).containsExactly(new CurrentRevision("a1", "create notes", true));
        assertThat(query(TestPostgres.dataSource(database), "SELECT applied_by FROM migrate_history"))
                .containsExactly("note_writer");
    }

    @Test
    void explicitCredentialsFillInWhatTheUrlLeavesOut() throws Exception {
        String database = TestPostgres.createDatabase("api_url");
        Migrator migrator = Migrator.builder()
                .url("postgres://localhost:" + TestPostgres.port() + "/" + database, "postgres", null)
                .migrations(A1.class)
                .log(QUIET)
                .build();
        migrator.upgrade("head");
        assertThat(query(TestPostgres.dataSource(database), "SELECT applied_by FROM migrate_history"))
                .containsExactly("postgres");

        Migrator jdbc = Migrator.builder()
                .url(TestPostgres.jdbcUrl(database))
                .migrations(A1.class)
                .log(QUIET)
                .build();
        assertThat(jdbc.current()).extracting(CurrentRevision::id).containsExactly("a1");
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedWithTheFixAndWithoutThePassword() {
        assertThatThrownBy(() -> Migrator.builder().url("mysql://root:hunter2@localhost/app"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The database URL from Migrator.builder().url(...) is not a PostgreSQL URL")
                .hasMessageContaining("postgresql://user:password@host:port/database")
                .message()
                .doesNotContain("hunter2");
        assertThatThrownBy(() -> Migrator.builder().url("postgresql://app:hunter2@db.internal:54x2/app"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("the port '54x2' for the host db.internal, which is not a port number")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void theGraphIsReadThroughPublicValues() {
        Migrator migrator = Migrator.builder()
                .migrations(A1.class, A2.class, A3.class)
                .log(QUIET)
                .build();

        assertThat(migrator.revisions()).extracting(RevisionDetails::id).containsExactly("a1", "a2", "a3");
        assertThat(migrator.heads()).containsExactly("a2", "a3");
        RevisionDetails base = migrator.revisions().get(0);
        assertThat(base.isBase()).isTrue();
        assertThat(base.isBranchPoint()).isTrue();
        assertThat(base.children()).containsExactly("a2", "a3");
        assertThat(base.migrationClass()).isEqualTo(A1.class.getName());

        RevisionDetails titles = migrator.revision("titles@head");
        assertThat(titles)
                .isEqualTo(new RevisionDetails(
                        "a2",
                        List.of("a1"),
                        "add title",
                        List.of("titles"),
                        List.of(),
                        true,
                        A2.class.getName(),
                        List.of()));
        assertThat(titles.isHead()).isTrue();
        assertThat(titles.isMergePoint()).isFalse();
        assertThatThrownBy(() -> migrator.revision("heads"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("names several revisions");

        assertThat(MigratorTools.of(migrator).headsReport(false)).containsExactly("a2 (titles) (head)", "a3 (head)");
        assertThat(MigratorTools.of(migrator).branchesReport())
                .containsExactly(
                        "<base> -> a1 (branchpoint), create notes",
                        "   -> a2 (titles) (head), add title",
                        "   -> a3 (head), add tags");
        assertThat(MigratorTools.of(migrator).historyReport(null, false))
                .containsExactly(
                        "a1 -> a3 (head), add tags",
                        "a1 -> a2 (titles) (head), add title",
                        "<base> -> a1 (branchpoint), create notes");
        assertThat(MigratorTools.of(migrator).showReport(RevisionTarget.of("a3")))
                .startsWith("Revision ID: a3 (head)", "Revises: a1");
    }

    @Test
    void historyMarksTheCurrentRevisionsWhenThereIsADatabase() {
        DataSource db = TestPostgres.freshDatabase("api_history");
        Migrator migrator = Migrator.builder()
                .dataSource(db)
                .migrations(A1.class, A2.class, A3.class)
                .log(QUIET)
                .build();
        migrator.upgrade("a2");
        assertThat(MigratorTools.of(migrator).historyReport("a1:a2", false))
                .hasSize(2)
                .allMatch(line ->
                        line.matches(".* \\[applied \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ by \\w+ in \\d+ ms]"))
                .satisfies(lines -> {
                    assertThat(lines.get(0)).startsWith("a1 -> a2 (titles) (head) (current), add title [applied ");
                    assertThat(lines.get(1)).startsWith("<base> -> a1 (branchpoint), create notes [applied ");
                });
    }

    @Test
    void historySaysWhenByWhomAndHowLongEachRevisionWasAppliedAndWhichArePending() throws SQLException {
        DataSource db = TestPostgres.freshDatabase("api_history_applied");
        Migrator migrator = Migrator.builder()
                .dataSource(db)
                .migrations(A1.class, A2.class, A3.class)
                .log(QUIET)
                .build();
        migrator.upgrade("a2");
        migrator.downgrade("a1");
        migrator.upgrade("a2");
        execute(
                db,
                "UPDATE migrate_history SET applied_at = '2026-11-20 10:31:02.7+01', applied_by = 'deployer', "
                        + "duration_ms = 13 WHERE revision = 'a1'");
        execute(
                db,
                "UPDATE migrate_history SET applied_at = '2026-11-21 08:00:00+00', applied_by = 'old', "
                        + "duration_ms = 25340 WHERE revision = 'a2'");
        execute(
                db,
                "UPDATE migrate_history SET applied_at = '2026-11-22 08:00:00+00', applied_by = 'ci' "
                        + "WHERE id = (SELECT max(id) FROM migrate_history WHERE revision = 'a2')");

        assertThat(MigratorTools.of(migrator).historyReport(null, false))
                .containsExactly(
                        "a1 -> a3 (head), add tags [pending]",
                        "a1 -> a2 (titles) (head) (current), add title [applied 2026-11-22T08:00:00Z by ci in 25.3 s]",
                        "<base> -> a1 (branchpoint), create notes [applied 2026-11-20T09:31:02Z by deployer in 13 ms]");
        assertThat(MigratorTools.of(migrator).historyReport("a2", true))
                .contains("Revision ID: a2 (head) (current)", "Status: applied 2026-11-22T08:00:00Z by ci in 25.3 s");
        assertThat(MigratorTools.of(migrator).currentReport(false)).containsExactly("a2 (head)");
        assertThat(MigratorTools.of(migrator).currentReport(true))
                .startsWith("Revision ID: a2 (head) (current)")
                .contains("Status: applied 2026-11-22T08:00:00Z by ci in 25.3 s", "    add title");

        migrator.stamp("a3", false);
        assertThat(MigratorTools.of(migrator).historyReport(null, false))
                .first()
                .asString()
                .matches("a1 -> a3 \\(head\\) \\(current\\), add tags \\[stamped \\S+Z by \\w+]");
    }

    @Test
    void withoutADatabaseHistoryIsTheGraphAlone() {
        Migrator migrator = Migrator.builder().migrations(A1.class, A2.class).build();
        assertThat(MigratorTools.of(migrator).historyReport(null, false))
                .containsExactly("a1 -> a2 (titles) (head), add title", "<base> -> a1, create notes");
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aRoundTripVisitsEveryStageOfEveryRevisionParentsFirstAndEndsAtTheHeads() throws Exception {
        DataSource db = TestPostgres.freshDatabase("api_roundtrip");
        Migrator migrator = Migrator.builder()
                .dataSource(db)
                .migrations(A1.class, A2.class, A3.class)
                .log(QUIET)
                .build();
        List<String> seen = new ArrayList<>();
        MigratorTools.of(migrator).roundTrip((revision, stage) -> {
            try {
                seen.add(revision.id() + " " + stage + " " + versionRows(db));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // a3 is reverted alone: its sibling a2 stays applied
        assertThat(seen)
                .containsExactly(
                        "a1 BEFORE_UPGRADE []",
                        "a1 UPGRADED [a1]",
                        "a1 DOWNGRADED []",
                        "a1 UPGRADED_AGAIN [a1]",
                        "a2 BEFORE_UPGRADE [a1]",
                        "a2 UPGRADED [a2]",
                        "a2 DOWNGRADED [a1]",
                        "a2 UPGRADED_AGAIN [a2]",
                        "a3 BEFORE_UPGRADE [a2]",
                        "a3 UPGRADED [a2, a3]",
                        "a3 DOWNGRADED [a2]",
                        "a3 UPGRADED_AGAIN [a2, a3]");
        assertThat(migrator.current()).extracting(CurrentRevision::id).containsExactlyInAnyOrder("a2", "a3");
    }

    @Test
    void aCheckThatThrowsStopsTheRoundTrips() {
        DataSource db = TestPostgres.freshDatabase("api_roundtrip");
        Migrator migrator = Migrator.builder()
                .dataSource(db)
                .migrations(A1.class, A2.class)
                .log(QUIET)
                .build();
        assertThatThrownBy(() -> MigratorTools.of(migrator).roundTrip((revision, stage) -> {
                    if (stage == Stage.DOWNGRADED) {
                        throw new MigrateException("The downgrade of " + revision.id() + " differs.");
                    }
                }))
                .isInstanceOf(MigrateException.class)
                .hasMessage("The downgrade of a1 differs.");
        assertThat(migrator.current()).isEmpty();
    }

    @Test
    void aRoundTripNeedsADatabase() {
        Migrator offline = Migrator.builder().migrations(A1.class).log(QUIET).build();
        assertThatThrownBy(() -> MigratorTools.of(offline).roundTrip((revision, stage) -> {}))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("No database is configured for this migrator");
    }

    /** The version rows, or none before the first run has created the table. */
    private static List<String> versionRows(DataSource db) throws SQLException {
        if (query(db, "SELECT to_regclass('migrate_version') IS NOT NULL").equals(List.of("f"))) {
            return List.of();
        }
        return query(db, "SELECT version_num FROM migrate_version ORDER BY version_num");
    }

    private static void execute(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> query(DataSource ds, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
