package dev.migrate.command.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.run.MigrationSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the lint starts judging: unset, base, a pull request's base branch, and a ref outside git. */
class LintSinceTest {
    private static final Migrator NONE = Migrator.builder().build();

    @Test
    void unsetOrBaseJudgesEverything(@TempDir Path dir) {
        List<String> log = new ArrayList<>();
        MigrationSources sources = new MigrationSources(dir, List.of(dir));
        assertThat(LintSince.of(null, Map.of()).judged(NONE, sources, dir, log::add))
                .isEmpty();
        assertThat(LintSince.of("base", Map.of("GITHUB_BASE_REF", "main")).judged(NONE, sources, dir, log::add))
                .isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void aPullRequestBuildDefaultsToItsBaseBranchAndOutsideGitSaysSo(@TempDir Path dir) {
        MigrationSources sources = new MigrationSources(dir, List.of(dir));
        assertThatThrownBy(() ->
                        LintSince.of(null, Map.of("GITHUB_BASE_REF", "main")).judged(NONE, sources, dir, line -> {}))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("-Dmigrate.lintSince=origin/main (from GITHUB_BASE_REF)")
                .hasMessageContaining("is not inside a git repository");
    }
}
