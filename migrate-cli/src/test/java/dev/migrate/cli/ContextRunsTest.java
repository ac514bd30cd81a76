package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 86, defect 1, under the command line: a run given {@code --contexts test} must not take the version of the
 * runs that run everywhere. The chain {@code a -> b} runs everywhere and {@code c} revises {@code b} in the context
 * test only ({@code dev.migrate.cli.contexts}); one database goes through the runs users met. Before the fix, the
 * plain {@code current} after the run in the context said the database was at base, and the plain {@code upgrade}
 * ran {@code a} again and failed on the table it creates.
 */
class ContextRunsTest {
    private static final String PACKAGE = "dev.migrate.cli.contexts";

    @TempDir
    Path work;

    @Test
    void aRunInTheContextKeepsTheVersionOfThePlainRuns() throws SQLException {
        String database = TestPostgres.createDatabase("cli_contexts");
        DataSource data = TestPostgres.dataSource(database);
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";

        // (1) the run given the context applies the whole chain
        Run test = run("upgrade", "heads", "--url", url, "--packages", PACKAGE, "--contexts", "test");
        assertThat(test.code()).as(test.toString()).isZero();
        assertThat(rows(data, "SELECT code FROM currency")).containsExactly("XTS");
        Run testCurrent = run("current", "--url", url, "--packages", PACKAGE, "--contexts", "test", "--check-heads");
        assertThat(testCurrent.code()).as(testCurrent.toString()).isZero();
        assertThat(testCurrent.out()).contains("c (head)");

        // (2) the runs without it: at b, its head, with nothing to do and nothing run twice
        Run current = run("current", "--url", url, "--packages", PACKAGE);
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(current.out())
                .as(current.toString())
                .contains("b (head)")
                .doesNotContain("it is at base")
                .doesNotContain("c (");
        Run checked = run("current", "--url", url, "--packages", PACKAGE, "--check-heads");
        assertThat(checked.code()).as("up to date: " + checked).isZero();
        Run upgrade = run("upgrade", "--url", url, "--packages", PACKAGE);
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        assertThat(upgrade.out()).as(upgrade.toString()).contains("Nothing to do");
        assertThat(rows(data, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .as("one upgrade row per revision")
                .containsExactly("a upgrade", "b upgrade", "c upgrade");
        Run history = run("history", "--url", url, "--packages", PACKAGE);
        assertThat(history.code()).as(history.toString()).isZero();
        assertThat(history.out()).as(history.toString()).contains("a -> b (head) (current), add name");

        // (3) a plain downgrade to base is refused, naming c and the option that gives the context
        Run downgrade = run("downgrade", "base", "--url", url, "--packages", PACKAGE);
        assertThat(downgrade.code()).as(downgrade.toString()).isEqualTo(Cli.FAILED);
        assertThat(downgrade.err())
                .as(downgrade.toString())
                .contains(
                        "This downgrade would revert a, b, below c (test currencies), which this database applied in"
                                + " a run given the context test",
                        "Downgrade c first in a run given --contexts test, then run this downgrade again. Nothing was"
                                + " changed.")
                .doesNotContain("-Dmigrate.");
        assertThat(rows(data, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("b", "c");

        // the way out the message names, then the plain downgrade
        Run testDown = run("downgrade", "b", "--url", url, "--packages", PACKAGE, "--contexts", "test");
        assertThat(testDown.code()).as(testDown.toString()).isZero();
        Run down = run("downgrade", "base", "--url", url, "--packages", PACKAGE);
        assertThat(down.code()).as(down.toString()).isZero();
        assertThat(rows(data, "SELECT count(*) FROM migrate_version")).containsExactly("0");
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(Map.of(), o, e, work).run(args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> rows(DataSource data, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = data.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private record Run(int code, String out, String err) {}
}
