package dev.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Places a {@link Migration} in the revision graph.
 *
 * <pre>{@code
 * @Revision(id = "20261122_101500", revises = "20261120_093000", message = "add status column")
 * public class V20261122_101500_AddStatusColumn implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
    /** The revision id: letters, digits and underscores. New ids are UTC timestamps {@code yyyyMMdd_HHmmss}. */
    String id();

    /** The parent revisions: none for a base, two or more for a merge point. */
    String[] revises() default {};

    /** A one-line description, shown by {@code history} and in the build log. */
    String message() default "";

    /** Names for the branch this revision starts or belongs to, usable as {@code <label>@head}. */
    String[] branchLabels() default {};

    /** Revisions that must be applied before this one without being its parents. */
    String[] dependsOn() default {};

    /**
     * Whether the migration runs inside a transaction. {@code false} runs it in autocommit, for
     * statements PostgreSQL refuses inside one ({@code CREATE INDEX CONCURRENTLY}, {@code ALTER TYPE ... ADD VALUE}).
     */
    boolean transactional() default true;
}
