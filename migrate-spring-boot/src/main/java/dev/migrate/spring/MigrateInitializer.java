package dev.migrate.spring;

import dev.migrate.Migrator;
import org.springframework.beans.factory.InitializingBean;

/**
 * The bean that migrates at startup. Spring Boot's database-initialization ordering
 * ({@link MigrateInitializerDetector}) creates it before the {@code EntityManagerFactory}, the
 * {@code JdbcTemplate} and every bean marked {@code @DependsOnDatabaseInitialization}.
 *
 * <pre>{@code new MigrateInitializer(migrator, migrator -> migrator.upgrade("head"))}</pre>
 *
 * @param migrator the configured migrator
 * @param strategy what to run: the application's {@link MigrateStrategy} bean, or the one {@code migrate.mode} names
 */
public record MigrateInitializer(Migrator migrator, MigrateStrategy strategy) implements InitializingBean {
    @Override
    public void afterPropertiesSet() {
        strategy.migrate(migrator);
    }
}
