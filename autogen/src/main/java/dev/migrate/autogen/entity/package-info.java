/**
 * The entity side: the JPA provider's DDL for a project's entities ({@link dev.migrate.autogen.entity.EntityDdl}),
 * generated in the project's class loader. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen.entity;

import org.jspecify.annotations.NullMarked;
