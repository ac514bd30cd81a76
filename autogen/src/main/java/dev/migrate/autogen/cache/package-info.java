/**
 * What the caches of a comparison are keyed by: {@link dev.migrate.autogen.cache.Fingerprint}.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen.cache;

import org.jspecify.annotations.NullMarked;
