package dev.migrate.spring;

import dev.migrate.Migrator;

/**
 * Replaces what the starter does at startup: define one as a bean and it runs instead of the
 * {@code migrate.mode} default, before JPA and {@code JdbcTemplate} are created.
 *
 * <pre>{@code @Bean MigrateStrategy strategy() { return migrator -> { migrator.assertUpToDate(); }; }}</pre>
 */
@FunctionalInterface
public interface MigrateStrategy {
    /** Does the startup work with the configured migrator. Example: {@code migrator.upgrade("head")} */
    void migrate(Migrator migrator);
}
