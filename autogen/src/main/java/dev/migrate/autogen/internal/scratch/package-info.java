/**
 * The entity side built in a scratch schema and read with the catalog reader.
 *
 * <p>Internal to autogen: it changes without notice. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen.internal.scratch;

import org.jspecify.annotations.NullMarked;
