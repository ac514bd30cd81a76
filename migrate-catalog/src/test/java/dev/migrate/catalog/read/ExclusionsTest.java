package dev.migrate.catalog.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionsTest {
    @Test
    void versionTablesAreExcludedInEverySchema() {
        Exclusions exclusions = Exclusions.versionTables();
        assertThat(exclusions.excludes("public", "migrate_version")).isTrue();
        assertThat(exclusions.excludes("app", "migrate_history")).isTrue();
        assertThat(exclusions.excludes("public", "migrate_versions")).isFalse();
    }

    @Test
    void patternWithoutDotMatchesTheBareName() {
        Exclusions exclusions = Exclusions.of(List.of("tmp_*", "log?"));
        assertThat(exclusions.excludes("any", "tmp_")).isTrue();
        assertThat(exclusions.excludes("any", "tmp_load")).isTrue();
        assertThat(exclusions.excludes("any", "log1")).isTrue();
        assertThat(exclusions.excludes("any", "log12")).isFalse();
        assertThat(exclusions.excludes("tmp_schema", "orders")).isFalse();
    }

    @Test
    void patternWithDotMatchesSchemaAndName() {
        Exclusions exclusions = Exclusions.none().and("audit.*", "public.legacy");
        assertThat(exclusions.excludes("audit", "events")).isTrue();
        assertThat(exclusions.excludes("public", "legacy")).isTrue();
        assertThat(exclusions.excludes("app", "legacy")).isFalse();
    }

    @Test
    void regexCharactersAreLiteralAndCaseCounts() {
        Exclusions exclusions = Exclusions.of(List.of("a+b", "Big"));
        assertThat(exclusions.excludes("s", "a+b")).isTrue();
        assertThat(exclusions.excludes("s", "aab")).isFalse();
        assertThat(exclusions.excludes("s", "big")).isFalse();
    }
}
