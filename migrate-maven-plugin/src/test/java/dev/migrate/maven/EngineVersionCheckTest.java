package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class EngineVersionCheckTest {

    private static Artifact artifact(String groupId, String artifactId, String version) {
        return new DefaultArtifact(
                groupId, artifactId, version, "compile", "jar", null, new DefaultArtifactHandler("jar"));
    }

    @Test
    void theSameVersionPasses() {
        assertThatCode(() -> EngineVersionCheck.verify(
                        "0.2.0",
                        List.of(
                                artifact("dev.migrate", "migrate-engine", "0.2.0"),
                                artifact("org.postgresql", "postgresql", "42.7.14"))))
                .doesNotThrowAnyException();
    }

    @Test
    void aProjectWithoutTheEngineOnItsClasspathPasses() {
        assertThatCode(() -> EngineVersionCheck.verify(
                        "0.2.0", List.of(artifact("org.postgresql", "postgresql", "42.7.14"))))
                .doesNotThrowAnyException();
    }

    @Test
    void aTimestampedSnapshotMatchesItsSnapshotVersion() {
        assertThatCode(() -> EngineVersionCheck.verify(
                        "0.2.0-SNAPSHOT",
                        List.of(artifact("dev.migrate", "migrate-engine", "0.2.0-20261123.101500-3"))))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherEngineVersionIsRefusedWithBothVersionsAndTheFix() {
        assertThatThrownBy(() ->
                        EngineVersionCheck.verify("0.2.0", List.of(artifact("dev.migrate", "migrate-engine", "0.1.0"))))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("migrate-engine 0.1.0")
                .hasMessageContaining("migrate-maven-plugin 0.2.0")
                .hasMessageContaining("Use the same version for both");
    }
}
