package dev.migrate.lint;

import org.jspecify.annotations.Nullable;

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
 * @param severity how bad it is: the rule's severity, or for a rule that {@link
 *     LintRule#weighsBySize() weighs by size}, by the table's estimated rows in the configured database
 * @param estimatedRows the table's estimated rows in the configured database ({@code pg_class.reltuples}),
 *     or {@code null} when there is none or it does not hold the table
 */
public record LintFinding(
        String revision,
        String message,
        String statement,
        String table,
        @Nullable String lock,
        boolean rewrite,
        boolean scan,
        LintRule rule,
        String detail,
        @Nullable String suppressedBecause,
        LintRule.Severity severity,
        @Nullable Long estimatedRows) {

    /**
     * A finding as the rule sees it, before any table size is known:
     * {@code new LintFinding("r1", "", sql, "public.orders", null, false, false, rule, "creates index ix", null)}.
     */
    public LintFinding(
            String revision,
            String message,
            String statement,
            String table,
            @Nullable String lock,
            boolean rewrite,
            boolean scan,
            LintRule rule,
            String detail,
            @Nullable String suppressedBecause) {
        this(
                revision,
                message,
                statement,
                table,
                lock,
                rewrite,
                scan,
                rule,
                detail,
                suppressedBecause,
                rule.severity(),
                null);
    }

    /**
     * The same finding on a table of {@code rows} estimated rows, at {@code weighed} severity:
     * {@code finding.weighed(LintRule.Severity.INFO, 200)}.
     *
     * @param weighed the severity the table's size gives it
     * @param rows the table's estimated rows
     * @return the weighed finding
     */
    public LintFinding weighed(LintRule.Severity weighed, long rows) {
        return new LintFinding(
                revision,
                message,
                statement,
                table,
                lock,
                rewrite,
                scan,
                rule,
                detail,
                suppressedBecause,
                weighed,
                rows);
    }

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
        if (estimatedRows != null) {
            line.append(" (about ")
                    .append(String.format(java.util.Locale.ROOT, "%,d", estimatedRows))
                    .append(" rows)");
        }
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
