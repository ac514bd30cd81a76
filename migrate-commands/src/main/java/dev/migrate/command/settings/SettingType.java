package dev.migrate.command.settings;

import dev.migrate.MigrateException;
import dev.migrate.command.run.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * What a setting's value is, and how its text is read: the same way whichever face gave it, a mistake named as
 * the user wrote the setting ({@code lockTimeout}, {@code --lock-timeout}, {@code migrate.lock-timeout}).
 *
 * @param name the type as the reference page names it: {@code duration}, {@code count}
 * @param reader reads the text given under a spelling (the first argument) into the value
 */
public record SettingType<T>(String name, BiFunction<String, String, T> reader) {
    /** Any text: a name, a class, a URL. */
    public static final SettingType<String> TEXT = new SettingType<>("text", (spelled, text) -> text);

    /** {@code true} or {@code false}; a flag given bare on the command line is {@code true}. */
    public static final SettingType<Boolean> FLAG = new SettingType<>("true|false", SettingType::flag);

    /** A whole number of 0 or more. */
    public static final SettingType<Integer> COUNT = new SettingType<>("count", SettingType::count);

    /** {@code 500ms}, {@code 10s}, {@code 2min}, {@code 1h} or {@code PT10S}; a bare number other than 0 is refused. */
    public static final SettingType<Duration> DURATION = new SettingType<>(
            "duration", (spelled, text) -> Objects.requireNonNull(Durations.parse(spelled, text), spelled));

    public SettingType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
    }

    /** One of the constants of {@code type}, written in any case, with {@code -} for {@code _}. */
    public static <E extends Enum<E>> SettingType<E> choice(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants)
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("|"));
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
}
