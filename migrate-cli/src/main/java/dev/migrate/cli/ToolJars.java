package dev.migrate.cli;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.OldTool;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The old tool's jars for {@code migrate import}, which the command line has no resolver for: the jars of
 * {@code --tool-path} (or of the environment variable {@value #ENVIRONMENT}), directories of jars or jars; else
 * those of the local Maven repository at the versions the plugin's goal defaults to, with the runtime dependencies
 * their poms list: {@code ToolJars.inRepository(OldTool.FLYWAY, ToolJars.localRepository())}.
 */
final class ToolJars {
    /** The environment variable that stands for {@code --tool-path}. */
    static final String ENVIRONMENT = "MIGRATE_IMPORT_TOOL_PATH";

    /** The Flyway of {@code -Dmigrate.import.flywayVersion}'s default. */
    static final String FLYWAY_VERSION = OldTool.FLYWAY_VERSION;

    /** The Liquibase of {@code -Dmigrate.import.liquibaseVersion}'s default. */
    static final String LIQUIBASE_VERSION = OldTool.LIQUIBASE_VERSION;

    private ToolJars() {}

    /** An artifact of a Maven repository, {@code group:name:version}. */
    record Artifact(String group, String name, String version) {
        /** The directory of all its versions in {@code repository}. */
        Path versions(Path repository) {
            return repository.resolve(group.replace('.', '/')).resolve(name);
        }

        /** Its jar at {@code version} in {@code repository}. */
        Path jar(Path repository, String version) {
            return versions(repository).resolve(version).resolve(name + "-" + version + ".jar");
        }

        @Override
        public String toString() {
            return group + ":" + name + ":" + version;
        }
    }

    /**
     * What Maven resolves for the tool at the goal's default version: the tool first, then its runtime dependencies
     * as its poms list them (flyway-database-postgresql depends on flyway-database-cockroachdb; liquibase-core on
     * opencsv, snakeyaml, jaxb-api and the Apache Commons libraries).
     */
    static List<Artifact> artifacts(OldTool tool) {
        return switch (tool) {
            case FLYWAY ->
                List.of(
                        new Artifact("org.flywaydb", "flyway-core", FLYWAY_VERSION),
                        new Artifact("org.flywaydb", "flyway-database-postgresql", FLYWAY_VERSION),
                        new Artifact("org.flywaydb", "flyway-database-cockroachdb", FLYWAY_VERSION));
            case LIQUIBASE ->
                List.of(
                        new Artifact("org.liquibase", "liquibase-core", LIQUIBASE_VERSION),
                        new Artifact("com.opencsv", "opencsv", "5.11.2"),
                        new Artifact("org.yaml", "snakeyaml", "2.4"),
                        new Artifact("javax.xml.bind", "jaxb-api", "2.3.1"),
                        new Artifact("org.apache.commons", "commons-collections4", "4.5.0"),
                        new Artifact("org.apache.commons", "commons-text", "1.13.1"),
                        new Artifact("org.apache.commons", "commons-lang3", "3.17.0"),
                        new Artifact("commons-io", "commons-io", "2.19.0"));
        };
    }

    /** The artifact {@code mvn dependency:get} fetches the tool with, its dependencies following. */
    static Artifact fetched(OldTool tool) {
        return tool == OldTool.FLYWAY
                ? new Artifact("org.flywaydb", "flyway-database-postgresql", FLYWAY_VERSION)
                : artifacts(tool).get(0);
    }

    /** The user's local Maven repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(configured);
    }

    /**
     * The jars of a tool path: each entry (separated by the platform's path separator) a directory, whose
     * {@code *.jar} files are taken, or a jar.
     *
     * @param origin how the message names where the path came from: {@code --tool-path}, or the variable
     * @throws MigrateException naming an entry that does not exist, or a path without a jar
     */
    static List<Path> given(String path, String origin, OldTool tool, Path workingDirectory) {
        List<Path> jars = new ArrayList<>();
        for (String entry : path.split(Pattern.quote(File.pathSeparator), -1)) {
            if (entry.isBlank()) {
                continue;
            }
            Path element =
                    workingDirectory.resolve(entry.strip()).toAbsolutePath().normalize();
            if (Files.isDirectory(element)) {
                try (Stream<Path> files = Files.list(element)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                            .sorted()
                            .forEach(jars::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(element)) {
                jars.add(element);
            } else {
                throw new MigrateException("The entry " + element + " of " + origin + " does not exist. Name the"
                        + " directory that holds " + tool.displayName() + "'s jars and those it needs (mvn"
                        + " dependency:copy-dependencies writes a project's into target/dependency), or the jars"
                        + " themselves. Nothing was read or written.");
            }
        }
        if (jars.isEmpty()) {
            throw new MigrateException("No jar is in " + origin + " (" + path + "). Name the directory that holds "
                    + tool.displayName() + "'s jars and those it needs, or the jars themselves. Nothing was read or"
                    + " written.");
        }
        return List.copyOf(jars);
    }

    /**
     * The tool's jars in {@code repository}: each artifact of {@link #artifacts} at its version; a dependency missing
     * at its version is taken at the newest version of the same major the repository has.
     *
     * @throws MigrateException naming each jar missing, and both ways to give them
     */
    static List<Path> inRepository(OldTool tool, Path repository) {
        List<Artifact> artifacts = artifacts(tool);
        List<Path> jars = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < artifacts.size(); i++) {
            Artifact artifact = artifacts.get(i);
            Path exact = artifact.jar(repository, artifact.version());
            Optional<Path> found = Files.isRegularFile(exact)
                    ? Optional.of(exact)
                    : i == 0 ? Optional.empty() : sameMajor(artifact, repository);
            if (found.isPresent()) {
                jars.add(found.get());
            } else {
                missing.add(artifact + " (" + repository.relativize(exact) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new MigrateException(Arguments.PROGRAM + " import reads and replays the old migrations with "
                    + tool.displayName() + " itself, and its jars are not given: neither --tool-path nor the"
                    + " environment variable " + ENVIRONMENT + " is set, and the local Maven repository " + repository
                    + " lacks " + String.join(", ", missing) + ". Give the jars with --tool-path <directory>["
                    + File.pathSeparator
                    + "...] (mvn dependency:copy-dependencies writes a Maven project's into target/dependency), or put"
                    + " them in the local repository once: mvn dependency:get -Dartifact=" + fetched(tool)
                    + ", or mvn migrate:import in a Maven build. Nothing was read or written.");
        }
        return List.copyOf(jars);
    }

    /** The newest jar of {@code artifact} of its major version in {@code repository}. */
    private static Optional<Path> sameMajor(Artifact artifact, Path repository) {
        Path versions = artifact.versions(repository);
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        String major = major(artifact.version());
        try (Stream<Path> directories = Files.list(versions)) {
            return directories
                    .map(d -> d.getFileName().toString())
                    .filter(v -> major(v).equals(major))
                    .filter(v -> Files.isRegularFile(artifact.jar(repository, v)))
                    .max(ToolJars::compareVersions)
                    .map(v -> artifact.jar(repository, v));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    /** Compares dotted versions number by number ({@code 3.9 < 3.17.0}), a part that is no number as text. */
    static int compareVersions(String a, String b) {
        String[] left = a.split("[.-]", -1);
        String[] right = b.split("[.-]", -1);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? left[i] : "0";
            String r = i < right.length ? right[i] : "0";
            int compared = l.matches("\\d{1,9}") && r.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(l), Integer.parseInt(r))
                    : Comparator.<String>naturalOrder().compare(l, r);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }
}
