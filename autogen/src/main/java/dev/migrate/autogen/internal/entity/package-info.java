/**
 * The entity side read from the provider's DDL without a server.
 *
 * <p>Internal to autogen: it changes without notice. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen.internal.entity;

import org.jspecify.annotations.NullMarked;
