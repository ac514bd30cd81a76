package dev.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A lint that judges only some revisions, as for the migrations a pull request adds: the others
 * replay without findings, so the judged one is measured on the tables and rows they built.
 */
class LintJudgingOnlyTest {

    @Revision(id = "r2", revises = "r1", message = "new index")
    public static class NewIndex implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE INDEX ix_small_id_code ON small (id, code)");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    private static final Migrator MIGRATIONS = Migrator.builder()
            .migrations(new TableSizeWeightingTest.Tables(), new TableSizeWeightingTest.Indexes(), new NewIndex())
            .lockTimeout(Duration.ofSeconds(5))
            .log(new MigrationLog() {
                @Override
                public void info(String line) {}

                @Override
                public void warn(String line) {}
            })
            .build();

    @Test
    void onlyTheJudgedRevisionHasFindingsWhileTheWholeChainReplays() {
        LintReport all = Lint.builder(MIGRATIONS)
                .database(TestPostgres.freshDatabase("lint_judging_all"))
                .build()
                .run("base:heads");
        assertThat(all.findings()).extracting(LintFinding::revision).contains("r1", "r2");

        LintReport judged = Lint.builder(MIGRATIONS)
                .database(TestPostgres.freshDatabase("lint_judging_new"))
                .judgingOnly(Set.of("r2"))
                .build()
                .run("base:heads");
        assertThat(judged.revisions()).containsExactly("r2");
        assertThat(judged.findings())
                .extracting(LintFinding::revision, f -> f.rule().id(), LintFinding::table, LintFinding::lock)
                .containsExactly(tuple("r2", "index-not-concurrent", "public.small", "ShareLock"));
    }
}
