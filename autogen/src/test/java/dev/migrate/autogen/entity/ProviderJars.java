package dev.migrate.autogen.entity;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The jars of JPA providers at given versions, each with what it needs, resolved by Maven from Maven Central as
 * any dependency is: a generated project per version under {@code target/provider-jars}, and one run of
 * maven-dependency-plugin's {@code build-classpath} over them all (as migrate-import's tests get the old tools'
 * jars), whose classpath files serve the next runs while their jars are there.
 *
 * <p>The Maven of the build, its local repository and its dependency plugin's version reach the test JVM as system
 * properties (the module's surefire configuration). Maven reaches for the network only for jars the local repository
 * lacks, so an offline build whose repository has them all runs the matrix too.
 */
final class ProviderJars {
    private static final Path ROOT = Path.of("target", "provider-jars").toAbsolutePath();

    private ProviderJars() {}

    /** A provider at one version: {@code org.hibernate.orm:hibernate-core:6.2.49.Final}. */
    record Artifact(String group, String name, String version) {
        String directory() {
            return name + "-" + version;
        }

        @Override
        public String toString() {
            return group + ":" + name + ":" + version;
        }
    }

    /** The jars of each artifact, resolving with one Maven run those not resolved before. */
    static Map<Artifact, List<Path>> of(List<Artifact> artifacts) {
        List<Artifact> missing =
                artifacts.stream().filter(a -> read(a).isEmpty()).toList();
        if (!missing.isEmpty()) {
            resolve(missing);
        }
        Map<Artifact, List<Path>> jars = new LinkedHashMap<>();
        for (Artifact artifact : artifacts) {
            List<Path> found = read(artifact);
            if (found.isEmpty()) {
                throw new IllegalStateException("Maven resolved no jar for " + artifact + ": see " + log());
            }
            jars.put(artifact, found);
        }
        return jars;
    }

    /** The jars of the artifact's classpath file, or none when it is missing or names a jar that is gone. */
    private static List<Path> read(Artifact artifact) {
        Path file = ROOT.resolve(artifact.directory()).resolve("classpath.txt");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Path> jars = new ArrayList<>();
            for (String entry : Files.readString(file).strip().split(File.pathSeparator, -1)) {
                Path jar = Path.of(entry);
                if (entry.isBlank() || !Files.isRegularFile(jar)) {
                    return List.of();
                }
                jars.add(jar);
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path log() {
        return ROOT.resolve("maven.log");
    }

    private static void resolve(List<Artifact> artifacts) {
        StringBuilder modules = new StringBuilder();
        try {
            for (Artifact artifact : artifacts) {
                Path directory = Files.createDirectories(ROOT.resolve(artifact.directory()));
                Files.deleteIfExists(directory.resolve("classpath.txt"));
                Files.writeString(directory.resolve("pom.xml"), pom(artifact, artifact.directory()));
                modules.append("<module>").append(artifact.directory()).append("</module>");
            }
            Files.writeString(ROOT.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>dev.migrate.test</groupId>
                      <artifactId>provider-jars</artifactId>
                      <version>1</version>
                      <packaging>pom</packaging>
                      <modules>%s</modules>
                    </project>
                    """.formatted(modules));
            List<String> command = new ArrayList<>(
                    List.of(maven(), "-B", "-q", "-f", ROOT.resolve("pom.xml").toString()));
            String repository = System.getProperty("migrate.test.localRepository", "");
            if (!repository.isBlank()) {
                command.add("-Dmaven.repo.local=" + repository);
            }
            command.add("org.apache.maven.plugins:maven-dependency-plugin:"
                    + System.getProperty("migrate.test.dependencyPluginVersion", "3.9.0") + ":build-classpath");
            Process maven = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log().toFile())
                    .start();
            if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0) {
                maven.destroyForcibly();
                throw new IllegalStateException("Maven could not resolve " + artifacts + " ("
                        + String.join(" ", command) + "): see " + log() + "\n" + Files.readString(log()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pom(Artifact artifact, String id) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.migrate.test</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <dependencies>
                    <dependency>
                      <groupId>%s</groupId>
                      <artifactId>%s</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-dependency-plugin</artifactId>
                        <configuration>
                          <includeScope>runtime</includeScope>
                          <outputFile>${project.basedir}/classpath.txt</outputFile>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(id, artifact.group(), artifact.name(), artifact.version());
    }

    /** The build's Maven, else the one on the path. */
    private static String maven() {
        String home = System.getProperty("maven.home", "");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        if (!home.isBlank()) {
            Path executable = Path.of(home, "bin", windows ? "mvn.cmd" : "mvn");
            if (Files.isRegularFile(executable)) {
                return executable.toString();
            }
        }
        return windows ? "mvn.cmd" : "mvn";
    }
}
