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
 * public class V20261122_101500_AddStatusColumn implements Migration {
 *     public void upgrade(Operations op) { op.addColumn("agents", column("status", "varchar(50)")); }
 *     public void downgrade(Operations op) { op.dropColumn("agents", "status"); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
    /**
     * The revision id: letters, digits and underscores; new ids are UTC timestamps:
     * {@code @Revision(id = "20261122_101500")}.
     *
     * @return the id, unique among the migrations
     */
    String id();

    /**
     * The parent revisions: none for a base, two or more for a merge point:
     * {@code @Revision(id = "20261124_120000", revises = {"20261123_080000", "20261123_090000"})}.
     *
     * @return the parents' ids
     */
    String[] revises() default {};

    /**
     * A one-line description, shown by {@code history} and in the build log:
     * {@code @Revision(id = "20261122_101500", message = "add status column")}.
     *
     * @return the description
     */
    String message() default "";

    /**
     * Names for the branch this revision starts, usable as {@code billing@head}:
     * {@code @Revision(id = "20261123_090000", revises = "20261122_101500", branchLabels = "billing")}.
     *
     * @return the labels
     */
    String[] branchLabels() default {};

    /**
     * Revisions that must be applied before this one without being its parents:
     * {@code @Revision(id = "20261125_100000", revises = "20261123_090000", dependsOn = "20261123_080000")}.
     *
     * @return the ids it depends on
     */
    String[] dependsOn() default {};

    /**
     * Whether the migration runs inside a transaction. {@code false} runs it in autocommit, for
     * statements PostgreSQL refuses inside one ({@code CREATE INDEX CONCURRENTLY}, {@code ALTER TYPE ... ADD VALUE}):
     * {@code @Revision(id = "20261126_090000", revises = "20261125_100000", transactional = false)}.
     *
     * @return false to run in autocommit
     */
    boolean transactional() default true;

    /**
     * The contexts this revision runs in: none (the default) runs in every run; with some, only in a run given
     * one of them ({@code -Dmigrate.contexts=test}, {@code builder.contexts("test")}), as for test-only seed rows.
     * Such a revision is left out of every other run, which records it in the history as skipped; a later run in
     * one of its contexts applies it. A revision that runs in every context cannot revise (or depend on) one limited
     * to some, so a limited revision starts a branch of its own:
     * {@code @Revision(id = "20261201_090000", revises = "20261130_120000", contexts = "test")}.
     *
     * @return the contexts; empty for every run
     */
    String[] contexts() default {};

    /**
     * For a squash: the revisions it replaces, parents first and the one it stands for last, as
     * {@code mvn migrate:squash} writes them. A database at base runs the squash instead of them; a
     * database part-way through them continues through them; the revisions that revise the last one
     * keep revising it. Once every database is past the last one, their classes may be deleted:
     * {@code @Revision(id = "20261201_090000", replaces = {"20250101_080000", "20250102_080000"})}.
     *
     * @return the replaced ids, the one the squash stands for last
     */
    String[] replaces() default {};

    /**
     * The module that owns this revision: its id, {@code revises} and {@code dependsOn} are read within that
     * module, so two modules may both have a revision {@code 20261129_090000}; the version table and every report
     * name it {@code <module>.<id>}. Empty (the default): the module declared for the class's package by
     * {@code @MigrationModule} on its {@code package-info}, or else the application's own module, whose ids stand
     * alone as before:
     * {@code @Revision(id = "20261129_090000", module = "billing", message = "create invoices")}.
     *
     * @return the module's name (letters, digits and underscores), or empty
     */
    String module() default "";
}
