package dev.migrate.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link MigrateInitializer} initializes the database, so that the beans that
 * use it (JPA, {@code JdbcTemplate}, jOOQ, {@code @DependsOnDatabaseInitialization}) are created after it,
 * as Boot does for Flyway. Registered in {@code META-INF/spring.factories}.
 *
 * <pre>{@code org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector=dev.migrate.spring.MigrateInitializerDetector}</pre>
 */
public final class MigrateInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigrateInitializer.class);
    }

    /** Ahead of SQL script initialization (spring.sql.init), as Flyway is. Example: {@code detector.getOrder()} */
    @Override
    public int getOrder() {
        return 1;
    }

    /** Example: {@code DatabaseInitializerDetector d = new MigrateInitializerDetector();} */
    public MigrateInitializerDetector() {
        // instantiated by Spring's factories loader
    }
}
