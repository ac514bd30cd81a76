package dev.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts what {@code migrate:lint} finds in this migration, with the reason, so that it no longer
 * fails the build: the findings are still reported, marked as accepted.
 *
 * <pre>{@code
 * @SuppressLint(rules = "index-not-concurrent", reason = "the table holds 40 rows of reference data")
 * @Revision(id = "20261124_090000", revises = "20261122_101500", message = "index currencies")
 * public class V20261124_090000_IndexCurrencies implements Migration {
 *     public void upgrade(Operations op) { op.createIndex("ix_currencies_code", "currencies", "code"); }
 *     public void downgrade(Operations op) { op.dropIndex("ix_currencies_code"); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SuppressLint {
    /**
     * The ids of the rules accepted, as the lint prints them; none means every rule:
     * {@code @SuppressLint(rules = {"backward-incompatible", "missing-lock-timeout"}, reason = "run in the maintenance window")}.
     *
     * @return rule ids, such as {@code index-not-concurrent}
     */
    String[] rules() default {};

    /**
     * Why the finding is acceptable here, for the reviewer and the report:
     * {@code @SuppressLint(reason = "the table is created empty by the previous migration of this release")}.
     *
     * @return the reason, not blank
     */
    String reason();
}
