package dev.migrate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The migrations of this package (and its subpackages) belong to a module: each revision is named
 * {@code <name>.<id>} in the version table, its {@code revises} and {@code dependsOn} are read within the
 * module, and an upgrade applies the modules it {@link #dependsOn()} first. Written on the package's
 * {@code package-info.java}:
 *
 * <pre>{@code
 * @MigrationModule(name = "billing", dependsOn = "customers")
 * package com.acme.billing.migrations;
 *
 * import dev.migrate.annotations.MigrationModule;
 * }</pre>
 *
 * <p>A {@code @Revision(module = ...)} on a class wins over its package's module. A library that ships
 * migrations also lists the package in {@code META-INF/migrate/module.properties}, so that an application
 * finds them without configuring the package (see the how-to on modules).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface MigrationModule {
    /** The module's name: letters, digits and underscores, unique among the modules of an application. */
    String name();

    /** The modules whose revisions are applied before this module's: their tables are there when it starts. */
    String[] dependsOn() default {};
}
