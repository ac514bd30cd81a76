package dev.migrate.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that takes seconds of PostgreSQL work, kept beside the code it tests but run by
 * {@code migrate-long-tests}, a module nothing waits on. The modules the Maven plugin depends on (the engine, lint,
 * the catalog, autogen, import) would otherwise hold the plugin's Invoker projects back by the length of their
 * suites; their classes marked with this run after them, beside the Invoker projects. Where the class lives, a
 * build that names it runs it there ({@code -Dtest=MigratorTest}), as does {@code -DexcludedGroups=scale}.
 *
 * <pre>{@code
 * @LongSuite
 * class MigratorTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("long")
public @interface LongSuite {}
