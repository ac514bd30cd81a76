/**
 * Annotations an entity class carries for migrate: {@link dev.migrate.annotations.Distributed} and {@link
 * dev.migrate.annotations.ReferenceTable} say how a Citus coordinator spreads the entity's table, and
 * {@code autogenerate} writes the calls that do it. Nothing here is null.
 */
@NullMarked
package dev.migrate.annotations;

import org.jspecify.annotations.NullMarked;
