package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.util.Collection;
import org.apache.maven.artifact.Artifact;

/**
 * The project's {@code migrate-engine} must be the plugin's own version: migrations compile against
 * the project's engine but run on the plugin's, so a mismatch fails at run time in ways that name
 * neither (a missing method, a checksum computed differently). Checked before anything runs.
 */
final class EngineVersionCheck {
    static final String GROUP_ID = "dev.migrate";
    static final String ENGINE = "migrate-engine";

    private EngineVersionCheck() {}

    /** Fails when the project depends on a {@code migrate-engine} of another version than {@code pluginVersion}. */
    static void verify(String pluginVersion, Collection<Artifact> projectArtifacts) {
        for (Artifact artifact : projectArtifacts) {
            if (GROUP_ID.equals(artifact.getGroupId())
                    && ENGINE.equals(artifact.getArtifactId())
                    && !pluginVersion.equals(artifact.getBaseVersion())) {
                throw new MigrateException("The project depends on " + ENGINE + " " + artifact.getBaseVersion()
                        + " but runs migrate-maven-plugin " + pluginVersion
                        + ": the migrations compile against one and run on the other. Use the same version for both,"
                        + " for example through one property such as <migrate.version>" + pluginVersion
                        + "</migrate.version>.");
            }
        }
    }
}
