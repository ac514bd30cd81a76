package dev.migrate.command.settings;

import dev.migrate.Migrator;
import dev.migrate.tooling.MigratorTools;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one run, read once from what a face was given ({@link GivenSettings#resolve()}): typed and
 * immutable. A setting not given keeps its default, which is the engine's.
 */
public final class ResolvedSettings {
    private final Map<Setting<?>, Object> values;
    private final Face face;
    private final UnaryOperator<String> spelling;

    ResolvedSettings(Map<Setting<?>, Object> values, Face face, UnaryOperator<String> spelling) {
        this.values = new LinkedHashMap<>(values);
        this.face = face;
        this.spelling = spelling;
    }

    /** The value given for {@code setting}, or null when none was. */
    @SuppressWarnings("unchecked") // each value was read by its own setting's type
    public <T> @Nullable T given(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /**
     * The value given for {@code setting}, or its default when none was: the default of {@code command} where the
     * row gives one, else the row's; null when it has none.
     *
     * @throws IllegalStateException when the default is no value of the setting's type, which the table's own test
     *     refuses
     */
    public <T> @Nullable T value(Setting<T> setting, String command) {
        T given = given(setting);
        String byDefault = setting.defaultIn(command);
        return given != null || byDefault == null ? given : setting.type().read(spelled(setting), byDefault);
    }

    /** {@link #value(Setting, String)} for a setting whose default is the same for every command. */
    public <T> @Nullable T value(Setting<T> setting) {
        T given = given(setting);
        return given != null || setting.defaultValue() == null
                ? given
                : setting.type().read(spelled(setting), setting.defaultValue());
    }

    /** {@code setting} as the face that gave these settings names it in a message: {@code migrate.lock-timeout}. */
    public String spelled(Setting<?> setting) {
        return spelling.apply(setting.spelled(face));
    }

    /** The face that gave these settings. */
    public Face face() {
        return face;
    }

    /**
     * Sets every setting of the run that was given on {@code builder}, and returns it. The starter's messages also
     * ask for a run given a setting by its own property ({@link FaceFixes}); the plugin, the command line and the
     * Quarkus extension spell their fixes themselves, the extension after this call.
     */
    public Migrator.Builder applyTo(Migrator.Builder builder) {
        if (FaceFixes.speaksFor(face)) {
            MigratorTools.spellFixes(builder, new FaceFixes(face, spelling));
        }
        values.forEach((setting, value) -> apply(builder, setting, value));
        return builder;
    }

    @SuppressWarnings("unchecked") // each value was read by its own setting's type
    private static <T> void apply(Migrator.Builder builder, Setting<T> setting, Object value) {
        BiConsumer<Migrator.Builder, T> run = setting.run();
        if (run != null) {
            run.accept(builder, (T) value);
        }
    }
}
