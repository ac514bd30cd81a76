package dev.migrate.command;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.SettingsTable;
import java.util.Objects;

/**
 * Startup's upgrade (the starter's {@code migrate.mode=upgrade}, the Quarkus extension's
 * {@code quarkus.migrate.migrate-at-start}): to the application's {@code target}, then, with {@code validate-drift},
 * the check that the database has the schema of the head, which only an upgrade to head can pass.
 *
 * <pre>{@code StartupUpgrade.of(settings).run(migrator)}</pre>
 *
 * @param target the revision to upgrade to
 * @param validateDrift whether the database is then compared with the schema of the head
 */
public record StartupUpgrade(String target, boolean validateDrift) {

    /**
     * The upgrade that {@code settings} ask for: their {@code target} (the upgrade's default, {@code head}) and
     * {@code validateDrift}.
     *
     * @throws MigrateException when drift is validated after an upgrade to a revision other than the head, naming
     *     both settings as the face spells them and the fix
     */
    public static StartupUpgrade of(ResolvedSettings settings) {
        String target =
                Objects.requireNonNull(settings.value(SettingsTable.TARGET, "upgrade"), "the upgrade's default");
        boolean validateDrift = Boolean.TRUE.equals(settings.value(SettingsTable.VALIDATE_DRIFT));
        if (validateDrift && !"head".equals(target) && !"heads".equals(target)) {
            String drift = settings.spelled(SettingsTable.VALIDATE_DRIFT);
            String spelledTarget = settings.spelled(SettingsTable.TARGET);
            throw new MigrateException(drift + " compares the database with the schema of the head, and "
                    + spelledTarget + " is " + target + ". Upgrade to head (remove " + spelledTarget + "), or turn "
                    + drift + " off.");
        }
        return new StartupUpgrade(target, validateDrift);
    }

    /** Upgrades the database of {@code migrator}, then checks it against the schema of the head if asked to. */
    public void run(Migrator migrator) {
        migrator.upgrade(target);
        if (validateDrift) {
            migrator.assertUpToDate();
        }
    }
}
