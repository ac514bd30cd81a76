package dev.migrate.quarkus;

import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.text.Fixes;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The engine's fixes in a Quarkus application's words: a setting the extension takes under its Quarkus spelling, for
 * the datasource at hand ({@code quarkus.migrate.accept-future-revisions=true},
 * {@code quarkus.migrate."inventory".accept-future-revisions=true}); the run that brings the database to head as the
 * plugin's goal or {@code quarkus.migrate.migrate-at-start}; nothing of Spring Boot or of the Java API's builder, which
 * the extension calls itself. A setting the extension does not take, the target given to a goal, and every command
 * stay the plugin's, where that fix is made.
 *
 * <pre>{@code MigratorTools.spellFixes(builder, new QuarkusFixes(QuarkusSettings.spelling("inventory")))}</pre>
 *
 * @param spelling how the datasource spells a setting ({@link QuarkusSettings#spelling})
 */
public record QuarkusFixes(UnaryOperator<String> spelling) implements Fixes {
    @Override
    public String setting(String name, String value) {
        String spelled = quarkus(name);
        return spelled == null ? Fixes.GOALS.setting(name, value) : spelled + "=" + value;
    }

    @Override
    public String setting(String name) {
        String spelled = quarkus(name);
        return spelled == null ? Fixes.GOALS.setting(name) : spelled;
    }

    @Override
    public String parameter(String name) {
        String spelled = quarkus(name);
        return spelled == null ? Fixes.GOALS.parameter(name) : spelled;
    }

    @Override
    public String settingWhere(String name, String where) {
        String spelled = quarkus(name);
        return spelled == null ? Fixes.GOALS.settingWhere(name, where) : spelled;
    }

    @Override
    public String api(String text) {
        return "";
    }

    @Override
    public String noMigrations() {
        return "Check " + packages() + " (default db.migrations) against the package of the migration classes, and"
                + " that they are compiled; write the first one with mvn migrate:revision, or from the entities with"
                + " the M key of quarkus dev.";
    }

    @Override
    public String emptyPackages() {
        return "Set " + packages() + " to the Java package of the migration classes, for example " + packages()
                + "=db.migrations, or leave it out for the default db.migrations.";
    }

    @Override
    public String upgradeToHeads() {
        return "mvn migrate:upgrade (or set " + spelled(SettingsTable.MIGRATE_AT_START)
                + "=true, and the application upgrades its database as it starts)";
    }

    private String packages() {
        return spelled(SettingsTable.PACKAGES);
    }

    private String spelled(Setting<?> setting) {
        return spelling.apply(setting.spelled(Face.QUARKUS));
    }

    /**
     * The Quarkus spelling of the plugin's parameter {@code name}; null when the extension does not take it, or when
     * a message names it as an argument of a goal ({@code mvn migrate:downgrade -Dmigrate.target=-1}): the
     * application's {@code quarkus.migrate.target} is where startup upgrades to, no way to run a goal.
     */
    private @Nullable String quarkus(String name) {
        Setting<?> setting = SettingsTable.named(name);
        return setting != null && setting.takenBy(Face.QUARKUS) && !setting.equals(SettingsTable.TARGET)
                ? spelled(setting)
                : null;
    }
}
