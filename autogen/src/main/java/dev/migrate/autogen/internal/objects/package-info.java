/**
 * The declared objects built after the entities' tables on a database of their own, and read back.
 *
 * <p>Internal to autogen: it changes without notice. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen.internal.objects;

import org.jspecify.annotations.NullMarked;
