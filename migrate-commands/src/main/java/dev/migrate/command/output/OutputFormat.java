package dev.migrate.command.output;

import dev.migrate.MigrateException;
import dev.migrate.text.Fixes;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a command prints what it did: sentences for a reader, or one JSON document ({@link OutputDocument}). */
public enum OutputFormat {
    TEXT,
    JSON;

    /**
     * The {@code output} setting: {@code text} (also when null or blank) or {@code json}, in any case.
     *
     * @throws MigrateException naming the setting as {@code context} spells it and the values it takes
     */
    public static OutputFormat of(@Nullable String setting, Fixes fixes) {
        String value = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "text" -> TEXT;
            case "json" -> JSON;
            default ->
                throw new MigrateException("The output setting '" + setting + "' is not known. Use "
                        + fixes.setting("output", "text") + " (the default) or " + fixes.setting("output", "json")
                        + ". Nothing was run.");
        };
    }
}
