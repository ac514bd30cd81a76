package dev.migrate.spring;

import dev.migrate.MigrateException;
import dev.migrate.command.run.Durations;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The starter's durations as the plugin and the command line read theirs: a bare number other than {@code 0}
 * is refused. Spring alone would bind {@code migrate.lock-timeout=5} as 5 milliseconds, where whoever wrote it
 * most likely meant seconds. Each setting is read as written, under any spelling Spring accepts for it
 * ({@code migrate.lockTimeout}, {@code MIGRATE_LOCKTIMEOUT}), before the properties are used.
 */
final class StarterDurations {
    static final List<String> SETTINGS = List.of(
            "migrate.lock-timeout",
            "migrate.statement-timeout",
            "migrate.progress-interval",
            "migrate.validate.wait-timeout",
            "migrate.health.drift-interval");

    private static final Pattern BARE_NUMBER = Pattern.compile("\\s*\\d+\\s*");

    private StarterDurations() {}

    /**
     * Refuses a duration of {@link #SETTINGS} written without its unit.
     *
     * @throws BadSetting naming the setting, the value, and the two ways to write it
     */
    static void check(Environment environment) {
        Binder binder = Binder.get(environment);
        for (String setting : SETTINGS) {
            binder.bind(setting, String.class).ifBound(text -> {
                if (BARE_NUMBER.matcher(text).matches()) {
                    try {
                        Durations.parse(setting, text);
                    } catch (MigrateException e) {
                        throw new BadSetting(String.valueOf(e.getMessage()));
                    }
                }
            });
        }
    }

    /** A setting of the starter that cannot be used as written: the failure analysis says to fix it. */
    static final class BadSetting extends MigrateException {
        private static final long serialVersionUID = 1L;

        BadSetting(String message) {
            super(message);
        }
    }
}
