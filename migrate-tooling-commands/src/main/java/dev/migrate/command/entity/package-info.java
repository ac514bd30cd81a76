/**
 * The project's side of an entity comparison ({@code check}, {@code autogenerate}, the head of {@code verify}):
 * its JPA entities, described by its own JPA provider in a class loader of their own, and what the comparison
 * is told besides (the managed schema, exclusions, renames, the declared objects, the entity cache), as a
 * face's settings give them.
 */
@NullMarked
package dev.migrate.command.entity;

import org.jspecify.annotations.NullMarked;
