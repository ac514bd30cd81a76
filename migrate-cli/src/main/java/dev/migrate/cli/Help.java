package dev.migrate.cli;

import java.util.Arrays;

/** The text of {@code --help} and {@code <command> --help}. */
final class Help {
    private Help() {}

    /** This build's version, from the jar's manifest; {@code development} when run from classes. */
    static String version() {
        String version = Help.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static String general() {
        StringBuilder text = new StringBuilder();
        text.append(Arguments.PROGRAM)
                .append(' ')
                .append(version())
                .append(": schema migrations for PostgreSQL, without Maven.\n\n");
        text.append("Usage: java -jar migrate-cli-")
                .append(version())
                .append(".jar <command> [options]\n\nCommands:\n");
        int width = Arrays.stream(CliCommand.values())
                .mapToInt(c -> c.commandName().length())
                .max()
                .orElse(0);
        for (CliCommand command : CliCommand.values()) {
            text.append("  ")
                    .append(pad(command.commandName(), width))
                    .append("  ")
                    .append(command.summary())
                    .append('\n');
        }
        text.append("\n")
                .append(Arguments.PROGRAM)
                .append(" <command> --help describes a command and its options.\n\n")
                .append("The database: --url, else the environment variable MIGRATE_DATABASE_URL, then DATABASE_URL.\n")
                .append("The migrations: --classpath (jars, directories, a Spring Boot jar) and --packages.\n")
                .append("The throwaway databases of drift, verify, lint, watch and import: --scratch-url, else"
                        + " MIGRATE_SCRATCH_URL, else embedded servers.\n")
                .append("The old tool of import: --tool-path, else " + ToolJars.ENVIRONMENT
                        + ", else the local Maven repository.\n")
                .append("Exit codes: 0 success, 1 failure, 2 an unknown command or option, or a malformed value"
                        + " (nothing was run).\n");
        return text.toString();
    }

    static String of(CliCommand command) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: ").append(Arguments.PROGRAM).append(' ').append(command.commandName());
        CliOption positional = command.positional();
        if (positional != null) {
            text.append(" [<").append(positional.optionName()).append(">]");
        }
        text.append(" [options]\n\n").append(command.summary()).append('\n');
        if (positional != null) {
            text.append("The ")
                    .append(positional.optionName())
                    .append(" is given bare or as ")
                    .append(positional.written())
                    .append("; default ")
                    .append(command.defaultValue())
                    .append(".\n");
        }
        text.append("\nOptions:\n");
        int width = command.options().stream()
                .mapToInt(o -> o.synopsis().length())
                .max()
                .orElse(0);
        for (CliOption option : command.options()) {
            text.append("  ")
                    .append(pad(option.synopsis(), width))
                    .append("  ")
                    .append(option.description())
                    .append('\n');
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
