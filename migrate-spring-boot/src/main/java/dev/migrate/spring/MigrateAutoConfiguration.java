package dev.migrate.spring;

import dev.migrate.AppliedStep;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationStep;
import dev.migrate.Migrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.context.annotation.Import;
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
            ResourceLoader resourceLoader) {
        Migrator.Builder builder = Migrator.builder()
                .packages(properties.getPackages().toArray(String[]::new))
                .classLoader(resourceLoader.getClassLoader())
                .schema(properties.getSchema())
                .versionTable(properties.getVersionTable())
                .historyTable(properties.getHistoryTable())
                .lockTimeout(properties.getLockTimeout())
                .lockRetries(properties.getLockRetries())
                .statementTimeout(properties.getStatementTimeout())
                .progressInterval(properties.getProgressInterval())
                .migrations(migrationBeans.orderedStream().toArray(Migration[]::new))
                .listener(allOf(listeners.orderedStream().toList()));
        if (properties.getUrl() != null) {
            builder.url(properties.getUrl(), properties.getUser(), properties.getPassword());
        } else if (properties.getUser() != null || properties.getPassword() != null) {
            // as Flyway does: the application's database, logged in as the migration role
            builder.url(
                    jdbcUrlOf(applicationDataSource(migrateDataSource, dataSource)),
                    properties.getUser(),
                    properties.getPassword());
        } else {
            builder.dataSource(applicationDataSource(migrateDataSource, dataSource));
        }
        return builder.build();
    }

    /** The {@link MigrateDataSource} if there is one, else the application's primary or only DataSource. */
    private static DataSource applicationDataSource(
            ObjectProvider<DataSource> migrateDataSource, ObjectProvider<DataSource> dataSource) {
        DataSource marked = migrateDataSource.getIfUnique();
        if (marked != null) {
            return marked;
        }
        DataSource unique = dataSource.getIfUnique();
        if (unique == null) {
            throw new MigrateException("The application has several DataSource beans and none is @Primary, so "
                    + "migrate does not know which database to migrate. Mark the one to migrate with "
                    + "@MigrateDataSource (dev.migrate.spring.MigrateDataSource) on its @Bean method, or set "
                    + "migrate.url to its JDBC URL.");
        }
        return unique;
    }

    /** The URL the DataSource connects to, as its driver reports it, for migrate.user without migrate.url. */
    private static String jdbcUrlOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new MigrateException(
                    "migrate.user or migrate.password is set without migrate.url, so migrate connects to the JDBC "
                            + "URL of the application's DataSource, but could not read it: " + e.getMessage()
                            + ". Set migrate.url to the JDBC URL the migration role connects to.",
                    e);
        }
    }

    /**
     * Runs the application's {@link MigrateStrategy} bean if it has one, else what {@code migrate.mode} says.
     * Example: {@code migrate.mode=validate}
     */
    @Bean
    @ConditionalOnMissingBean
    public MigrateInitializer migrateInitializer(
            Migrator migrator, MigrateProperties properties, ObjectProvider<MigrateStrategy> strategy) {
        return new MigrateInitializer(migrator, strategy.getIfAvailable(() -> defaultStrategy(properties)));
    }

    private static MigrateStrategy defaultStrategy(MigrateProperties properties) {
        String target = properties.getTarget();
        return switch (properties.getMode()) {
            case UPGRADE -> migrator -> migrator.upgrade(target);
            case VALIDATE -> Migrator::assertUpToDate;
            case NONE -> migrator -> {};
        };
    }

    private static MigrationListener allOf(List<MigrationListener> listeners) {
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        return new MigrationListener() {
            @Override
            public void beforeStep(MigrationStep step) {
                listeners.forEach(l -> l.beforeStep(step));
            }

            @Override
            public void afterStep(AppliedStep step) {
                listeners.forEach(l -> l.afterStep(step));
            }

            @Override
            public void onFailure(MigrateException failure) {
                listeners.forEach(l -> l.onFailure(failure));
            }
        };
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
