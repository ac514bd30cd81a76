package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revisions limited to contexts (test-only seed rows): left out of a run without their context, which records them
 * as skipped, and applied by a later run given one, while the chain goes on without them; and the graph refuses a
 * revision that runs everywhere after one that does not. Liquibase's contexts are the model ({@code context="test"}
 * on a changeset runs only under {@code --contexts=test}); unlike Liquibase, a run given no context runs none of
 * the limited revisions, as Flyway users asked for (flyway#271).
 */
class ContextsTest {
    @Revision(id = "c1", message = "create countries")
    public static class C1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("countries", column("code", "text").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("countries");
        }
    }

    @Revision(id = "t1", revises = "c1", message = "test countries", contexts = "test")
    public static class T1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("INSERT INTO countries VALUES ('XX')");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DELETE FROM countries WHERE code = 'XX'");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "add name")
    public static class C2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("countries", column("name", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("countries", "name");
        }
    }

    /** Runs everywhere, yet follows a test-only revision. */
    @Revision(id = "c3", revises = "t1", message = "follows the test rows")
    public static class C3 implements Migration {
        @Override
        public void upgrade(Operations op) {}

        @Override
        public void downgrade(Operations op) {}
    }

    private DataSource database;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.freshDatabase("contexts");
    }

    @Test
    void aRunWithoutTheContextLeavesTheRevisionOutAndRecordsItSkipped() throws SQLException {
        List<String> lines = new ArrayList<>();
        Migrator plain = migrator(lines);
        plain.upgrade("head");

        assertThat(plain.heads()).containsExactly("c2");
        assertThat(plain.current()).extracting(CurrentRevision::id).containsExactly("c2");
        assertThat(rows("SELECT count(*) FROM countries")).containsExactly("0");
        assertThat(rows("SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("c1 upgrade", "c2 upgrade", "t1 skipped");
        assertThat(lines)
                .anyMatch(line -> line.startsWith(
                        "Skipped t1, test countries: it runs only in the context test, which this run is not given."));

        plain.upgrade("head");
        assertThat(rows("SELECT count(*) FROM migrate_history WHERE direction = 'skipped'"))
                .as("skipped once")
                .containsExactly("1");
        plain.assertUpToDate();
        assertThat(MigratorTools.of(plain).currentReport(false))
                .contains("Skipped here: t1 (test countries), which runs only in the context test: a run given it"
                        + " applies it.");
    }

    @Test
    void aLaterRunInTheContextAppliesItAndARunWithoutItStillSeesTheChainAtHead() throws SQLException {
        migrator(new ArrayList<>()).upgrade("head");

        Migrator test = migrator(new ArrayList<>(), "test");
        assertThat(test.heads()).containsExactlyInAnyOrder("c2", "t1");
        test.upgrade("heads");
        assertThat(rows("SELECT code FROM countries")).containsExactly("XX");
        assertThat(test.current()).extracting(CurrentRevision::id).containsExactlyInAnyOrder("c2", "t1");
        test.assertUpToDate();

        // the run without the context: the test branch is not its own, and its chain is at head
        Migrator plain = migrator(new ArrayList<>());
        assertThat(plain.current()).extracting(CurrentRevision::id).containsExactly("c2");
        assertThat(MigratorTools.of(plain).currentReport(false))
                .as("applied since it was skipped")
                .noneMatch(line -> line.startsWith("Skipped here"));
        plain.upgrade("head");
        plain.assertUpToDate();
    }

    @Test
    void aRevisionThatRunsEverywhereCannotFollowOneLimitedToAContext() {
        assertThatThrownBy(() -> Migrator.builder()
                        .dataSource(database)
                        .migrations(C1.class, T1.class, C3.class)
                        .contexts("test")
                        .build())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Revision c3 (" + C3.class.getName() + ") revises t1, which runs only in the "
                        + "context test, but runs in every context")
                .hasMessageContaining("Give c3 contexts within test (@Revision(contexts = ...))");
    }

    private Migrator migrator(List<String> lines, String... contexts) {
        return Migrator.builder()
                .dataSource(database)
                .migrations(C1.class, T1.class, C2.class)
                .contexts(contexts)
                .log(new MigrationLog() {
                    @Override
                    public void info(String message) {
                        lines.add(message);
                    }

                    @Override
                    public void warn(String message) {
                        lines.add(message);
                    }
                })
                .build();
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
