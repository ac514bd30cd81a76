/**
 * {@code watch}: the comparison of the entities with the schema at head kept resident, run again after each
 * change of the compiled classes or the declared objects, with the project's classes in a class loader of
 * their own each cycle.
 */
@NullMarked
package dev.migrate.command.watch;

import org.jspecify.annotations.NullMarked;
