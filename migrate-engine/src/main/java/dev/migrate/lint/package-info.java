/**
 * Safety analysis by observation: {@link dev.migrate.Migrator#lint(String)} replays migrations on a
 * throwaway database and reports, for each statement, the locks it took, whether it rewrote or
 * scanned a table, and the {@link dev.migrate.lint.LintRule rules} it breaks with their lock-safe
 * form.
 */
package dev.migrate.lint;
