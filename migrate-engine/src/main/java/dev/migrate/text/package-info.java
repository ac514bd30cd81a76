/**
 * Text that migrate's modules write alike: JSON strings ({@link dev.migrate.text.JsonText}) and how messages
 * name the fix in a face's words ({@link dev.migrate.text.Fixes}: the plugin's goals, the command line's
 * commands).
 *
 * <p>Published for migrate's own modules; an application needs none of it. Depends on nothing of migrate.
 */
@NullMarked
package dev.migrate.text;

import org.jspecify.annotations.NullMarked;
