/**
 * The objects beside tables, one kind per class: each says in one {@code SELECT} how the catalog
 * lists its objects and spells the statements that create them (with the server's own deparse:
 * {@code pg_get_viewdef}, {@code pg_get_functiondef}, {@code pg_get_triggerdef}, ...). {@link
 * dev.migrate.catalog.kind.ObjectReader} runs them all as one query, and reads their dependencies
 * from {@code pg_depend} in one more. Objects that belong to an extension are the extension's and
 * never listed one by one.
 */
@NullMarked
package dev.migrate.catalog.kind;

import org.jspecify.annotations.NullMarked;
