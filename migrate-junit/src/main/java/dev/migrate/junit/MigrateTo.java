package dev.migrate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a fresh database on the embedded PostgreSQL, upgraded to a revision: the test
 * takes a {@link MigrationDatabase}, a {@code DataSource} or a {@code Connection} as a parameter.
 * For testing a data migration: load rows at the revision before it, then
 * {@link MigrationDatabase#upgrade(String) upgrade} and assert.
 *
 * <pre>{@code
 * @Test
 * @MigrateTo("20261120_093000")
 * void splitsNames(MigrationDatabase db, Connection c) throws SQLException {
 *     c.createStatement().execute("INSERT INTO customers (name) VALUES ('Ada Lovelace')");
 *     db.upgrade("20261122_101500");
 *     ...
 * }
 * }</pre>
 *
 * On a class, it applies to every test of the class; on a method, it wins over the class's.
 *
 * <p>A slice test of one module names it: the database is at that module's heads and the heads of the modules it
 * depends on, and has nothing of the other modules or of the application's own revisions:
 *
 * <pre>{@code
 * @MigrateTo(module = "billing")   // billing's tables, and customers' that billing depends on
 * class InvoiceRepositoryTest { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(MigrationExtension.class)
public @interface MigrateTo {
    /**
     * Any target {@code migrate:upgrade} takes: a revision id or unique prefix, {@code head}, {@code heads} (the
     * default), {@code base}. With a {@link #module()}: {@code heads}, {@code head} or a revision id of that module.
     */
    String value() default "heads";

    /**
     * The module of a slice test ({@code @MigrationModule(name = ...)}): only its revisions, up to {@link #value()},
     * and the heads of the modules it depends on are applied. Empty (the default): the whole chain.
     */
    String module() default "";
}
