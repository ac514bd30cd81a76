/**
 * Operations rendered as the Java of a migration's methods, and the layout of the class.
 *
 * <p>Internal to autogen: it changes without notice. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen.internal.write;

import org.jspecify.annotations.NullMarked;
