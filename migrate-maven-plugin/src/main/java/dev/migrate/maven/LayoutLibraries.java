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
 * The pictures' layout library (Eclipse ELK, with EMF and Guava), added to this plugin's class realm
 * when {@code migrate:diagram} first draws. {@code migrate-pictures} declares it optional, so no
 * other goal has it in its realm: Maven would otherwise collect its poms, open its dozen jars and
 * scan their 4,000 entries before every goal of this plugin, {@code current} and {@code upgrade}
 * included. It is resolved as any dependency is (the project's plugin repositories, mirrors, offline
 * mode and the local repository apply).
 */
final class LayoutLibraries {
    /** A class of the layout library: loadable once the realm has it. */
    static final String PROBE = "org.eclipse.elk.alg.layered.options.LayeredOptions";

    private static final String PICTURES = "migrate-pictures";

    private LayoutLibraries() {}

    /**
     * Adds to {@code plugin}'s realm what {@code migrate-pictures} needs and the realm lacks; nothing
     * when it can already load the layout library (a diagram drawn earlier in the same build).
     */
    static void addTo(
            PluginDescriptor plugin,
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories) {
        ClassRealm realm = plugin.getClassRealm();
        if (loadable(realm)) {
            return;
        }
        Artifact pictures = new DefaultArtifact(plugin.getGroupId(), PICTURES, "jar", plugin.getVersion());
        CollectRequest collect = new CollectRequest(new Dependency(pictures, "runtime"), repositories);
        List<ArtifactResult> resolved;
        try {
            resolved = system.resolveDependencies(session, new DependencyRequest(collect, null))
                    .getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new MigrateException(
                    "Could not resolve the layout library the diagram is drawn with (Eclipse ELK, the optional "
                            + "dependencies of " + pictures + "): " + e.getMessage()
                            + " Check the network or repository mirror; offline (-o), run migrate:diagram once "
                            + "online first.",
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
            throw new MigrateException("The layout library the diagram is drawn with is not in the dependencies of "
                    + pictures + " as resolved (" + resolved.size() + " artifacts, no " + PROBE
                    + "): the local repository may hold a damaged copy; delete its org/eclipse/elk directory and "
                    + "run again.");
        }
    }

    private static boolean loadable(ClassLoader realm) {
        try {
            Class.forName(PROBE, false, realm);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
