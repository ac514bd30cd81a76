package dev.migrate.cli;

import dev.migrate.MigrateException;
import dev.migrate.command.NearestName;
import dev.migrate.command.run.Durations;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.command.settings.Setting;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A command line as read: the command and its options' values, or a request for help. Everything a
 * user can mistype is checked here, so that a mistake is refused (exit 2) before anything runs.
 *
 * @param command the command; null for the general help or the version
 * @param values each option given, with its value ({@code true} for a flag)
 * @param help whether help was asked for, of the command or, without one, of all
 * @param version whether the version was asked for
 */
record Arguments(@Nullable CliCommand command, Map<CliOption, String> values, boolean help, boolean version) {
    /** What the help and the messages call the program. */
    static final String PROGRAM = "migrate";

    private static final Pattern STEPS = Pattern.compile("-\\d+(:.*)?");

    /** Between the values of a repeatable option: no argument of a process can hold it. */
    private static final String REPEATED = "\u0000";

    Arguments {
        values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Reads {@code args}; throws {@link UsageException} naming the mistake and the fix. */
    static Arguments parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("No command given: run " + PROGRAM + " <command> [options], such as " + PROGRAM
                    + " upgrade --url jdbc:postgresql://host:5432/app. " + PROGRAM + " --help lists the commands.");
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            // help describes the command after it, if one is named; options after it are ignored, as help reads
            // no migrations and connects to nothing
            if (args.size() > 1 && first.equals("help") && !args.get(1).startsWith("-")) {
                return new Arguments(command(args.get(1)), Map.of(), true, false);
            }
            return new Arguments(null, Map.of(), true, false);
        }
        if (first.equals("--version")) {
            return new Arguments(null, Map.of(), false, true);
        }
        if (first.startsWith("-")) {
            throw new UsageException("The command comes first, before the options: " + PROGRAM
                    + " <command> [options], such as " + PROGRAM + " upgrade " + first + " .... " + PROGRAM
                    + " --help lists the commands.");
        }
        CliCommand command = command(first);
        Map<CliOption, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String token = args.get(i);
            if (token.equals("-h")) {
                values.put(CliOption.HELP, "true");
            } else if (token.startsWith("--") && token.length() > 2) {
                int equals = token.indexOf('=');
                String name = equals < 0 ? token.substring(2) : token.substring(2, equals);
                String inline = equals < 0 ? null : token.substring(equals + 1);
                CliOption option = option(command, name);
                String value;
                if (option.takesValue()) {
                    if (inline != null) {
                        value = inline;
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(
                                "The option " + option.written() + " needs a value: " + option.synopsis() + ".");
                    }
                    if (value.isBlank()) {
                        throw new UsageException("The option " + option.written() + " is given an empty value (a"
                                + " variable that is not set expands to nothing). Give it a value, or leave the option"
                                + " out. Nothing was run.");
                    }
                } else {
                    value = flag(option, inline);
                }
                put(values, option, value);
            } else if (token.startsWith("-") && !STEPS.matcher(token).matches()) {
                String name = token.replaceFirst("^-+", "");
                throw new UsageException("Unknown option '" + token + "'. Options are written --name value or "
                        + "--name=value"
                        + suggestion(command, name)
                                .map(o -> ": did you mean '" + o + "'?")
                                .orElse(".")
                        + " " + PROGRAM + " " + command.commandName() + " --help lists its options.");
            } else {
                CliOption positional = command.positional();
                if (positional == null) {
                    throw new UsageException(command.commandName() + " takes no argument, and '" + token
                            + "' is none of its options. " + PROGRAM + " " + command.commandName()
                            + " --help lists its options.");
                }
                put(values, positional, token);
            }
        }
        Arguments arguments = new Arguments(command, values, values.containsKey(CliOption.HELP), false);
        if (!arguments.help()) {
            arguments.count(CliOption.PARALLEL, 1);
            arguments.count(CliOption.CANARY, 0);
            try {
                arguments.settings().resolve();
            } catch (MigrateException e) {
                throw new UsageException(String.valueOf(e.getMessage()));
            }
        }
        return arguments;
    }

    /** The option's value as given, or null. */
    @Nullable
    String value(CliOption option) {
        return values.get(option);
    }

    /** Each value of a {@linkplain CliOption#repeatable() repeatable} option, in the order given; empty when none. */
    List<String> values(CliOption option) {
        String joined = values.get(option);
        return joined == null ? List.of() : List.of(joined.split(REPEATED, -1));
    }

    /** Whether the flag is set. */
    boolean flag(CliOption option) {
        return "true".equals(values.get(option));
    }

    /** The command's target (or revision): the option, the bare argument, or the command's default. */
    @Nullable
    String positionalValue() {
        CliOption positional = command == null ? null : command.positional();
        if (positional == null || command == null) {
            return null;
        }
        String given = values.get(positional);
        return given != null ? given : command.defaultValue();
    }

    /** The command, which a command line that is not a request for help always has. */
    CliCommand requireCommand() {
        if (command == null) {
            throw new IllegalStateException("No command: the caller handles help and version first");
        }
        return command;
    }

    /**
     * A duration option as {@code 500ms}, {@code 10s}, {@code 2min}, {@code 1h} or ISO {@code PT10S}; null
     * when not given. A bare number other than 0 is refused: PostgreSQL reads it as milliseconds where a
     * person often means seconds.
     */
    @Nullable
    Duration duration(CliOption option) {
        try {
            return Durations.parse(option.written(), values.get(option));
        } catch (MigrateException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
    }

    /** A count option of at least {@code least}, or null when not given. */
    @Nullable
    Integer count(CliOption option, int least) {
        String text = values.get(option);
        if (text == null) {
            return null;
        }
        try {
            int count = Integer.parseInt(text.trim());
            if (count >= least) {
                return count;
            }
        } catch (NumberFormatException e) {
            // the message below says what a count is
        }
        throw new UsageException("The " + option.written() + " '" + text + "' is not a count: write a whole number of "
                + least + " or more, such as " + option.written() + " " + Math.max(least, 2) + ".");
    }

    /** A flag with its default when not given, as {@code --rebuild-invalid-indexes}, true unless {@code =false}. */
    boolean flag(CliOption option, boolean absent) {
        String value = values.get(option);
        return value == null ? absent : value.equals("true");
    }

    /** The settings of the table that the options gave, as text, for the command layer to read. */
    GivenSettings settings() {
        GivenSettings given = GivenSettings.on(Face.COMMAND_LINE);
        values.forEach((option, value) -> {
            Setting<?> setting = option.setting();
            if (setting != null) {
                // a map's entries, one a line, as its type reads them
                given.with(setting.name(), option.repeatable() ? String.join("\n", values(option)) : value);
            }
        });
        return given;
    }

    private static CliCommand command(String name) {
        CliCommand command = CliCommand.named(name);
        if (command != null) {
            return command;
        }
        List<String> names =
                Arrays.stream(CliCommand.values()).map(CliCommand::commandName).toList();
        throw new UsageException("Unknown command '" + name + "'."
                + closest(name, names).map(c -> " Did you mean '" + c + "'?").orElse("")
                + " " + PROGRAM + " --help lists the commands.");
    }

    private static CliOption option(CliCommand command, String name) {
        CliOption option = CliOption.named(name);
        if (option == null) {
            throw new UsageException("Unknown option '--" + name + "' for " + command.commandName() + "."
                    + suggestion(command, name)
                            .map(o -> " Did you mean '" + o + "'?")
                            .orElse("")
                    + " " + PROGRAM + " " + command.commandName() + " --help lists its options.");
        }
        if (!command.options().contains(option)) {
            List<String> takers = Arrays.stream(CliCommand.values())
                    .filter(c -> c.options().contains(option))
                    .map(CliCommand::commandName)
                    .toList();
            throw new UsageException("The option " + option.written() + " does not apply to "
                    + command.commandName() + ": " + String.join(", ", takers) + " take"
                    + (takers.size() == 1 ? "s" : "") + " it. " + PROGRAM + " " + command.commandName()
                    + " --help lists its options.");
        }
        return option;
    }

    /** The command's option closest to a mistyped name, as written ({@code --target}). */
    private static Optional<String> suggestion(CliCommand command, String name) {
        return closest(
                        name,
                        command.options().stream().map(CliOption::optionName).toList())
                .map(n -> "--" + n);
    }

    private static String flag(CliOption option, @Nullable String inline) {
        if (inline == null || inline.equalsIgnoreCase("true")) {
            return "true";
        }
        if (inline.equalsIgnoreCase("false")) {
            return "false";
        }
        throw new UsageException("The option " + option.written() + " is a flag and takes no value: write "
                + option.written() + " (or " + option.written() + "=false), not " + option.written() + "=" + inline
                + ".");
    }

    private static void put(Map<CliOption, String> values, CliOption option, String value) {
        if (option.repeatable()) {
            values.merge(option, value, (before, next) -> before + REPEATED + next);
            return;
        }
        if (values.containsKey(option)) {
            boolean positional = option == CliOption.TARGET || option == CliOption.REVISION;
            throw new UsageException((positional
                            ? "The " + option.optionName() + " is given twice (as " + option.written()
                                    + " and as the bare argument, or twice)"
                            : "The option " + option.written() + " is given twice")
                    + ": give it once. Nothing was run.");
        }
        values.put(option, value);
    }

    /**
     * The name of {@code known} nearest to {@code typed}, when it is near enough to be a typo: at most a
     * third of the typed name's letters (and at least one) changed, added, removed or swapped, or a name
     * the typed one (three letters or more) begins.
     */
    static Optional<String> closest(String typed, Collection<String> known) {
        String lower = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, (lower.length() + 2) / 3));
        return NearestName.closest(typed, known, limit)
                .or(() -> lower.length() < 3
                        ? Optional.empty()
                        : known.stream()
                                .filter(name -> name.startsWith(lower))
                                .sorted()
                                .findFirst());
    }
}
