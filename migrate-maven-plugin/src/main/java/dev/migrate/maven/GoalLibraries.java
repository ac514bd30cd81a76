package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Libraries that one goal adds to this plugin's class realm when it first runs, so that no other goal has them in its
 * realm: Maven would otherwise collect their poms, open their jars and scan their entries before every goal of this
 * plugin, {@code current} and {@code upgrade} included. Each is resolved as any dependency is (the project's plugin
 * repositories, mirrors, offline mode and the local repository apply).
 *
 * <pre>{@code
 * GoalLibraries.LAYOUT.addTo(plugin, repositorySystem, session.getRepositorySession(), repositories);
 * }</pre>
 *
 * @param artifactId the module of this plugin's group, at its version, whose dependencies the goal needs
 * @param probe a class loadable once the realm has them
 * @param what what they are, for a message; {@code %s} stands for the module's coordinates
 * @param goal the goal that adds them
 * @param directory where the local repository keeps them, for a message about a damaged copy
 */
record GoalLibraries(String artifactId, String probe, String what, String goal, String directory) {
    /**
     * The pictures' layout library (Eclipse ELK, with EMF and Guava), which {@code migrate-pictures} declares
     * optional: added when {@code migrate:diagram} first draws.
     */
    static final GoalLibraries LAYOUT = new GoalLibraries(
            "migrate-pictures",
            "org.eclipse.elk.alg.layered.options.LayeredOptions",
            "the layout library the diagram is drawn with (Eclipse ELK, the optional dependencies of %s)",
            "migrate:diagram",
            "org/eclipse/elk");

    /**
     * The MCP server ({@code migrate-mcp}, with the MCP Java SDK, Jackson 3, Reactor and Tomcat: 14 jars, 8% of
     * a short goal's processor time while every goal had them): added when {@code migrate:mcp} starts.
     */
    static final GoalLibraries MCP_SERVER = new GoalLibraries(
            "migrate-mcp",
            "io.modelcontextprotocol.server.McpServer",
            "the MCP server (%s, with the MCP Java SDK and Tomcat)",
            "migrate:mcp",
            "io/modelcontextprotocol");

    /**
     * Adds to {@code plugin}'s realm what the module needs and the realm lacks; nothing when it can already load
     * the probe (the goal ran earlier in the same build).
     */
    void addTo(
            PluginDescriptor plugin,
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories) {
        ClassRealm realm = plugin.getClassRealm();
        if (loadable(realm)) {
            return;
        }
        Artifact module = new DefaultArtifact(plugin.getGroupId(), artifactId, "jar", plugin.getVersion());
        String described = String.format(what, module);
        CollectRequest collect = new CollectRequest(new Dependency(module, "runtime"), repositories);
        List<ArtifactResult> resolved;
        try {
            resolved = system.resolveDependencies(session, new DependencyRequest(collect, null))
                    .getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new MigrateException(
                    "Could not resolve " + described + ": " + e.getMessage()
                            + " Check the network or repository mirror; offline (-o), run " + goal
                            + " once online first.",
                    e);
        }
        Set<String> inRealm = plugin.getArtifacts().stream()
                .map(a -> a.getGroupId() + ":" + a.getArtifactId())
                .collect(Collectors.toSet());
        for (ArtifactResult result : resolved) {
            Artifact artifact = result.getArtifact();
            if (!inRealm.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())) {
                try {
                    realm.addURL(artifact.getFile().toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new MigrateException(
                            "The jar " + artifact.getFile() + " of " + artifact
                                    + " cannot be put on the plugin's class path: " + e.getMessage(),
                            e);
                }
            }
        }
        if (!loadable(realm)) {
            throw new MigrateException(capitalized(described) + " is not in the dependencies of " + module
                    + " as resolved (" + resolved.size() + " artifacts, no " + probe
                    + "): the local repository may hold a damaged copy; delete its " + directory
                    + " directory and run again.");
        }
    }

    private boolean loadable(ClassLoader realm) {
        try {
            Class.forName(probe, false, realm);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
