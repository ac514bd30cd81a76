package dev.migrate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The entity's table is a Citus reference table, copied whole to every node of the cluster (a small table
 * that distributed tables join with or point foreign keys at): {@code autogenerate} writes {@code
 * op.createReferenceTable(...)} after creating the table, before the distributed tables, and {@code check}
 * fails while the database has it otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReferenceTable {}
