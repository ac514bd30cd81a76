package dev.migrate.catalog.diff;

import dev.migrate.lint.LintRule;

/**
 * The hazards autogenerate notes on a risky change to a table that already exists, each citing the
 * rule of {@code migrate:lint} ({@link LintRule}) it would break. A change to a table the same
 * migration creates gets none: nothing reads or writes that table yet.
 */
final class Hazards {
    private Hazards() {}

    /** A new index on an existing table: {@code CREATE INDEX} holds a ShareLock while it builds. */
    static Hazard index(String subject) {
        return new Hazard(LintRule.INDEX_NOT_CONCURRENT, subject, null, true);
    }

    /** A unique constraint added to an existing table builds its index under ACCESS EXCLUSIVE. */
    static Hazard unique(String subject) {
        return new Hazard(LintRule.UNIQUE_NOT_FROM_INDEX, subject, null, true);
    }

    /** A primary key added to an existing table: the same lock, but autogenerate does not rebuild it online. */
    static Hazard primaryKey(String subject) {
        return new Hazard(LintRule.UNIQUE_NOT_FROM_INDEX, subject, null, false);
    }

    /** A foreign key or check added to an existing table checks every row while writes wait. */
    static Hazard constraint(String subject) {
        return new Hazard(LintRule.CONSTRAINT_WITHOUT_NOT_VALID, subject, null, true);
    }

    /** SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE, and fails on a NULL. */
    static Hazard setNotNull(String subject) {
        return new Hazard(
                LintRule.SET_NOT_NULL_SCAN,
                subject,
                "it fails if the column holds NULLs: fill them first, in a data migration",
                true);
    }

    /** A type change PostgreSQL does by rewriting the table; there is no automatic lock-safe form. */
    static Hazard typeChangeRewrite(String subject, String from, String to) {
        return new Hazard(
                LintRule.TYPE_CHANGE_REWRITE,
                subject,
                from + " to " + to + " is not binary coercible, so the table is copied in time and space"
                        + " proportional to its size",
                false);
    }

    /**
     * A column added to an existing table whose value PostgreSQL computes for every row (a volatile
     * default, an identity, a stored generated column): the table is rewritten.
     */
    static Hazard addColumnRewrite(String subject, String why) {
        return new Hazard(LintRule.ADD_COLUMN_REWRITE, subject, why, false);
    }

    /** A table or column that the running application may still use is dropped, with its data. */
    static Hazard drop(String subject, String loses) {
        return new Hazard(LintRule.BACKWARD_INCOMPATIBLE, subject, loses, false);
    }

    /** A table or column is renamed under the running application. */
    static Hazard rename(String subject) {
        return new Hazard(LintRule.BACKWARD_INCOMPATIBLE, subject, null, false);
    }
}
