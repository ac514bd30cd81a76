package dev.migrate.cli;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The command line: {@code java -jar migrate-cli-<version>.jar <command> [options]}, the goals of the
 * Maven plugin without Maven. {@code --help} lists the commands. Exit codes: 0 success, 1 failure, 2 an
 * unknown command or option, refused before anything connects.
 */
public final class Main {
    private Main() {}

    /**
     * Runs one command and exits with its code.
     *
     * @param args the command and its options, as {@code upgrade --url jdbc:postgresql://db:5432/app}
     */
    public static void main(String[] args) {
        // a plain java -jar of a short command runs it in a second JVM started from a class-data archive
        OptionalInt started = ArchivedStart.run(args);
        if (started.isPresent()) {
            System.exit(started.getAsInt());
        }
        LoginClasses.loadAhead();
        ShortRunCompilers.keepC2Out(args);
        int code = new Cli(System.getenv(), System.out, System.err, Path.of("").toAbsolutePath()).run(args);
        System.out.flush();
        System.exit(code);
    }
}
