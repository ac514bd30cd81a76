package dev.migrate.spring;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingType;
import dev.migrate.command.settings.SettingsTable;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The starter's settings of the settings table, read from the environment under any spelling Spring accepts
 * ({@code migrate.lock-timeout}, {@code migrate.lockTimeout}, {@code MIGRATE_LOCKTIMEOUT}) and as the plugin and
 * the command line read theirs: the run settings (the version tables, transactions, timeouts, retries) set on the
 * migrator from here, and every other duration checked here before Spring binds it, since Spring alone would take
 * {@code migrate.validate.wait-timeout=5} as 5 milliseconds, where whoever wrote it most likely meant seconds.
 */
final class StarterSettings {
    private final ResolvedSettings resolved;

    private StarterSettings(ResolvedSettings resolved) {
        this.resolved = resolved;
    }

    /**
     * Reads the settings of {@code environment}.
     *
     * @throws BadSetting naming the setting as the starter spells it, its value, and the forms it takes
     */
    static StarterSettings read(Environment environment) {
        Binder binder = Binder.get(environment);
        GivenSettings given = GivenSettings.on(Face.SPRING_BOOT);
        try {
            for (Setting<?> setting : SettingsTable.ALL) {
                if (!setting.takenBy(Face.SPRING_BOOT)) {
                    continue;
                }
                String property = setting.spelled(Face.SPRING_BOOT);
                binder.bind(property, String.class).ifBound(text -> {
                    if (readThroughTable(setting)) {
                        given.with(setting.name(), text);
                    } else if (setting.type().equals(SettingType.DURATION)) {
                        setting.type().read(property, text);
                    }
                });
            }
            return new StarterSettings(given.resolve());
        } catch (MigrateException e) {
            throw new BadSetting(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Whether the starter reads {@code setting} through the table, as text handed to the command layer, which
     * describes it in the metadata IDEs complete from ({@code additional-spring-configuration-metadata.json},
     * written from the table by {@code ConfigurationMetadataTest}); every other setting the starter takes is a
     * property of {@link MigrateProperties}, whose groups Spring binds.
     */
    static boolean readThroughTable(Setting<?> setting) {
        return setting.takenBy(Face.SPRING_BOOT) && !BOUND.contains(setting);
    }

    /** The settings {@link MigrateProperties} binds. */
    private static final Set<Setting<?>> BOUND = Set.of(
            SettingsTable.ENABLED,
            SettingsTable.MODE,
            SettingsTable.PACKAGES,
            SettingsTable.URL,
            SettingsTable.USER,
            SettingsTable.PASSWORD,
            SettingsTable.VALIDATE_WAIT_TIMEOUT,
            SettingsTable.ONLINE_SEARCH_PATH,
            SettingsTable.HEALTH_OUT_OF_SERVICE_DURING_EXPAND,
            SettingsTable.HEALTH_DRIFT_INTERVAL,
            SettingsTable.HEALTH_HISTORY_ENTRIES);

    /** Sets the run settings on {@code builder}, and returns it. */
    Migrator.Builder applyTo(Migrator.Builder builder) {
        return resolved.applyTo(builder);
    }

    /** The tenant schemas of {@code migrate.tenants}, or null when it is not set. */
    @Nullable
    MigrateTenants tenants() {
        String tenants = resolved.given(SettingsTable.TENANTS);
        return tenants == null ? null : MigrateTenants.schemas(List.of(tenants));
    }

    /** Whether startup also checks that the database has the schema of the head: {@code migrate.validate-drift}. */
    boolean validateDrift() {
        return Boolean.TRUE.equals(resolved.value(SettingsTable.VALIDATE_DRIFT));
    }

    /** The settings as read. */
    ResolvedSettings resolved() {
        return resolved;
    }

    /** A setting of the starter that cannot be used as written: the failure analysis says to fix it. */
    static final class BadSetting extends MigrateException {
        private static final long serialVersionUID = 1L;

        BadSetting(String message) {
            super(message);
        }
    }
}
