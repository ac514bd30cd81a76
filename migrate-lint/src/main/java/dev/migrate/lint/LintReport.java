package dev.migrate.lint;

import static dev.migrate.text.JsonText.string;
import static dev.migrate.text.JsonText.strings;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Lint#run(String)} saw: every statement of the analysed migrations,
 * and the findings.
 *
 * @param serverVersion the PostgreSQL version the migrations ran on, such as {@code 18.6}; {@code null} when none ran
 * @param revisions the analysed revisions, in the order they ran
 * @param statements what each of their statements did
 * @param findings what the rules report, in the order the statements ran
 */
public record LintReport(
        @Nullable String serverVersion,
        List<String> revisions,
        List<ObservedStatement> statements,
        List<LintFinding> findings) {

    public LintReport {
        revisions = List.copyOf(revisions);
        statements = List.copyOf(statements);
        findings = List.copyOf(findings);
    }

    /**
     * The findings that count at {@code failOn}, leaving out those a migration accepted:
     * {@code report.failing(LintRule.Severity.WARNING)}.
     *
     * @param failOn the least severity that counts
     * @return the findings of at least that severity that are not suppressed
     */
    public List<LintFinding> failing(LintRule.Severity failOn) {
        return findings.stream()
                .filter(f -> !f.suppressed() && f.severity().compareTo(failOn) <= 0)
                .toList();
    }

    /**
     * The report as JSON, for tools and CI annotations: {@code Files.writeString(path, report.toJson())}.
     *
     * @return a JSON object with {@code serverVersion}, {@code revisions}, {@code findings} and
     *     {@code statements}
     */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n  \"serverVersion\": ").append(string(serverVersion));
        json.append(",\n  \"revisions\": ").append(strings(revisions));
        json.append(",\n  \"findings\": [");
        for (int i = 0; i < findings.size(); i++) {
            LintFinding f = findings.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"revision\": ")
                    .append(string(f.revision()))
                    .append(", \"rule\": ")
                    .append(string(f.rule().id()))
                    .append(", \"severity\": ")
                    .append(string(f.severity().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(", \"table\": ")
                    .append(string(f.table()))
                    .append(", \"estimatedRows\": ")
                    .append(
                            f.estimatedRows() == null
                                    ? "null"
                                    : f.estimatedRows().toString())
                    .append(", \"lock\": ")
                    .append(string(f.lock()))
                    .append(", \"rewrite\": ")
                    .append(f.rewrite())
                    .append(", \"scan\": ")
                    .append(f.scan())
                    .append(", \"detail\": ")
                    .append(string(f.detail()))
                    .append(", \"statement\": ")
                    .append(string(f.statement()))
                    .append(", \"safeForm\": ")
                    .append(string(f.rule().safeForm()))
                    .append(", \"suppressed\": ")
                    .append(string(f.suppressedBecause()))
                    .append("}");
        }
        json.append(findings.isEmpty() ? "]" : "\n  ]");
        json.append(",\n  \"statements\": [");
        for (int i = 0; i < statements.size(); i++) {
            ObservedStatement s = statements.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"revision\": ")
                    .append(string(s.revision()))
                    .append(", \"statement\": ")
                    .append(string(s.statement()))
                    .append(", \"inTransaction\": ")
                    .append(s.inTransaction())
                    .append(", \"created\": ")
                    .append(strings(s.created()))
                    .append(", \"locks\": ")
                    .append(strings(s.locks()))
                    .append(", \"rewritten\": ")
                    .append(strings(s.rewritten()))
                    .append(", \"scanned\": ")
                    .append(strings(s.scanned()))
                    .append("}");
        }
        json.append(statements.isEmpty() ? "]" : "\n  ]");
        return json.append("\n}\n").toString();
    }
}
