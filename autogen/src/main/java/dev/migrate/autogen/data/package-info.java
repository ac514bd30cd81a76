/**
 * The rows a project declares under its data directory ({@link dev.migrate.autogen.data.DeclaredRows}), which
 * {@code autogenerate}, {@code check} and {@code drift} compare by key like the schema.
 */
@NullMarked
package dev.migrate.autogen.data;

import org.jspecify.annotations.NullMarked;
