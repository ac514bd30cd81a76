/**
 * The operation model: one record per schema change, which the runner applies, the offline mode
 * prints and autogenerate writes. Nothing here is null unless marked {@code @Nullable}; a
 * {@code @Nullable} record component means "none".
 */
@NullMarked
package dev.migrate.op;

import org.jspecify.annotations.NullMarked;
