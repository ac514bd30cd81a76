package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code sqlCheck} guard compares what Liquibase 4.33's {@code SqlPrecondition.check} compares: the query's one
 * value as the JDBC driver's {@code getString} returns it (PostgreSQL's text of the value: {@code t} for a true
 * boolean, a {@code char(5)} padded), a null value failing; no row, or more than one, is an error that the block's
 * {@code onError} decides ({@code JdbcUtil.requiredSingleResult}). Liquibase's own {@code SqlPreconditionTest} covers
 * parsing only; these are the siblings of its check, each run beside Liquibase's update of the same changelog.
 */
class LiquibaseSqlCheckTest {
    private static final Pattern CHANGESET = Pattern.compile("changeset (\\S+) by");

    private static ToolLoader liquibase;
    private static ImportedLiquibaseChain chain;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        chain = ImportedLiquibaseChain.of(
                liquibase,
                LiquibaseProject.of(
                        Path.of("src/test/resources/liquibase/sqlcheck").toAbsolutePath(), "sqlcheck.xml"),
                "db.imported.sqlcheck",
                work);
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void eachChangeSetRunsOrIsMarkedRanAsLiquibaseDecides() throws SQLException {
        String theirs = chain.createDatabase("sqlcheck_liquibase");
        chain.updateWithLiquibase(theirs, LiquibaseUpdate.Stop.all());
        Map<String, String> liquibaseDecided = new LinkedHashMap<>();
        for (String row : rows(
                TestPostgres.dataSource(theirs),
                "SELECT id || ' ' || exectype FROM databasechangelog ORDER BY orderexecuted")) {
            int space = row.indexOf(' ');
            liquibaseDecided.put(
                    row.substring(0, space), row.substring(space + 1).equals("EXECUTED") ? "upgrade" : "marked");
        }
        assertThat(liquibaseDecided)
                .containsExactly(
                        Map.entry("person", "upgrade"),
                        Map.entry("boolean-t", "upgrade"),
                        Map.entry("boolean-true", "marked"),
                        Map.entry("boolean-f", "upgrade"),
                        Map.entry("no-row-error-warn", "upgrade"),
                        Map.entry("no-row-error-mark-ran", "marked"),
                        Map.entry("two-rows-error-mark-ran", "marked"),
                        Map.entry("null-value", "marked"),
                        Map.entry("char-padded", "marked"),
                        Map.entry("numeric-scale", "upgrade"),
                        Map.entry("date", "upgrade"),
                        Map.entry("count-semicolon", "upgrade"));

        DataSource fresh = chain.freshUpgraded();
        Map<String, String> ours = new LinkedHashMap<>();
        for (String row : rows(fresh, "SELECT direction || ' ' || message FROM migrate_history ORDER BY id")) {
            Matcher m = CHANGESET.matcher(row);
            assertThat(m.find()).as(row).isTrue();
            ours.put(m.group(1), row.substring(0, row.indexOf(' ')));
        }
        assertThat(ours).isEqualTo(liquibaseDecided);
        assertThat(TestTools.differences(TestPostgres.dataSource(theirs), fresh, ImportedLiquibaseChain.OLD_TABLES))
                .isEmpty();
    }

    @Test
    void theProofFindsNoDifferenceAndDatabasesMoveInAtThreePoints(@TempDir Path work) throws SQLException {
        List<String> differences = new ImportProof("public", ImportedLiquibaseChain.OLD_TABLES)
                .prove(
                        TestTools.liquibase(liquibase, chain.project()),
                        TestPostgres.freshDatabase("sqlcheck_proof_old"),
                        chain.revisions(),
                        chain.packageName(),
                        List.of(),
                        work,
                        TestPostgres.freshDatabase("sqlcheck_proof_ours"))
                .differences();
        assertThat(differences).isEmpty();

        DataSource fresh = chain.freshUpgraded();
        for (int count : List.of(2, 7, 100)) {
            chain.movesInAndEndsAs(fresh, chain.liquibaseDatabase(count));
        }
    }
}
