package dev.migrate.cli;

import static dev.migrate.cli.CliOption.CLASSPATH;
import static dev.migrate.cli.CliOption.CREDENTIALS_PROVIDER;
import static dev.migrate.cli.CliOption.FROM;
import static dev.migrate.cli.CliOption.IMPORT_SETTING;
import static dev.migrate.cli.CliOption.PACKAGES;
import static dev.migrate.cli.CliOption.PROJECT;
import static dev.migrate.cli.CliOption.PROVE;
import static dev.migrate.cli.CliOption.RETIRE;
import static dev.migrate.cli.CliOption.SOURCES;
import static dev.migrate.cli.CliOption.TOOL_PATH;
import static dev.migrate.cli.CliOption.URL;

import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.command.RetireCommand;
import dev.migrate.command.database.CredentialsSetting;
import dev.migrate.command.tooling.ImportCommand;
import dev.migrate.command.tooling.SourceRoot;
import dev.migrate.imports.tool.OldTool;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code migrate import --from flyway|liquibase}: the plugin's {@code migrate:import} for a build without Maven. The
 * old tool's jars, which the goal resolves from Maven Central, are {@code --tool-path} here (else the environment
 * variable {@value ToolJars#ENVIRONMENT}, else the local Maven repository's); the project's class path, which the
 * written revisions compile against for the proof, is {@code --classpath} and the project's {@code target/classes}.
 */
final class CliImport {
    private final Cli cli;
    private final Arguments arguments;
    private final MigrationLog log;
    private final Path workingDirectory;

    CliImport(Cli cli, Arguments arguments, MigrationLog log, Path workingDirectory) {
        this.cli = cli;
        this.arguments = arguments;
        this.log = log;
        this.workingDirectory = workingDirectory;
    }

    void run() {
        String retire = arguments.value(RETIRE);
        if (retire != null && !retire.equals("false")) {
            retire(retire);
            return;
        }
        if (arguments.value(URL) != null) {
            throw new UsageException("The option --url does not apply to an import, which reads the project's files"
                    + " and replays both chains on throwaway databases of its own (--scratch-url, else embedded"
                    + " servers): it names the database of --retire. Leave it out. Nothing was read or written.");
        }
        OldTool tool = tool();
        boolean prove = prove();
        Map<String, String> settings = settings(tool);
        Path project = path(PROJECT, workingDirectory);
        if (!Files.isDirectory(project)) {
            throw new MigrateException("The --project directory " + project + " does not exist. Name the directory of"
                    + " the project that runs " + tool.displayName() + " (where its migrations and configuration"
                    + " are), or run " + Arguments.PROGRAM + " import there. Nothing was read or written.");
        }
        Path sources = path(SOURCES, project.resolve("src/main/java"));
        List<Path> classpath = classpath(project);
        Path work;
        try {
            work = Files.createTempDirectory("migrate-import-");
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not create a temporary directory for the import's proof: " + e.getMessage()
                            + ". Check that java.io.tmpdir is writable.",
                    e);
        }
        try (MigrationClasspath classes = MigrationClasspath.open(joined(classpath), loader())) {
            new ImportCommand(tool.key(), project, settings, new SourceRoot(sources, packageName()), prove)
                    .run(
                            new ImportCommand.Tools(this::toolJars, classpath, work),
                            cli.context(arguments, classes.loader(), null, log));
        } finally {
            delete(work);
        }
    }

    /**
     * {@code --retire dry-run|true}: says what of the old tool's history the database of {@code --url} holds, and
     * drops it unless a dry run; refused by the command before the database has moved in.
     */
    private void retire(String value) {
        if (!value.equals("true") && !value.equals("dry-run")) {
            throw new UsageException("The option --retire takes dry-run (say what would be dropped) or true (drop the"
                    + " old tool's history table), not '" + value + "'. Nothing was dropped.");
        }
        List<Path> classpath = classpath(path(PROJECT, workingDirectory));
        try (MigrationClasspath classes = MigrationClasspath.open(joined(classpath), loader())) {
            @Nullable
            CredentialsProvider credentials = CredentialsSetting.load(
                    arguments.value(CREDENTIALS_PROVIDER),
                    classes.loader(),
                    "--credentials-provider",
                    "--classpath and the class path of this jar: add its jar or directory to --classpath");
            new RetireCommand(value.equals("true")).run(cli.context(arguments, classes.loader(), credentials, log));
        }
    }

    private static @Nullable String joined(List<Path> classpath) {
        return classpath.isEmpty()
                ? null
                : classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** The tool of {@code --from}, which a command line must name: refused as a usage error otherwise. */
    private OldTool tool() {
        String from = arguments.value(FROM);
        if (from == null) {
            throw new UsageException(Arguments.PROGRAM + " import moves a project in from Flyway or Liquibase, and no"
                    + " tool was named. Add --from flyway or --from liquibase. Nothing was read or written.");
        }
        try {
            return ImportCommand.tool(from, CliFixes.INSTANCE);
        } catch (MigrateException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
    }

    /** {@code --prove}: true unless {@code false}. */
    private boolean prove() {
        String value = arguments.value(PROVE);
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new UsageException("The option --prove takes true or false, not '" + value + "': --prove false writes"
                + " the revisions without replaying both chains first. Nothing was read or written.");
    }

    /**
     * The old tool's settings of {@code --import-setting}, each {@code <tool>.<name>=<value>} as the goal's
     * {@code -Dmigrate.import.<tool>.<name>}; a setting of the other tool would be ignored, and is refused.
     */
    private Map<String, String> settings(OldTool tool) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String given : arguments.values(IMPORT_SETTING)) {
            int equals = given.indexOf('=');
            String name = equals < 0 ? "" : given.substring(0, equals).strip();
            if (name.startsWith("migrate.import.")) {
                name = name.substring("migrate.import.".length());
            }
            if (name.isEmpty()) {
                throw new UsageException("The --import-setting '" + given + "' is not a setting: write"
                        + " --import-setting <name>=<value>, such as --import-setting " + tool.key()
                        + (tool == OldTool.FLYWAY ? ".locations=filesystem:sql" : ".changelog=db/changelog.xml")
                        + ". Nothing was read or written.");
            }
            if (!name.startsWith(tool.key() + ".")) {
                throw new UsageException("The --import-setting " + given + " is not a setting of "
                        + tool.displayName() + ", which the import reads (--from " + tool.key() + "), so it would be"
                        + " ignored. Name " + tool.displayName() + "'s settings " + tool.key() + ".<name>, such as "
                        + tool.key() + (tool == OldTool.FLYWAY ? ".locations" : ".changelog")
                        + ", or leave it out. Nothing was read or written.");
            }
            if (settings.put(name, given.substring(equals + 1)) != null) {
                throw new UsageException("The --import-setting " + name + " is given twice: give it once. Nothing was"
                        + " read or written.");
            }
        }
        return settings;
    }

    /** The first of {@code --packages}, where the revisions are written; default {@code db.migrations}. */
    private String packageName() {
        String packages = arguments.value(PACKAGES);
        return packages == null
                ? "db.migrations"
                : Arrays.stream(packages.split(",", -1))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .findFirst()
                        .orElse("db.migrations");
    }

    /** {@code --classpath}, then the project's {@code target/classes} when it exists and is not among them. */
    private List<Path> classpath(Path project) {
        List<Path> elements = new ArrayList<>();
        String value = arguments.value(CLASSPATH);
        if (value != null) {
            for (String entry : value.split(Pattern.quote(File.pathSeparator), -1)) {
                if (!entry.isBlank()) {
                    elements.add(workingDirectory
                            .resolve(entry.strip())
                            .toAbsolutePath()
                            .normalize());
                }
            }
        }
        Path classes = project.resolve("target/classes");
        if (Files.isDirectory(classes) && !elements.contains(classes)) {
            elements.add(classes);
        }
        return List.copyOf(elements);
    }

    private Path path(CliOption option, Path otherwise) {
        String value = arguments.value(option);
        return (value == null ? otherwise : workingDirectory.resolve(value))
                .toAbsolutePath()
                .normalize();
    }

    private static ClassLoader loader() {
        ClassLoader loader = CliImport.class.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is the system's to clean
        }
    }

    /**
     * The old tool's jars: those of --tool-path, else of the environment variable, else of the local Maven
     * repository.
     */
    private List<Path> toolJars(OldTool tool) {
        String path = arguments.value(TOOL_PATH);
        String origin = TOOL_PATH.written();
        if (path == null) {
            path = cli.environment().get(ToolJars.ENVIRONMENT);
            origin = "the environment variable " + ToolJars.ENVIRONMENT;
            if (path != null && path.isBlank()) {
                throw new MigrateException("The environment variable " + ToolJars.ENVIRONMENT + " is set but"
                        + " empty. Set it to " + tool.displayName() + "'s jars (a directory of jars, or jars), or"
                        + " unset it to use those of the local Maven repository. Nothing was read or written.");
            }
        }
        if (path == null) {
            Path repository = ToolJars.localRepository();
            List<Path> jars = ToolJars.inRepository(tool, repository);
            cli.output(log)
                    .info("Using " + tool.displayName() + " "
                            + ToolJars.artifacts(tool).get(0).version() + " from the local Maven repository "
                            + repository
                            + ".");
            return jars;
        }
        List<Path> jars = ToolJars.given(path, origin, tool, workingDirectory);
        String expected = ToolJars.artifacts(tool).get(0).name() + "-";
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith(expected))) {
            cli.output(log)
                    .warn("None of the " + jars.size() + " jars of " + origin + " is " + expected + "*.jar, so "
                            + tool.displayName() + " may not load from them; they are: "
                            + jars.stream().map(j -> j.getFileName().toString()).collect(Collectors.joining(", "))
                            + ".");
        }
        cli.output(log)
                .info("Using " + tool.displayName() + " from " + origin + " (" + jars.size() + " jar"
                        + (jars.size() == 1 ? "" : "s") + ").");
        return jars;
    }
}
