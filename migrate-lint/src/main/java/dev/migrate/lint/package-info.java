/**
 * Safety analysis by observation, in a module of its own that no application ships:
 * {@link dev.migrate.lint.Lint} replays migrations on an empty throwaway database (and refuses any
 * other) and reports, for each statement, the locks it took, whether it rewrote or scanned a table,
 * and the {@link dev.migrate.lint.LintRule rules} it breaks with their lock-safe form.
 */
@NullMarked
package dev.migrate.lint;

import org.jspecify.annotations.NullMarked;
