/**
 * How the engine writes values in its lines and reports, the same everywhere: durations ({@link
 * dev.migrate.internal.text.Elapsed}). It depends on no other migrate package, so every layer can use it.
 *
 * <p>Internal: it changes without notice.
 */
@NullMarked
package dev.migrate.internal.text;

import org.jspecify.annotations.NullMarked;
