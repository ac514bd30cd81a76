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
