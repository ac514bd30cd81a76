package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.artifact.versioning.VersionRange;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoalLibrariesTest {
    @TempDir
    Path directory;

    private final List<DependencyRequest> asked = new ArrayList<>();

    @Test
    void aLayoutLibraryThatCannotBeResolvedIsNamedWithTheFix() throws Exception {
        PluginDescriptor plugin = plugin("migrate-engine");
        RepositorySystem failing = system(request -> {
            throw new DependencyResolutionException(
                    new DependencyResult(request),
                    "Could not find artifact org.eclipse.elk:org.eclipse.elk.core:jar:0.10.0",
                    null);
        });

        assertThatThrownBy(() -> GoalLibraries.LAYOUT.addTo(plugin, failing, session(), List.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessage("Could not resolve the layout library the diagram is drawn with (Eclipse ELK, the optional "
                        + "dependencies of dev.migrate:migrate-pictures:jar:1.2.3): Could not find artifact "
                        + "org.eclipse.elk:org.eclipse.elk.core:jar:0.10.0 Check the network or repository mirror; "
                        + "offline (-o), run migrate:diagram once online first.");
        CollectRequest collect = asked.get(0).getCollectRequest();
        assertThat(collect.getRoot().getArtifact().toString()).isEqualTo("dev.migrate:migrate-pictures:jar:1.2.3");
        assertThat(collect.getRoot().getScope()).isEqualTo("runtime");
    }

    @Test
    void theMcpServerIsResolvedFromItsModuleAndNamedWithTheFixWhenItCannotBe() throws Exception {
        PluginDescriptor plugin = plugin("migrate-engine", "migrate-commands");
        RepositorySystem failing = system(request -> {
            throw new DependencyResolutionException(
                    new DependencyResult(request),
                    "Could not find artifact io.modelcontextprotocol.sdk:mcp:jar:2.1.0",
                    null);
        });

        assertThatThrownBy(() -> GoalLibraries.MCP_SERVER.addTo(plugin, failing, session(), List.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessage("Could not resolve the MCP server (dev.migrate:migrate-mcp:jar:1.2.3, with the MCP Java SDK"
                        + " and Tomcat): Could not find artifact io.modelcontextprotocol.sdk:mcp:jar:2.1.0 Check the"
                        + " network or repository mirror; offline (-o), run migrate:mcp once online first.");
        CollectRequest collect = asked.get(0).getCollectRequest();
        assertThat(collect.getRoot().getArtifact().toString()).isEqualTo("dev.migrate:migrate-mcp:jar:1.2.3");
        assertThat(collect.getRoot().getScope()).isEqualTo("runtime");
    }

    @Test
    void aDamagedCopyOfTheMcpServerNamesTheDirectoryToDelete() throws Exception {
        PluginDescriptor plugin = plugin("migrate-engine");
        File mcp = jar("migrate-mcp.jar");
        RepositorySystem resolving = system(request -> {
            DependencyResult result = new DependencyResult(request);
            result.setArtifactResults(
                    List.of(resolved(new DefaultArtifact("dev.migrate:migrate-mcp:1.2.3").setFile(mcp))));
            return result;
        });

        assertThatThrownBy(() -> GoalLibraries.MCP_SERVER.addTo(plugin, resolving, session(), List.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessage("The MCP server (dev.migrate:migrate-mcp:jar:1.2.3, with the MCP Java SDK and Tomcat) is"
                        + " not in the dependencies of dev.migrate:migrate-mcp:jar:1.2.3 as resolved (1 artifacts, no"
                        + " io.modelcontextprotocol.server.McpServer): the local repository may hold a damaged copy;"
                        + " delete its io/modelcontextprotocol directory and run again.");
        assertThat(Arrays.asList(plugin.getClassRealm().getURLs()))
                .containsExactly(mcp.toURI().toURL());
    }

    @Test
    void onlyWhatTheRealmLacksIsAddedToIt() throws Exception {
        PluginDescriptor plugin = plugin("migrate-engine");
        File engine = jar("migrate-engine.jar");
        File elk = jar("org.eclipse.elk.core.jar");
        RepositorySystem resolving = system(request -> {
            DependencyResult result = new DependencyResult(request);
            result.setArtifactResults(List.of(
                    resolved(new DefaultArtifact("dev.migrate:migrate-engine:1.2.3").setFile(engine)),
                    resolved(new DefaultArtifact("org.eclipse.elk:org.eclipse.elk.core:0.10.0").setFile(elk))));
            return result;
        });

        // the stand-in jar holds no ELK class, so the realm still cannot load it: said, after adding it
        assertThatThrownBy(() -> GoalLibraries.LAYOUT.addTo(plugin, resolving, session(), List.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("not in the dependencies of dev.migrate:migrate-pictures:jar:1.2.3 as resolved "
                        + "(2 artifacts, no " + GoalLibraries.LAYOUT.probe() + ")");
        assertThat(Arrays.asList(plugin.getClassRealm().getURLs()))
                .containsExactly(elk.toURI().toURL());
    }

    @Test
    void aRealmThatLoadsTheLayoutLibraryIsLeftAsItIs() throws Exception {
        PluginDescriptor plugin = plugin("migrate-engine");
        Path classes = compiledProbe();
        plugin.getClassRealm().addURL(classes.toUri().toURL());

        GoalLibraries.LAYOUT.addTo(
                plugin,
                system(request -> {
                    throw new AssertionError("resolved although the realm has the layout library");
                }),
                session(),
                List.of());

        assertThat(asked).isEmpty();
        assertThat(plugin.getClassRealm().getURLs())
                .containsExactly(classes.toUri().toURL());
    }

    private PluginDescriptor plugin(String... artifactsInRealm) throws Exception {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.migrate");
        plugin.setArtifactId("migrate-maven-plugin");
        plugin.setVersion("1.2.3");
        ClassRealm realm = new ClassWorld().newRealm("plugin>" + directory, null);
        plugin.setClassRealm(realm);
        List<org.apache.maven.artifact.Artifact> artifacts = new ArrayList<>();
        for (String artifactId : artifactsInRealm) {
            artifacts.add(new org.apache.maven.artifact.DefaultArtifact(
                    "dev.migrate",
                    artifactId,
                    VersionRange.createFromVersion("1.2.3"),
                    "runtime",
                    "jar",
                    null,
                    new DefaultArtifactHandler("jar")));
        }
        plugin.setArtifacts(artifacts);
        return plugin;
    }

    private File jar(String name) throws IOException {
        Path jar = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar)) {
            new JarOutputStream(out).close(); // an empty jar
        }
        return jar.toFile();
    }

    private static ArtifactResult resolved(org.eclipse.aether.artifact.Artifact artifact) {
        return new ArtifactResult(new ArtifactRequest()).setArtifact(artifact);
    }

    private interface Resolution {
        DependencyResult resolve(DependencyRequest request) throws DependencyResolutionException;
    }

    /** A repository system that answers dependency requests only, recording each. */
    private RepositorySystem system(Resolution resolution) {
        return (RepositorySystem) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RepositorySystem.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("resolveDependencies")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    DependencyRequest request = (DependencyRequest) args[1];
                    asked.add(request);
                    return resolution.resolve(request);
                });
    }

    private RepositorySystemSession session() {
        return (RepositorySystemSession) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RepositorySystemSession.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A class directory holding an empty class named as the layout library's probe, compiled here. */
    private Path compiledProbe() throws IOException {
        int dot = GoalLibraries.LAYOUT.probe().lastIndexOf('.');
        Path source =
                directory.resolve("src").resolve(GoalLibraries.LAYOUT.probe().substring(dot + 1) + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source,
                "package " + GoalLibraries.LAYOUT.probe().substring(0, dot) + "; public class "
                        + GoalLibraries.LAYOUT.probe().substring(dot + 1) + " {}");
        Path classes = directory.resolve("classes");
        int exit =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(exit).isZero();
        return classes;
    }
}
