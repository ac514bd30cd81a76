package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.autogen.data.DeclaredTable;
import dev.migrate.autogen.drift.AcceptedRows;
import dev.migrate.autogen.drift.Drift;
import dev.migrate.autogen.drift.DriftRequest;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.op.Rows;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accepting the drift of declared rows edits their files, so that the next {@code check} finds nothing: a row
 * changed by hand, one added and one removed, in a {@code .csv} and a {@code .sql} file; the lines the change does
 * not concern, their order, quoting and comments stay as written. A file whose key is an expression is left to its
 * author, with the reason.
 */
class AcceptedRowsTest {
    @Revision(id = "p1", message = "plans")
    public static class Plans implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "plans",
                    column("tier", "text").primaryKey(),
                    column("price", "numeric(8,2)").notNull());
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
                    a CSV file, quoting kept | plans.csv \
                        | tier,price\\r\\nfree,0\\r\\n\\"pro\\",9.90\\r\\nteam,29\\r\\n \
                        | tier,price\\r\\n\\"pro\\",12.00\\r\\nteam,29\\r\\ngold,99.00\\r\\n
                    a .sql file, a comment kept | plans.sql \
                        | -- what we sell\\nINSERT INTO plans (tier, price) VALUES\\n    ('free', 0), -- the trial\\n    ('pro', 9.90),\\n    ('team', '29');\\n \
                        | -- what we sell\\nINSERT INTO plans (tier, price) VALUES\\n    ('pro', 12.00),\\n    ('team', '29');\\nINSERT INTO plans (tier, price) VALUES ('gold', 99.00);\\n
                    a .sql file's only row | plans.sql \
                        | INSERT INTO plans (tier, price) VALUES ('free', 0);\\nINSERT INTO plans (tier, price) VALUES ('team', 29), ('pro', '9.90');\\n \
                        | INSERT INTO plans (tier, price) VALUES ('team', 29), ('pro', '12.00');\\nINSERT INTO plans (tier, price) VALUES ('gold', 99.00);\\n
                    """)
    void aRowChangedByHandThenAcceptedLeavesNothingForCheck(String what, String file, String before, String after)
            throws Exception {
        String text = unescape(before);
        DataSource database = TestPostgres.freshDatabase("accepted_rows_" + what.replaceAll("[^a-z]", ""));
        chain(database).upgrade("heads");
        Path data = Files.createDirectories(project.resolve("data"));
        Files.writeString(data.resolve(file), text);
        try (Connection c = database.getConnection()) {
            SqlRows.execute(c, "UPDATE plans SET price = 12 WHERE tier = 'pro'");
            SqlRows.execute(c, "INSERT INTO plans VALUES ('gold', 99)");
            SqlRows.execute(c, "DELETE FROM plans WHERE tier = 'free'");
            assertThat(check(c, data).descriptions())
                    .as("before: the file says what the chain has")
                    .hasSize(3);

            DriftReport report = drift(database, data);
            AcceptedRows accepted = AcceptedRows.of(report.accepting(), tables(data), "public");
            assertThat(accepted.refusals()).isEmpty();
            accepted.write();

            assertThat(Files.readString(data.resolve(file))).isEqualTo(unescape(after));
            // the accepting migration makes the chain's rows the database's: check compares the file with them
            assertThat(check(c, data).descriptions()).isEmpty();
        }
    }

    @Test
    void aFileWhoseKeyIsAnExpressionIsLeftToItsAuthorWithTheReason() throws Exception {
        DataSource database = TestPostgres.freshDatabase("accepted_rows_refused");
        chain(database).upgrade("heads");
        Path data = Files.createDirectories(project.resolve("data"));
        String text = "INSERT INTO plans (tier, price) VALUES (lower('FREE'), 0), ('pro', 9.90), ('team', 29);\n";
        Files.writeString(data.resolve("plans.sql"), text);
        try (Connection c = database.getConnection()) {
            SqlRows.execute(c, "UPDATE plans SET price = 12 WHERE tier = 'pro'");
        }
        AcceptedRows accepted = AcceptedRows.of(drift(database, data).accepting(), tables(data), "public");
        assertThat(accepted.edits()).isEmpty();
        assertThat(accepted.refusals())
                .containsExactly("db/data/plans.sql:1:41 spells the key tier as an expression"
                        + " (lower('FREE')), which migrate does not evaluate to find the row.");
        accepted.write();
        assertThat(Files.readString(data.resolve("plans.sql"))).isEqualTo(text);
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n").replace("\\\"", "\"");
    }

    private static List<DeclaredTable> tables(Path data) {
        return DeclaredRows.in(data, "db/data", "public").inContexts(Set.of());
    }

    private static MigrationScript check(Connection c, Path data) {
        return new RowsComparison(c, "public", 100)
                .compare(MigrationScript.empty(), tables(data))
                .everywhere();
    }

    private DriftReport drift(DataSource database, Path data) {
        DriftRequest request = new DriftRequest(
                        chain(database),
                        "public",
                        List.of(),
                        "migrate_version",
                        "migrate_history",
                        Optional.of(project.resolve("replays")))
                .comparingRows(tables(data), 100);
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
}
