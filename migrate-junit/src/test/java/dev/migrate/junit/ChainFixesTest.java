package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tests' migrators ask for a run given a setting as {@link MigrationChain} takes it (issue 86, defect 1: the
 * refusal to downgrade below a revision applied in a context named the plugin's {@code -Dmigrate.contexts}); a
 * setting the annotation has no element for keeps the plugin's spelling.
 */
class ChainFixesTest {
    @Test
    void aSettingOfTheAnnotationIsNamedAsItsElement() {
        assertThat(ChainFixes.INSTANCE.runGiven("contexts", "test")).isEqualTo("@MigrationChain(contexts = \"test\")");
        assertThat(ChainFixes.INSTANCE.runGiven("contexts", "dev,test"))
                .isEqualTo("@MigrationChain(contexts = {\"dev\", \"test\"})");
        assertThat(ChainFixes.INSTANCE.runGiven("versionTable", "app_version"))
                .isEqualTo("@MigrationChain(versionTable = \"app_version\")");
        assertThat(ChainFixes.INSTANCE.runGiven("lockTimeout", "5s")).isEqualTo("-Dmigrate.lockTimeout=5s");
    }
}
