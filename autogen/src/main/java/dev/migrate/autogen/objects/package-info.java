/**
 * The objects beside tables a project declares in SQL files ({@link dev.migrate.autogen.objects.DeclaredObjects}).
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen.objects;

import org.jspecify.annotations.NullMarked;
