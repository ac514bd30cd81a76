package dev.migrate.lint;

import static dev.migrate.lint.LintRefusalTest.execute;
import static dev.migrate.lint.LintRefusalTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * With the table sizes of the database the migrations are headed for, a lock hazard on a small table
 * is information and on a large one an error; every finding on a table that database holds carries
 * its estimate, in the line and in the JSON report. The sizes are read from {@code pg_class} only.
 */
class TableSizeWeightingTest {

    @Revision(id = "r0", message = "tables")
    public static class Tables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE small (id bigint PRIMARY KEY, code text)");
            op.execute("CREATE TABLE large (id bigint PRIMARY KEY, code text, legacy text)");
            op.execute("CREATE TABLE unanalysed (id bigint PRIMARY KEY, code text)");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "r1", revises = "r0", message = "indexes")
    public static class Indexes implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE INDEX ix_small_code ON small (code)");
            op.execute("CREATE INDEX ix_large_code ON large (code)");
            op.execute("CREATE INDEX ix_unanalysed_code ON unanalysed (code)");
            op.execute("ALTER TABLE large DROP COLUMN legacy");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    private static final Migrator MIGRATIONS = Migrator.builder()
            .migrations(new Tables(), new Indexes())
            .lockTimeout(Duration.ofSeconds(5))
            .log(QUIET)
            .build();

    /** The database the migrations are headed for: r0 applied, 200 and 5,000 rows analysed, one table never. */
    private static DataSource production() {
        DataSource production = TestPostgres.freshDatabase("lint_sizes_production");
        Migrator.builder()
                .dataSource(production)
                .migrations(new Tables(), new Indexes())
                .log(QUIET)
                .build()
                .upgrade("r0");
        execute(
                production,
                "INSERT INTO small SELECT g, 'c' || g FROM generate_series(1, 200) g;"
                        + " INSERT INTO large SELECT g, 'c' || g, 'x' FROM generate_series(1, 5000) g;"
                        + " ANALYZE small; ANALYZE large");
        return production;
    }

    private static LintReport lint(TableSizes sizes, long largeTableRows) {
        return Lint.builder(MIGRATIONS)
                .database(TestPostgres.freshDatabase("lint_sizes"))
                .tableSizes(sizes)
                .largeTableRows(largeTableRows)
                .build()
                .run("r0:heads");
    }

    @Test
    void aHazardOnASmallTableIsInformationAndOnALargeOneAnError() throws SQLException {
        DataSource production = production();
        LintReport report = lint(TableSizes.read(production), 1_000);

        assertThat(report.findings())
                .extracting(f -> f.rule().id(), LintFinding::table, LintFinding::severity, LintFinding::estimatedRows)
                .containsExactly(
                        tuple("index-not-concurrent", "public.small", LintRule.Severity.INFO, 200L),
                        tuple("index-not-concurrent", "public.large", LintRule.Severity.ERROR, 5000L),
                        tuple("index-not-concurrent", "public.unanalysed", LintRule.Severity.ERROR, null),
                        tuple("backward-incompatible", "public.large", LintRule.Severity.WARNING, 5000L));
        assertThat(report.failing(LintRule.Severity.ERROR))
                .extracting(LintFinding::table)
                .containsExactly("public.large", "public.unanalysed");
        assertThat(report.findings().get(0).line())
                .startsWith(
                        "r1 (indexes): public.small (about 200 rows), ShareLock, scan: creates index ix_small_code");
        assertThat(report.toJson())
                .contains("\"rule\": \"index-not-concurrent\", \"severity\": \"info\", \"table\": \"public.small\","
                        + " \"estimatedRows\": 200,")
                .contains("\"severity\": \"error\", \"table\": \"public.unanalysed\", \"estimatedRows\": null,");

        assertThat(rows(production, "SELECT count(*) FROM small"))
                .as("only read")
                .containsExactly("200");
        assertThat(rows(production, "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ix_%'"))
                .isEmpty();
    }

    @Test
    void theDefaultThresholdIsAHundredThousandRows() {
        LintReport report = lint(
                TableSizes.of(java.util.Map.of("public.small", 99_999L, "public.large", 100_000L)),
                Lint.DEFAULT_LARGE_TABLE_ROWS);
        assertThat(Lint.DEFAULT_LARGE_TABLE_ROWS).isEqualTo(100_000);
        assertThat(report.findings())
                .extracting(LintFinding::table, LintFinding::severity)
                .startsWith(
                        tuple("public.small", LintRule.Severity.INFO), tuple("public.large", LintRule.Severity.ERROR));
    }

    @Test
    void withoutSizesEveryFindingKeepsItsRulesSeverity() {
        LintReport report = Lint.builder(MIGRATIONS)
                .database(TestPostgres.freshDatabase("lint_sizes_none"))
                .build()
                .run("r0:heads");
        assertThat(report.findings())
                .extracting(LintFinding::severity, LintFinding::estimatedRows)
                .containsExactly(
                        tuple(LintRule.Severity.ERROR, null),
                        tuple(LintRule.Severity.ERROR, null),
                        tuple(LintRule.Severity.ERROR, null),
                        tuple(LintRule.Severity.WARNING, null));
    }

    @Test
    void estimatesComeFromTheCatalogAndAPartitionedTableSumsItsPartitions() {
        DataSource production = production();
        execute(
                production,
                "CREATE TABLE parted (id int) PARTITION BY RANGE (id);"
                        + " CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (1000);"
                        + " CREATE TABLE parted_2 PARTITION OF parted FOR VALUES FROM (1000) TO (3000);"
                        + " INSERT INTO parted SELECT g FROM generate_series(1, 2500) g; ANALYZE parted_1; ANALYZE parted_2");
        TableSizes sizes = TableSizes.read(production);
        assertThat(sizes.estimatedRows("public.small")).isEqualTo(OptionalLong.of(200));
        assertThat(sizes.estimatedRows("public.parted"))
                .as("a partitioned table holds its partitions' rows")
                .isEqualTo(OptionalLong.of(2500));
        assertThat(sizes.estimatedRows("public.unanalysed")).isEmpty();
        assertThat(sizes.estimatedRows("public.missing")).isEmpty();
    }

    @Test
    void aReadOnlyDatabaseGivesItsSizes() {
        DataSource production = production();
        String name = rowsOrFail(production, "SELECT current_database()").get(0);
        execute(production, "ALTER DATABASE " + name + " SET default_transaction_read_only = on");
        assertThat(TableSizes.read(TestPostgres.dataSource(name)).estimatedRows("public.large"))
                .isEqualTo(OptionalLong.of(5000));
    }

    private static List<String> rowsOrFail(DataSource database, String sql) {
        try {
            return rows(database, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
