package dev.migrate.lint;

/**
 * One thing a migration's statement was seen to do that a {@link LintRule} reports.
 *
 * @param revision the migration's revision id
 * @param message the migration's message
 * @param statement the statement, as sent to the server
 * @param table the table concerned, schema-qualified
 * @param lock the strongest lock the statement's transaction held on the table, named as PostgreSQL
 *     names it ({@code AccessExclusiveLock}), or {@code null} when none was seen
 * @param rewrite whether the table was rewritten
 * @param scan whether the table was scanned under a lock that blocks writes
 * @param rule the rule
 * @param detail what exactly was seen, such as {@code drops column legacy_code}
 * @param suppressedBecause the reason of the migration's {@link dev.migrate.SuppressLint}, or
 *     {@code null} when the finding counts
 */
public record LintFinding(
        String revision,
        String message,
        String statement,
        String table,
        String lock,
        boolean rewrite,
        boolean scan,
        LintRule rule,
        String detail,
        String suppressedBecause) {

    /**
     * Whether the migration accepted this finding with {@code @SuppressLint}:
     * {@code report.findings().stream().filter(f -> !f.suppressed())}.
     *
     * @return true when suppressed
     */
    public boolean suppressed() {
        return suppressedBecause != null;
    }

    /**
     * One line for a build log: revision, table, lock, rewrite or scan, what happened, the safe form
     * and the rule id: {@code log.warn(finding.line())}.
     *
     * @return the line
     */
    public String line() {
        StringBuilder line = new StringBuilder(revision);
        if (!message.isEmpty()) {
            line.append(" (").append(message).append(")");
        }
        line.append(": ").append(table);
        if (lock != null) {
            line.append(", ").append(lock);
        }
        if (rewrite) {
            line.append(", rewrite");
        }
        if (scan) {
            line.append(", scan");
        }
        line.append(": ").append(detail).append(": the statement ").append(rule.description());
        line.append(". Safe form: ")
                .append(rule.safeForm())
                .append(". [")
                .append(rule.id())
                .append("]");
        if (suppressed()) {
            line.append(" Accepted with @SuppressLint: ").append(suppressedBecause);
        }
        return line.toString();
    }
}
