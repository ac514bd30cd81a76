package dev.migrate.autogen.drift;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.TestThrowaways;
import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.op.Rows;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift of the declared tables' rows: a row changed, added or removed by hand in a live database is reported by
 * key, and the SQL drift writes puts it back; a column the file does not declare is the application's, no drift.
 */
class RowsDriftTest {
    @Revision(id = "r1", message = "plans")
    public static class Plans implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "plans",
                    column("tier", "text").primaryKey(),
                    column("price", "numeric(8,2)").notNull(),
                    column("seen", "integer"));
            op.insertRows(
                    "plans",
                    Rows.keyedBy("tier")
                            .columns("tier", "price")
                            .row("free", "0")
                            .row("pro", "9.90")
                            .row("team", "29"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("plans");
        }
    }

    @TempDir
    Path project;

    @Test
    void aRowChangedAddedOrRemovedByHandIsDriftAndItsSqlPutsItBack() throws Exception {
        DataSource database = TestPostgres.freshDatabase("rows_drift");
        chain(database).upgrade("heads");
        execute(
                database,
                "UPDATE plans SET price = 12, seen = 3 WHERE tier = 'pro'",
                "INSERT INTO plans VALUES ('gold', 99, NULL)",
                "DELETE FROM plans WHERE tier = 'free'",
                "UPDATE plans SET seen = 7 WHERE tier = 'team'");

        DriftReport report = drift(database);

        assertThat(report.differences())
                .containsExactly(
                        "1 row of public.plans (tier free): the chain has it, the database does not",
                        "1 row of public.plans (tier pro): the database has price '12.00', the chain says '9.90'",
                        "1 row of public.plans (tier gold): the database has it, the chain does not");
        List<String> sql = report.sql();
        assertThat(sql)
                .contains(
                        "INSERT INTO plans (tier, price) OVERRIDING SYSTEM VALUE VALUES\n    ('free', '0.00')",
                        "UPDATE plans SET price = '9.90' WHERE tier = 'pro'",
                        "DELETE FROM plans WHERE tier IN ('gold')");
        assertThat(report.accepting().descriptions())
                .as("the migration that accepts the drift goes the other way")
                .containsExactly(
                        "added 1 row of public.plans (tier gold)",
                        "1 row of public.plans (tier pro): price '9.90' -> '12.00'",
                        "removed 1 row of public.plans (tier free)");
        execute(database, sql.toArray(String[]::new));
        assertThat(rows(database, "SELECT tier || '=' || price || '/' || coalesce(seen, 0) FROM plans ORDER BY tier"))
                .as("the declared columns back, the others as the application left them")
                .containsExactly("free=0.00/0", "pro=9.90/3", "team=29.00/7");
        assertThat(drift(database).inSync()).isTrue();
    }

    private DriftReport drift(DataSource database) throws Exception {
        Path data = Files.createDirectories(project.resolve("data"));
        Files.writeString(data.resolve("plans.csv"), "tier,price\nfree,0\npro,9.90\nteam,29\n");
        DriftRequest request = new DriftRequest(
                        chain(database),
                        "public",
                        List.of(),
                        "migrate_version",
                        "migrate_history",
                        Optional.of(project.resolve("replays")))
                .comparingRows(DeclaredRows.in(data, "db/data", "public").inContexts(Set.of()), 100);
        return Drift.of(request, "the database", database, new TestThrowaways(null), line -> {});
    }

    private static Migrator chain(DataSource database) {
        return Migrator.builder()
                .dataSource(database)
                .migrations(Plans.class)
                .log(new dev.migrate.MigrationLog() {
                    @Override
                    public void info(String line) {}

                    @Override
                    public void warn(String line) {}
                })
                .build();
    }

    private static void execute(DataSource database, String... statements) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
