package dev.migrate.spring;

import dev.migrate.CredentialsProvider;
import dev.migrate.Fleet;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.command.CommandContext;
import dev.migrate.command.CurrentCommand;
import dev.migrate.command.FleetSettings;
import dev.migrate.command.StartupUpgrade;
import dev.migrate.command.UpgradeCommand;
import dev.migrate.command.ValidateWait;
import dev.migrate.command.database.ApplicationDatabase;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.graph.RevisionTarget;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the application's database at startup, before JPA and {@code JdbcTemplate}, as Spring Boot
 * does for Flyway. Active with a {@code DataSource} bean (or {@code migrate.url}) unless
 * {@code migrate.enabled=false}; of several DataSources, the {@link MigrateDataSource} one, else the
 * {@code @Primary} one. {@code migrate.user} and {@code migrate.password} without {@code migrate.url}
 * log in to that DataSource's database as another role.
 *
 * <p>One jar for Spring Boot 3.5 and 4.0: Boot 4 moved {@code DataSourceAutoConfiguration} into its
 * {@code spring-boot-jdbc} module, so the ordering names both by string and this class refers to no
 * class that only one of the two lines has.
 *
 * <pre>{@code migrate.packages=com.example.db.migrations}</pre>
 */
@AutoConfiguration(
        afterName = {
            // Spring Boot 3.x
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            // Spring Boot 4.x (spring-boot-jdbc)
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
        })
@ConditionalOnClass(Migrator.class)
@Conditional(MigrateAutoConfiguration.DatabaseCondition.class)
@ConditionalOnProperty(prefix = "migrate", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MigrateProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class MigrateAutoConfiguration {

    /** The starter's settings of the settings table, read once, before anything connects. */
    @Bean
    @ConditionalOnMissingBean
    StarterSettings migrateSettings(Environment environment) {
        BootLines.check(SpringBootVersion.getVersion()).ifPresent(MigrationLog.system()::warn);
        return StarterSettings.read(environment);
    }

    /**
     * The migrator the starter runs, also for the application's own use (a health check, an admin
     * endpoint). Migration classes that are beans run as those beans, with what Spring injected.
     * Example: {@code @Autowired Migrator migrator;}
     */
    @Bean
    @ConditionalOnMissingBean
    public Migrator migrator(
            MigrateProperties properties,
            @MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<Migration> migrationBeans,
            ObjectProvider<MigrationListener> listeners,
            ObjectProvider<CredentialsProvider> credentials,
            ObjectProvider<ModuleModel> moduleModel,
            ResourceLoader resourceLoader,
            StarterSettings settings) {
        return builder(
                        properties,
                        settings,
                        migrateDataSource,
                        dataSource,
                        migrationBeans,
                        listeners,
                        credentials,
                        moduleModel,
                        resourceLoader)
                .build();
    }

    private static Migrator.Builder builder(
            MigrateProperties properties,
            StarterSettings settings,
            ObjectProvider<DataSource> migrateDataSource,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<Migration> migrationBeans,
            ObjectProvider<MigrationListener> listeners,
            ObjectProvider<CredentialsProvider> credentials,
            ObjectProvider<ModuleModel> moduleModel,
            ResourceLoader resourceLoader) {
        Migrator.Builder builder = settings.applyTo(Migrator.builder())
                .packages(properties.getPackages().toArray(String[]::new))
                .classLoader(resourceLoader.getClassLoader())
                .validateDrift(settings.validateDrift())
                .migrations(migrationBeans.orderedStream().toArray(Migration[]::new))
                .listener(MigrationListener.allOf(listeners.orderedStream().toList()));
        moduleModel.orderedStream().forEach(model -> model.declareOn(builder));
        return ApplicationDatabase.connect(
                builder,
                new ApplicationDatabase.Settings(
                        properties.getUrl(),
                        properties.getUser(),
                        properties.getPassword(),
                        new ApplicationDatabase.Spelled("migrate.url", "migrate.user", "migrate.password"),
                        "the application's DataSource"),
                credentials.getIfAvailable(),
                () -> applicationDataSource(migrateDataSource, dataSource));
    }

    /**
     * The {@link MigrateDataSource} if there is one, else the application's primary or only DataSource; the
     * migration runs on it with its own search path, never the one {@code migrate.online.search-path} sets.
     */
    private static DataSource applicationDataSource(
            ObjectProvider<DataSource> migrateDataSource, ObjectProvider<DataSource> dataSource) {
        DataSource marked = migrateDataSource.getIfUnique();
        if (marked != null) {
            return OnlineSearchPath.unwrapped(marked);
        }
        DataSource unique = dataSource.getIfUnique();
        if (unique == null) {
            throw new MigrateException("The application has several DataSource beans and none is @Primary, so "
                    + "migrate does not know which database to migrate. Mark the one to migrate with "
                    + "@MigrateDataSource (dev.migrate.spring.MigrateDataSource) on its @Bean method, or set "
                    + "migrate.url to its JDBC URL.");
        }
        return OnlineSearchPath.unwrapped(unique);
    }

    /**
     * Runs the application's {@link MigrateStrategy} bean if it has one, else what {@code migrate.mode}
     * says, on the database or, with {@code migrate.tenants} or a {@link MigrateTenants} bean, on every tenant.
     * Example: {@code migrate.mode=validate}
     */
    /**
     * {@code migrate.online.search-path=true}: the application's connections use the schema of views of its
     * revision while an online migration rolls out. Example: {@code migrate.online.search-path=true}
     */
    @Bean
    @ConditionalOnProperty(prefix = "migrate.online", name = "search-path", havingValue = "true")
    static OnlineSearchPath migrateOnlineSearchPath() {
        return new OnlineSearchPath();
    }

    /**
     * What the Actuator endpoint {@code /actuator/migrate} and the {@code migrate} health indicator show, read
     * when asked; for the application's own views too. Example: {@code status.health().status()}
     */
    @Bean
    @ConditionalOnMissingBean
    public MigrateStatus migrateStatus(
            Migrator migrator,
            MigrateProperties properties,
            ObjectProvider<MigrateTenants> tenants,
            @MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<Migration> migrationBeans,
            ObjectProvider<MigrationListener> listeners,
            ObjectProvider<CredentialsProvider> credentials,
            ObjectProvider<ModuleModel> moduleModel,
            ResourceLoader resourceLoader,
            StarterSettings settings) {
        MigrateTenants fleet = tenants.getIfAvailable(() -> settings.tenants());
        Supplier<Fleet> fleetOf = fleet == null
                ? null
                : () -> {
                    Fleet.Builder builder = Fleet.builder(builder(
                            properties,
                            settings,
                            migrateDataSource,
                            dataSource,
                            migrationBeans,
                            listeners,
                            credentials,
                            moduleModel,
                            resourceLoader));
                    if (!fleet.schemas().isEmpty()) {
                        builder.tenants(fleet.schemas());
                    }
                    if (!fleet.dataSources().isEmpty()) {
                        builder.dataSources(fleet.dataSources());
                    }
                    return builder.build();
                };
        return new MigrateStatus(
                migrator, fleetOf, settings.validateDrift(), properties.getHealth(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    public MigrateInitializer migrateInitializer(
            Migrator migrator,
            MigrateProperties properties,
            ObjectProvider<MigrateStrategy> strategy,
            ObjectProvider<MigrateTenants> tenants,
            @MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<Migration> migrationBeans,
            ObjectProvider<MigrationListener> listeners,
            ObjectProvider<OnlineSearchPath> onlineSearchPath,
            ObjectProvider<CredentialsProvider> credentials,
            ObjectProvider<MigrateStatus> status,
            ObjectProvider<ModuleModel> moduleModel,
            ResourceLoader resourceLoader,
            StarterSettings settings) {
        MigrateTenants fleet = tenants.getIfAvailable(() -> settings.tenants());
        MigrateStrategy own = strategy.getIfAvailable();
        MigrateStrategy chosen = own != null
                ? own
                : fleet == null
                        ? checkedAtStartup(defaultStrategy(properties, settings), properties, settings, status)
                        : fleetStrategy(
                                properties,
                                settings,
                                fleet,
                                () -> builder(
                                        properties,
                                        settings,
                                        migrateDataSource,
                                        dataSource,
                                        migrationBeans,
                                        listeners,
                                        credentials,
                                        moduleModel,
                                        resourceLoader));
        OnlineSearchPath searchPath = onlineSearchPath.getIfAvailable();
        if (searchPath == null || fleet != null) {
            return new MigrateInitializer(migrator, chosen);
        }
        // once the database is migrated, the application's connections take its revision's schema of views
        return new MigrateInitializer(migrator, m -> {
            chosen.migrate(m);
            searchPath.activate(m, applicationDataSource(migrateDataSource, dataSource), MigrationLog.system());
        });
    }

    /** Under migrate.validate-drift, tells the status that startup checked drift, once it did and passed. */
    private static MigrateStrategy checkedAtStartup(
            MigrateStrategy strategy,
            MigrateProperties properties,
            StarterSettings settings,
            ObjectProvider<MigrateStatus> status) {
        if (!settings.validateDrift() || properties.getMode() == MigrateProperties.Mode.NONE) {
            return strategy;
        }
        return migrator -> {
            strategy.migrate(migrator);
            status.ifAvailable(MigrateStatus::startupChecked);
        };
    }

    private static MigrateStrategy defaultStrategy(MigrateProperties properties, StarterSettings settings) {
        return switch (properties.getMode()) {
            case UPGRADE -> StartupUpgrade.of(settings.resolved())::run;
            case VALIDATE ->
                new ValidateWait(
                        properties.getValidate().getWaitTimeout(),
                        SettingsTable.VALIDATE_WAIT_TIMEOUT.spelled(Face.SPRING_BOOT),
                        MigrationLog.system())::validate;
            case NONE -> migrator -> {};
        };
    }

    /**
     * What {@code migrate.mode} says, on every tenant, as {@code mvn migrate:upgrade} and {@code migrate current
     * --check-heads} run it on a fleet: startup fails naming the tenants that failed (upgrade) or are not at head
     * (validate).
     */
    private static MigrateStrategy fleetStrategy(
            MigrateProperties properties,
            StarterSettings settings,
            MigrateTenants tenants,
            Supplier<Migrator.Builder> builder) {
        if (settings.validateDrift()) {
            throw new MigrateException("migrate.validate-drift checks one database at startup, and migrate.tenants (or "
                    + "a MigrateTenants bean) names a fleet. Check the fleet with mvn migrate:drift "
                    + "-Dmigrate.tenants=... (a nightly CI job), and turn migrate.validate-drift off.");
        }
        FleetSettings fleet = FleetSettings.ofSchemas(
                settings.resolved(),
                tenants.schemas().isEmpty() ? null : String.join(",", tenants.schemas()),
                tenants.dataSources());
        CommandContext context = StarterContext.of(builder);
        String target = Objects.requireNonNull(settings.resolved().value(SettingsTable.TARGET, "upgrade"));
        return switch (properties.getMode()) {
            case UPGRADE -> migrator -> new UpgradeCommand(RevisionTarget.of(target)).run(fleet, null, context);
            case VALIDATE -> migrator -> new CurrentCommand(false, true).run(fleet, context);
            case NONE -> migrator -> {};
        };
    }

    /**
     * Spring Modulith's application modules as migrate modules, when the application has Spring Modulith: guarded by
     * its class, named by string, so that nothing of it is loaded without it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.modulith.core.ApplicationModules")
    static class Modulith {
        @Bean
        ModuleModel migrateModulithModules(ListableBeanFactory beans) {
            return new ModulithModules(beans);
        }
    }

    /** A database to migrate: the application's DataSource, or a dedicated migrate.url. */
    static final class DatabaseCondition extends AnyNestedCondition {
        DatabaseCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        static final class ApplicationDataSource {}

        @ConditionalOnProperty(prefix = "migrate", name = "url")
        static final class DedicatedUrl {}
    }
}
