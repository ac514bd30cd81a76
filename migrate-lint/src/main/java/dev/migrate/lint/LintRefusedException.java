package dev.migrate.lint;

import dev.migrate.MigrateException;

/**
 * The lint was handed a database that is not an empty one made for it (it holds a version table, or
 * tables, views or sequences the lint did not create), and ran nothing there: the lint writes sample
 * rows into every table and deletes them again.
 * {@code catch (LintRefusedException e) { log.error(e.getMessage()); }}
 */
public final class LintRefusedException extends MigrateException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the database, what it holds, and where to lint instead
     */
    public LintRefusedException(String message) {
        super(message);
    }
}
