package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.OldTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.jspecify.annotations.Nullable;

/**
 * What {@code migrate:import} takes of the old tool: its settings ({@code -Dmigrate.import.flyway.*},
 * {@code -Dmigrate.import.liquibase.*}, {@code <importSettings>}) and its jars, resolved as any dependency is (the
 * project's plugin repositories, mirrors, offline mode and the local repository apply) for a class loader of the
 * import's own, never added to this plugin's realm.
 */
final class OldToolSettings {
    private static final String PREFIX = "migrate.import.";

    private OldToolSettings() {}

    /**
     * {@code migrate.import.flyway.*} and {@code migrate.import.liquibase.*} are read by prefix (placeholders,
     * locations, the changelog): each is the import's as {@code migrate.import.from} is, for the name check.
     */
    static String asParameter(String property) {
        return property.startsWith(PREFIX + "flyway.") || property.startsWith(PREFIX + "liquibase.")
                ? PREFIX + "from"
                : property;
    }

    /** The pom's {@code <importSettings>}, then the command line's, without the {@code migrate.import.} prefix. */
    static Map<String, String> of(@Nullable Map<String, String> configured, Properties userProperties) {
        Map<String, String> settings = new HashMap<>();
        if (configured != null) {
            settings.putAll(configured);
        }
        for (String name : userProperties.stringPropertyNames()) {
            if (!asParameter(name).equals(name)) {
                settings.put(name.substring(PREFIX.length()), userProperties.getProperty(name));
            }
        }
        return settings;
    }

    /** The jars of {@code coordinates} and what they need. */
    static List<Path> jars(
            List<String> coordinates,
            OldTool tool,
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories) {
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinate), "runtime"));
        }
        collect.setRepositories(repositories);
        try {
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, new DependencyRequest(collect, null))
                    .getArtifactResults()) {
                jars.add(result.getArtifact().getFile().toPath());
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new MigrateException(
                    "Could not resolve " + tool.displayName() + " (" + coordinates + "), which the "
                            + "import reads and replays the old migrations with: " + e.getMessage()
                            + " Check the network or "
                            + "repository mirror; offline (-o), run the import once online first.",
                    e);
        }
    }
}
