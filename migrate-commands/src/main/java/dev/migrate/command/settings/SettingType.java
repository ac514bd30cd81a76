package dev.migrate.command.settings;

import dev.migrate.MigrateException;
import dev.migrate.command.run.Durations;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * What a setting's value is, and how its text is read: the same way whichever face gave it, a mistake named as
 * the user wrote the setting ({@code lockTimeout}, {@code --lock-timeout}, {@code migrate.lock-timeout}).
 *
 * @param name the value as the command line's help names it: {@code duration}, {@code count}
 * @param reader reads the text given under a spelling (the first argument) into the value
 */
public record SettingType<T>(String name, BiFunction<String, String, T> reader) {
    /** Any text: a name, a class, a URL. */
    public static final SettingType<String> TEXT = text("text");

    /** {@code true} or {@code false}; a flag given bare on the command line is {@code true}. */
    public static final SettingType<Boolean> FLAG = new SettingType<>("true|false", SettingType::flag);

    /** A whole number of 0 or more. */
    public static final SettingType<Integer> COUNT = new SettingType<>("count", SettingType::count);

    /** A whole number of 0 or more, as large as a {@code long}: a number of rows. */
    public static final SettingType<Long> NUMBER = new SettingType<>("number", SettingType::number);

    /** Comma-separated names, as {@code db.migrations,db.more}; the blanks around each are dropped. */
    public static final SettingType<List<String>> LIST = new SettingType<>(
            "list",
            (spelled, text) -> Arrays.stream(text.split(",", -1))
                    .map(String::strip)
                    .filter(name -> !name.isEmpty())
                    .toList());

    /** A file or a directory, which the face resolves against the project or the working directory. */
    public static final SettingType<Path> PATH = new SettingType<>("path", SettingType::path);

    /**
     * Named values, a {@code name=value} a line: the plugin's configuration gives them as an element each, the
     * command line as an option each.
     */
    public static final SettingType<Map<String, String>> MAP = new SettingType<>("name=value", SettingType::map);

    /** {@code 500ms}, {@code 10s}, {@code 2min}, {@code 1h} or {@code PT10S}; a bare number other than 0 is refused. */
    public static final SettingType<Duration> DURATION = new SettingType<>(
            "duration", (spelled, text) -> Objects.requireNonNull(Durations.parse(spelled, text), spelled));

    public SettingType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
    }

    /**
     * Text that the command taking it reads, where a mistake is named in that command's words; {@code name} is what
     * help shows for it: {@code url}, {@code flyway|liquibase}.
     */
    public static SettingType<String> text(String name) {
        return new SettingType<>(name, (spelled, text) -> text);
    }

    /** An object that only code gives, such as a {@code MigrationListener}: no text reads as one. */
    public static <T> SettingType<T> object(Class<T> type) {
        return new SettingType<>(type.getSimpleName(), (spelled, text) -> {
            throw new MigrateException("The " + spelled + " is a " + type.getSimpleName() + ", which only Java code"
                    + " gives; '" + text + "' cannot be one.");
        });
    }

    /** One of the constants of {@code type}, written in any case, with {@code -} for {@code _}. */
    public static <E extends Enum<E>> SettingType<E> choice(Class<E> type) {
        E[] constants = type.getEnumConstants();
        // a loop, not a stream: the command line reads the table at its start
        StringJoiner joined = new StringJoiner("|");
        for (E constant : constants) {
            joined.add(constant.name().toLowerCase(Locale.ROOT));
        }
        String names = joined.toString();
        return new SettingType<>(names, (spelled, text) -> {
            String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : constants) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
            List<String> known = List.of(names.split("\\|", -1));
            throw new MigrateException("The " + spelled + " '" + text + "' is not known. Use "
                    + String.join(", ", known.subList(0, known.size() - 1)) + " or " + known.get(known.size() - 1)
                    + ".");
        });
    }

    /**
     * A type is itself: each is made once ({@link #FLAG}, a row's {@link #text}), and two of one name may read
     * differently (a flag, and {@code true|false} given as text). Written out rather than left to the record,
     * whose generated comparison costs the command line's start a method handle bootstrap it otherwise never pays.
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** {@code text}, given as {@code spelled}, as a value of this type. */
    public T read(String spelled, String text) {
        return reader.apply(spelled, text);
    }

    private static Boolean flag(String spelled, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new MigrateException("The " + spelled + " '" + text + "' is neither true nor false.");
        };
    }

    private static Integer count(String spelled, String text) {
        try {
            int count = Integer.parseInt(text.trim());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // the message below says what a count is
        }
        throw new MigrateException("The " + spelled + " '" + text + "' is not a count: write a whole number of 0 or"
                + " more, such as 2.");
    }

    private static Long number(String spelled, String text) {
        try {
            long number = Long.parseLong(text.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the message below says what a number is here
        }
        throw new MigrateException("The " + spelled + " '" + text + "' is not a number: write a whole number of 0 or"
                + " more, such as 100000.");
    }

    private static Path path(String spelled, String text) {
        try {
            return Path.of(text.trim());
        } catch (InvalidPathException e) {
            throw new MigrateException("The " + spelled + " '" + text + "' is not a path: " + e.getReason() + ".");
        }
    }

    private static Map<String, String> map(String spelled, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            int equals = line.indexOf('=');
            String name = (equals < 0 ? line : line.substring(0, equals)).strip();
            if (!name.isEmpty()) {
                // a name without a value is the command's to refuse, in its own words
                values.put(name, equals < 0 ? "" : line.substring(equals + 1));
            }
        }
        return Collections.unmodifiableMap(values);
    }
}
