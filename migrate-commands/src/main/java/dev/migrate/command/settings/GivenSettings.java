package dev.migrate.command.settings;

import dev.migrate.MigrateException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The settings a face was given, as text, before anything reads them: what each face hands the command layer.
 *
 * <pre>{@code
 * ResolvedSettings settings = GivenSettings.on(Face.COMMAND_LINE)
 *         .with("lockTimeout", "5s")
 *         .resolve();
 * }</pre>
 */
public final class GivenSettings {
    private final Face face;
    private final Map<Setting<?>, String> given = new LinkedHashMap<>();
    private UnaryOperator<String> spelling = UnaryOperator.identity();

    private GivenSettings(Face face) {
        this.face = face;
    }

    /**
     * Names each setting in a mistake's message as {@code spelling} turns the face's spelling, where the face spells
     * it otherwise in one place: {@code quarkus.migrate."inventory".lock-timeout} for a Quarkus datasource.
     */
    public GivenSettings spelledAs(UnaryOperator<String> spelling) {
        this.spelling = spelling;
        return this;
    }

    /** Settings as {@code face} gives them: its spellings name them in a mistake's message. */
    public static GivenSettings on(Face face) {
        return new GivenSettings(face);
    }

    /**
     * The value of the setting {@code name} (the plugin's parameter name), as text or as the face holds it (a
     * number, a flag); a null or absent one keeps the default.
     *
     * @throws IllegalArgumentException when the table has no such setting, or {@code face} does not take it
     */
    public GivenSettings with(String name, @Nullable Object value) {
        Setting<?> setting = SettingsTable.named(name);
        if (setting == null || !setting.takenBy(face)) {
            throw new IllegalArgumentException(face + " takes no setting " + name);
        }
        if (value != null) {
            given.put(setting, value.toString());
        }
        return this;
    }

    /**
     * Reads every value given, once, before anything connects.
     *
     * @throws MigrateException naming the first setting that cannot be read as the face spells it, its value and
     *     the forms it takes
     */
    public ResolvedSettings resolve() {
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        given.forEach((setting, text) -> {
            if (!text.isBlank() || SettingType.TEXT.equals(setting.type())) {
                values.put(setting, setting.type().read(spelling.apply(setting.spelled(face)), text));
            }
        });
        return new ResolvedSettings(values, face, spelling);
    }
}
