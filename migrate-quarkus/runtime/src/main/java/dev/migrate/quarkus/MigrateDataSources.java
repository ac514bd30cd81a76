package dev.migrate.quarkus;

import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.command.DatabaseHealth;
import dev.migrate.command.StartupUpgrade;
import dev.migrate.command.ValidateWait;
import dev.migrate.command.database.ApplicationDatabase;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.tooling.MigratorTools;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.inject.Any;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the extension does with each datasource it manages: builds its {@link Migrator} from the revisions the build
 * found and the datasource's settings, runs what startup asks (upgrade, or validate), and keeps its health.
 */
final class MigrateDataSources {
    private static final MigrationLog LOG = MigrationLog.system();

    /**
     * Each managed datasource's health, kept so that a drift check is not run again at every probe; for one run of the
     * application ({@link #newRun}). The extension's runtime classes outlive a restart of {@code quarkus dev}, which
     * builds new migrators over the classes it recompiled, so a health kept from before it would judge the database
     * by the old classes (a revision just written and applied would be one "no migration class defines").
     */
    private static final Map<String, DatabaseHealth> HEALTH = new ConcurrentHashMap<>();

    private MigrateDataSources() {}

    /** The settings of {@code dataSource}, read from the application's configuration with its profile. */
    static QuarkusSettings settings(String dataSource) {
        return QuarkusSettings.of(
                dataSource,
                key -> ConfigProvider.getConfig()
                        .getOptionalValue(key, String.class)
                        .orElse(null));
    }

    /** The migrator of {@code dataSource}: its revisions, found by the build, run on its database. */
    static Migrator migrator(String dataSource, List<String> revisions, List<String> packages) {
        QuarkusSettings settings = settings(dataSource);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ArcContainer container = Arc.requireContainer();
        List<Class<?>> classes = new ArrayList<>();
        List<Migration> beans = new ArrayList<>();
        for (String name : revisions) {
            Class<?> type = load(name, loader);
            classes.add(type);
            // a revision that is a bean runs as that bean, with what CDI injected into it
            InstanceHandle<?> bean = container.instance(type);
            if (bean.isAvailable() && bean.get() instanceof Migration migration) {
                beans.add(migration);
            }
        }
        // the extension's own fixes after the settings', which would spell only a run's settings its way
        Migrator.Builder builder = MigratorTools.spellFixes(
                        settings.resolved().applyTo(Migrator.builder()), settings.fixes())
                .classLoader(loader)
                .packages(packages.toArray(String[]::new))
                .migrations(classes.toArray(Class<?>[]::new))
                .migrations(beans.toArray(Migration[]::new))
                .validateDrift(Boolean.TRUE.equals(settings.get(SettingsTable.VALIDATE_DRIFT)))
                .listener(
                        MigrationListener.allOf(container.select(MigrationListener.class, Any.Literal.INSTANCE).stream()
                                .toList()));
        InstanceHandle<CredentialsProvider> credentials = container.instance(CredentialsProvider.class);
        return ApplicationDatabase.connect(
                        builder,
                        new ApplicationDatabase.Settings(
                                settings.get(SettingsTable.URL),
                                settings.get(SettingsTable.USER),
                                settings.get(SettingsTable.PASSWORD),
                                new ApplicationDatabase.Spelled(
                                        settings.spelled(SettingsTable.URL),
                                        settings.spelled(SettingsTable.USER),
                                        settings.spelled(SettingsTable.PASSWORD)),
                                "the datasource"),
                        credentials.isAvailable() ? credentials.get() : null,
                        () -> AgroalDataSourceUtil.dataSourceIfActive(dataSource)
                                .orElse(null))
                .build();
    }

    /** Forgets the healths of the application's previous run, whose migrators a dev-mode restart replaced. */
    static void newRun() {
        HEALTH.clear();
    }

    /** Runs what startup asks of {@code dataSource}: an upgrade, a validation, or nothing. */
    static void start(String dataSource) {
        QuarkusSettings settings = settings(dataSource);
        boolean upgrade = Boolean.TRUE.equals(settings.get(SettingsTable.MIGRATE_AT_START));
        boolean validate = Boolean.TRUE.equals(settings.get(SettingsTable.VALIDATE_AT_START));
        if (!upgrade && !validate) {
            return;
        }
        Migrator migrator = migrator(dataSource);
        if (upgrade) {
            StartupUpgrade.of(settings.resolved()).run(migrator);
        } else {
            Duration wait = Objects.requireNonNull(settings.get(SettingsTable.VALIDATE_WAIT_TIMEOUT));
            new ValidateWait(wait, settings.spelled(SettingsTable.VALIDATE_WAIT_TIMEOUT), LOG).validate(migrator);
        }
        health(dataSource).startupChecked();
    }

    /** The health of {@code dataSource}, kept across probes. */
    static DatabaseHealth health(String dataSource) {
        return HEALTH.computeIfAbsent(dataSource, name -> {
            QuarkusSettings settings = settings(name);
            DatabaseHealth health = DatabaseHealth.of(migrator(name));
            return Boolean.TRUE.equals(settings.get(SettingsTable.VALIDATE_DRIFT))
                    ? health.validatingDrift(Objects.requireNonNull(settings.get(SettingsTable.HEALTH_DRIFT_INTERVAL)))
                    : health;
        });
    }

    /** The migrator bean of {@code dataSource}. */
    static Migrator migrator(String dataSource) {
        return Arc.requireContainer()
                .select(Migrator.class, AgroalDataSourceUtil.qualifier(dataSource))
                .get();
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new MigrateException(
                    "The revision class " + name + " that the build found is not on the "
                            + "application's class path. Rebuild the application (mvn package).",
                    e);
        }
    }
}
