/**
 * The file caches under {@code target/migrate}: the entity side, the replayed schema at head and the schemas
 * drift found in sync, each kept by {@link dev.migrate.autogen.internal.cache.KeyedFileStore}.
 *
 * <p>Internal to autogen: it changes without notice. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen.internal.cache;

import org.jspecify.annotations.NullMarked;
