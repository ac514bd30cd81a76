package dev.migrate.command.run;

import dev.migrate.MigrateException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads durations as people write them in a pom or on a command line: {@code 500ms}, {@code 10s},
 * {@code 2min}, {@code 1h}, {@code 1d} or ISO {@code PT10S}. A bare number other than {@code 0} is refused:
 * PostgreSQL reads {@code lock_timeout = 10} as milliseconds, a person often means seconds, and a guess
 * either way is a thousandfold wrong. The Maven goals and the command line read theirs here alike.
 */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h|d)?");

    private Durations() {}

    /**
     * {@code text} as a duration, or null when it is blank or null.
     *
     * @param setting how the message names the setting ({@code lockTimeout}, {@code --lock-timeout})
     * @throws MigrateException naming the setting and the forms it takes, when {@code text} is none of them
     */
    public static @Nullable Duration parse(String setting, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (unit == null && amount != 0) {
                throw new MigrateException("The " + setting + " '" + text.trim() + "' has no unit: write " + amount
                        + "s for seconds or " + amount + "ms for milliseconds (PostgreSQL would read a bare "
                        + amount + " as milliseconds).");
            }
            return switch (unit == null ? "s" : unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m", "min" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new MigrateException(
                    "The " + setting + " '" + text + "' is not a duration. Write it as 500ms, 10s, 2min, 1h or PT10S.");
        }
    }
}
