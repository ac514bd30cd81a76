package dev.migrate.quarkus;

import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingsTable;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One datasource's settings, read as every face reads its own: each setting of the table that Quarkus takes, under
 * its Quarkus spelling ({@code quarkus.migrate.lock-timeout}, {@code quarkus.migrate."inventory".lock-timeout} for
 * the datasource {@code inventory}), handed to the command layer as text, which reads it once and names it in a
 * mistake's message as the application spells it.
 *
 * <pre>{@code QuarkusSettings.of("inventory", key -> config.getOptionalValue(key, String.class).orElse(null))}</pre>
 */
public final class QuarkusSettings {
    private final ResolvedSettings resolved;
    private final UnaryOperator<String> spelling;

    private QuarkusSettings(ResolvedSettings resolved, UnaryOperator<String> spelling) {
        this.resolved = resolved;
        this.spelling = spelling;
    }

    /**
     * The settings of the datasource {@code dataSource}, each looked up by its key in {@code config}.
     *
     * @throws dev.migrate.MigrateException naming the setting as the application spells it, when a value is not one
     */
    public static QuarkusSettings of(String dataSource, Function<String, @Nullable String> config) {
        UnaryOperator<String> spelling = spelling(dataSource);
        GivenSettings given = GivenSettings.on(Face.QUARKUS).spelledAs(spelling);
        for (Setting<?> setting : SettingsTable.ALL) {
            if (setting.takenBy(Face.QUARKUS) && !setting.equals(SettingsTable.PACKAGES)) {
                given.with(setting.name(), config.apply(spelling.apply(setting.spelled(Face.QUARKUS))));
            }
        }
        return new QuarkusSettings(given.resolve(), spelling);
    }

    /** How the datasource {@code dataSource} spells the settings: {@code quarkus.migrate."name".} for a named one. */
    public static UnaryOperator<String> spelling(String dataSource) {
        if (DataSourceUtil.isDefault(dataSource)) {
            return UnaryOperator.identity();
        }
        String named = "quarkus.migrate.\"" + dataSource + "\".";
        return key -> named + key.substring("quarkus.migrate.".length());
    }

    /** How messages name the datasource: {@code the default datasource}, {@code the datasource "inventory"}. */
    public static String describe(String dataSource) {
        return DataSourceUtil.isDefault(dataSource)
                ? "the default datasource"
                : "the datasource \"" + dataSource + "\"";
    }

    /** The settings as read. */
    public ResolvedSettings resolved() {
        return resolved;
    }

    /** The value of {@code setting}, or its default, which must be a value (null when it has none). */
    public <T> @Nullable T get(Setting<T> setting) {
        return resolved.value(setting);
    }

    /** How the engine's messages name a fix for this datasource: its Quarkus settings, the plugin's goals. */
    public QuarkusFixes fixes() {
        return new QuarkusFixes(spelling);
    }

    /** {@code setting} as this datasource spells it, for messages. */
    public String spelled(Setting<?> setting) {
        return resolved.spelled(setting);
    }
}
