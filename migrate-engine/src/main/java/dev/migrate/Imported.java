package dev.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a revision written by {@code migrate:import} from a Flyway migration or a Liquibase changeset, so that
 * the first {@code upgrade} of a database that tool migrated stamps the revisions it already ran, once each has
 * the checksum the old history table holds for it:
 * {@code @Imported(from = "flyway", key = "42", checksums = "-1123454521")}.
 *
 * <p>The import writes these; a person edits them only to accept a migration that was changed after it ran
 * (add the checksum the old table holds).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Imported.List.class)
public @interface Imported {
    /**
     * The tool the migration comes from, {@code "flyway"} or {@code "liquibase"}:
     * {@code @Imported(from = "liquibase", key = "db/changelog/orders.xml::2-orders::alice")}.
     *
     * @return the tool
     */
    String from();

    /**
     * What the old history table records the migration by: Flyway's version, or the description of a repeatable
     * migration; Liquibase's {@code path::id::author}: {@code @Imported(from = "flyway", key = "1.2")}.
     *
     * @return the key
     */
    String key();

    /**
     * The checksums the old history table may hold for the migration as imported (Flyway's CRC32 as a decimal,
     * Liquibase's MD5SUM of each checksum version); none to accept any, as for a Java migration Flyway keeps none
     * of: {@code @Imported(from = "liquibase", key = "orders.xml::1::alice", checksums = {"9:5e2c", "8:41aa"})}.
     *
     * @return the accepted checksums
     */
    String[] checksums() default {};

    /**
     * Whether the old tool runs it again when it changes (Flyway's {@code R__}, Liquibase's {@code runOnChange}):
     * {@code @Imported(from = "flyway", key = "customer totals", repeatable = true)}.
     *
     * @return true for a repeatable migration
     */
    boolean repeatable() default false;

    /**
     * Whether the old tool has an undo for it (Flyway's {@code U} file, Liquibase's rollback). Without one, the
     * revision's downgrade throws, naming the migration; {@code verify}'s round trips leave its downgrade out and
     * {@code lint} names it. Set it to {@code true} once the downgrade is written:
     * {@code @Imported(from = "flyway", key = "1", downgrade = false)}.
     *
     * @return false when the revision has no downgrade yet
     */
    boolean downgrade() default true;

    /**
     * Whether the old tool stops the run on an error in the migration (Liquibase's {@code failOnError}, true unless
     * a changeset sets it false). Where it is false, Liquibase undoes the changeset on an error, records no row for
     * it and goes on, and the revision does the same (its statements undone, a warning, the run goes on); so a
     * database whose history lacks its row but holds later ones moves in with the revision applied, when it runs in
     * a transaction: {@code @Imported(from = "liquibase", key = "a.xml::1::bob", failOnError = false)}.
     *
     * @return false when an error in it is undone and passed over
     */
    boolean failOnError() default true;

    /**
     * Several imported migrations in one revision, as the compiler writes repeated {@code @Imported}:
     * {@code @Imported.List({@Imported(from = "flyway", key = "a", repeatable = true)})}.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /**
         * The imported migrations: {@code @Imported.List({@Imported(from = "flyway", key = "b", repeatable = true)})}.
         *
         * @return them
         */
        Imported[] value();
    }
}
