package dev.migrate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The entity's table is distributed over a Citus cluster by the hash of {@link #column()}: {@code
 * autogenerate} writes {@code op.distributeTable(...)} after creating the table, and {@code check} fails
 * while the database has it otherwise.
 *
 * <pre>{@code
 * @Entity
 * @Distributed(column = "customer_id", colocateWith = "customers")
 * public class Order { ... }
 * }</pre>
 *
 * <p>Citus needs every primary key and unique constraint of the table to include the distribution column;
 * autogenerate stops, naming the entity and the key, before it writes a migration that breaks the rule.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Distributed {
    /** The distribution column: the column's name in the database, as it stands, case and all. */
    String column();

    /**
     * The table (as the database names it, {@code schema.table} outside the entity's schema) whose shards
     * this table's go with, so that joins on the distribution column stay on one node. Empty (the default):
     * a colocation group of its own, with {@link #shardCount()} shards.
     */
    String colocateWith() default "";

    /**
     * How many shards the table has when it starts a colocation group of its own (32, Citus's default
     * {@code citus.shard_count}); a colocated table has its group's.
     */
    int shardCount() default 32;
}
