package dev.migrate.command.entity;

import dev.migrate.MigrateException;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.cache.Fingerprint;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.DeclaredStatement;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The DDL a program prints on its standard output ({@code migrate.source=command}): a command line run in the
 * project's directory, or a main class run with the project's class path in a JVM of its own. What it prints is
 * split into statements as SQL files are; the key is the command and what it runs: the files the command line names
 * in the project, or the class path (as the JPA key takes it).
 *
 * <pre>{@code
 * EntityDdlSource ddl = ProgramDdl.of(inputs).source();
 * }</pre>
 *
 * @param command the command as run, each argument apart
 * @param shown the command as messages name it
 * @param project where it runs
 * @param inputs what its output depends on: files it names, or the class path of the main class
 */
public record ProgramDdl(List<String> command, String shown, Path project, List<Path> inputs) {
    /** How much of the program's standard error an error quotes, from its end. */
    static final int STDERR_TAIL = 2_000;

    public ProgramDdl {
        command = List.copyOf(command);
        inputs = List.copyOf(inputs);
    }

    /** The program {@code inputs} name; an error naming both settings when they name none, or two. */
    public static ProgramDdl of(SchemaSource.SourceInputs inputs) {
        String line = blankToNull(inputs.command());
        String mainClass = blankToNull(inputs.mainClass());
        if ((line == null) == (mainClass == null)) {
            throw new MigrateException("migrate.source=command needs the program that prints the DDL: set either"
                    + " migrate.source.command (a command line run in the project's directory, such as"
                    + " \"python3 schema.py\") or migrate.source.mainClass (a main class of the project, run with its"
                    + " class path), " + (line == null ? "and neither is set." : "not both."));
        }
        if (line != null) {
            boolean windows =
                    System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
            List<String> command = windows ? List.of("cmd", "/c", line) : List.of("sh", "-c", line);
            return new ProgramDdl(command, line, inputs.project(), namedFiles(line, inputs.project()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath =
                inputs.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        return new ProgramDdl(
                List.of(java, "-cp", classpath, mainClass),
                "the main class " + mainClass + " (" + inputs.compileAndRun() + " compiles it)",
                inputs.project(),
                inputs.classpath());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The files of the project a command line names ({@code schema.sh}, {@code tools/ddl.py}): what it prints from. */
    private static List<Path> namedFiles(String line, Path project) {
        List<Path> files = new ArrayList<>();
        for (String word : line.split("\\s+", -1)) {
            try {
                Path file = project.resolve(word.replace("'", "").replace("\"", ""));
                if (!word.isEmpty() && Files.isRegularFile(file)) {
                    files.add(file);
                }
            } catch (InvalidPathException e) {
                // an argument, not a file
            }
        }
        return files;
    }

    /** This program as a source of DDL, keyed by the command and what it runs. */
    public EntityDdlSource source() {
        return new EntityDdlSource() {
            @Override
            public String key(int serverMajorVersion) {
                return ProgramDdl.this.key();
            }

            @Override
            public List<String> generate(int serverMajorVersion) {
                return run();
            }
        };
    }

    /** A hash of the command and of what it runs; the program is not run. */
    public String key() {
        Fingerprint key = new Fingerprint().field("program ddl").fields("command", command);
        for (Path input : inputs) {
            key.classpathElement(input);
        }
        return key.hex();
    }

    /** Runs the program and splits what it printed into statements; an error naming the command when it fails. */
    public List<String> run() {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("migrate-source-", ".sql");
            err = Files.createTempFile("migrate-source-", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(project.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            int exit = process.waitFor();
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new MigrateException("The schema source " + shown + " exited with " + exit + ", so there is no"
                        + " DDL to compare. The end of what it wrote to standard error:\n"
                        + tail(Files.readString(err, StandardCharsets.UTF_8))
                        + "\nRun it in " + project + " to see why, fix it, then run the goal again.");
            }
            List<String> ddl = DeclaredObjects.split(shown, printed).stream()
                    .map(DeclaredStatement::sql)
                    .toList();
            if (ddl.isEmpty()) {
                throw new MigrateException("The schema source " + shown + " printed no DDL on its standard output."
                        + " Make it print the CREATE statements of the schema (what it writes to standard error is"
                        + " not read).");
            }
            return ddl;
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not run the schema source " + shown + " in " + project + ": " + e.getMessage()
                            + ". Check migrate.source.command or migrate.source.mainClass.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while the schema source " + shown + " ran.", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }

    static String tail(String stderr) {
        String trimmed = stderr.strip();
        if (trimmed.isEmpty()) {
            return "(nothing)";
        }
        return trimmed.length() <= STDERR_TAIL ? trimmed : "..." + trimmed.substring(trimmed.length() - STDERR_TAIL);
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file: the system's to sweep
            }
        }
    }
}
