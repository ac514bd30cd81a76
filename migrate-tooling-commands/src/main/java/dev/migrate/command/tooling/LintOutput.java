package dev.migrate.command.tooling;

import dev.migrate.MigrateException;
import dev.migrate.command.CommandContext;
import dev.migrate.command.output.CommandResult;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.LintRule;
import dev.migrate.lint.LintStoppedException;
import dev.migrate.lint.ObservedStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Prints a lint report to a face's output (a line per migration with what it locked, a line per
 * finding), writes it as JSON, and fails the command at the configured severity: what {@code lint} and
 * {@code verify} print, whatever the face.
 */
public final class LintOutput {
    private final CommandContext log;
    private final boolean onlyFailingMigrations;
    private final Function<CommandResult.Lint, CommandResult> asResult;

    public LintOutput(CommandContext context) {
        this(context, false, lint -> lint);
    }

    /**
     * @param onlyFailingMigrations judge only the findings of migrations that fail
     *     ({@code migration-fails}), as {@code verify} does when {@code failOn} is not set: lock and
     *     rewrite findings then stay in the log and the report without failing the build
     */
    public LintOutput(CommandContext context, boolean onlyFailingMigrations) {
        this(context, onlyFailingMigrations, lint -> lint);
    }

    /**
     * @param asResult the command's result around the lint's, handed to the output: {@code verify}'s holds it
     */
    public LintOutput(
            CommandContext context,
            boolean onlyFailingMigrations,
            Function<CommandResult.Lint, CommandResult> asResult) {
        this.log = context;
        this.onlyFailingMigrations = onlyFailingMigrations;
        this.asResult = asResult;
    }

    /** {@code report} as the JSON document's result, {@code failing} of its findings failing the command. */
    private void result(LintReport report, int failing) {
        log.output()
                .result(asResult.apply(new CommandResult.Lint(
                        report.serverVersion(),
                        report.revisions(),
                        report.findings().stream()
                                .map(f -> new CommandResult.Finding(
                                        f.revision(),
                                        f.rule().id(),
                                        f.severity().name().toLowerCase(Locale.ROOT),
                                        f.table(),
                                        f.lock(),
                                        f.detail(),
                                        f.statement(),
                                        f.suppressedBecause(),
                                        f.estimatedRows()))
                                .toList(),
                        failing)));
    }

    private boolean judged(LintFinding finding) {
        return !onlyFailingMigrations || finding.rule() == LintRule.MIGRATION_FAILS;
    }

    /** The findings at or above {@code failOn} that fail the build. */
    private List<LintFinding> failing(LintReport report, LintRule.Severity failOn) {
        return report.failing(failOn).stream().filter(this::judged).toList();
    }

    /** The {@code failOn} setting: {@code error} (also when null), {@code warning} or {@code none} (null). */
    public static LintRule.@Nullable Severity failOn(@Nullable String setting) {
        String value = setting == null ? "error" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "error" -> LintRule.Severity.ERROR;
            case "warning" -> LintRule.Severity.WARNING;
            case "none" -> null;
            default ->
                throw new MigrateException(
                        "The failOn setting '" + setting + "' is not known. Use error, warning or none.");
        };
    }

    /**
     * Prints and writes what a lint saw before a migration failed, the failure included as a
     * {@code migration-fails} finding, and fails the build as {@code failOnSetting} says of the
     * findings: with {@code none} (or the finding accepted with {@code @SuppressLint}) the build goes
     * on, with a warning that the migrations after the failing one were not analysed. A failure the
     * report does not hold (a migration outside the analysed range) always fails.
     */
    public void stopped(LintStoppedException failure, @Nullable Path json, @Nullable String failOnSetting) {
        LintReport report = failure.report();
        print(report, json, "none");
        LintRule.Severity failOn = failOn(failOnSetting);
        boolean reported = report.findings().stream().anyMatch(f -> f.rule() == LintRule.MIGRATION_FAILS);
        List<LintFinding> failing = failOn == null ? List.of() : failing(report, failOn);
        result(report, failing.size());
        if (!reported || failing.stream().anyMatch(f -> f.rule() == LintRule.MIGRATION_FAILS)) {
            throw failure;
        }
        if (failOn != null) {
            failIfAny(failing, failOn, log);
        }
        log.output()
                .warn("The lint stopped at revision " + failure.revision() + ": " + failure.getMessage()
                        + " The migrations after it were not analysed. The build goes on because the finding "
                        + (failOn == null
                                ? "is below " + log.fixes().setting("failOn", "none")
                                : "is accepted with @SuppressLint")
                        + "; fix the migration to have them analysed.");
    }

    /**
     * Runs the lint and prints what it reports, or what it saw before a migration failed
     * ({@link #stopped}), and fails as {@code failOnSetting} says.
     */
    public void report(Supplier<LintReport> lint, @Nullable Path json, @Nullable String failOnSetting) {
        LintReport report;
        try {
            report = lint.get();
        } catch (LintStoppedException e) {
            stopped(e, json, failOnSetting);
            return;
        }
        print(report, json, failOnSetting);
    }

    public void print(LintReport report, @Nullable Path json, @Nullable String failOnSetting) {
        LintRule.Severity failOn = failOn(failOnSetting);
        Map<String, List<ObservedStatement>> byRevision = new LinkedHashMap<>();
        report.revisions().forEach(id -> byRevision.put(id, new ArrayList<>()));
        report.statements()
                .forEach(s -> byRevision
                        .computeIfAbsent(s.revision(), r -> new ArrayList<>())
                        .add(s));
        byRevision.forEach((revision, statements) -> log.output().info(summary(revision, statements)));
        for (LintFinding finding : report.findings()) {
            if (finding.suppressed() || finding.severity() == LintRule.Severity.INFO) {
                log.output().info(finding.line());
            } else if (finding.severity() == LintRule.Severity.ERROR && judged(finding)) {
                log.output().error(finding.line());
            } else {
                log.output().warn(finding.line());
            }
        }
        if (json != null) {
            try {
                Path parent = json.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(json, report.toJson());
            } catch (IOException e) {
                throw new MigrateException("Could not write the lint report " + json + ": " + e.getMessage(), e);
            }
        }
        long errors = count(report, LintRule.Severity.ERROR);
        long warnings = count(report, LintRule.Severity.WARNING);
        long information = count(report, LintRule.Severity.INFO);
        long accepted =
                report.findings().stream().filter(LintFinding::suppressed).count();
        log.output()
                .info("Lint of " + report.revisions().size() + " migration"
                        + (report.revisions().size() == 1 ? "" : "s")
                        + " on PostgreSQL " + report.serverVersion() + ": " + errors + " error"
                        + (errors == 1 ? "" : "s")
                        + ", " + warnings + " warning" + (warnings == 1 ? "" : "s")
                        + (information == 0 ? "" : ", " + information + " on small tables (information)")
                        + ", " + accepted + " accepted with "
                        + "@SuppressLint." + (json == null ? "" : " Report: " + json + "."));
        if (onlyFailingMigrations && count(report, LintRule.Severity.ERROR) > 0) {
            log.output()
                    .warn(
                            "These lock and rewrite findings are reported, not judged: how long a lock holds depends on the "
                                    + "size of the tables where the migrations run, which this throwaway database cannot know. "
                                    + "mvn migrate:lint judges them, autogenerate with a URL measures them, and "
                                    + log.fixes().setting("failOn", "error") + " makes verify fail on them too.");
        }
        List<LintFinding> failing = failOn == null ? List.of() : failing(report, failOn);
        result(report, failing.size());
        if (failOn != null) {
            failIfAny(failing, failOn, log);
        }
    }

    private static void failIfAny(List<LintFinding> failing, LintRule.Severity failOn, CommandContext context) {
        if (!failing.isEmpty()) {
            throw new MigrateException(failing.size() + " lint finding" + (failing.size() == 1 ? "" : "s")
                    + " at or above failOn=" + failOn.name().toLowerCase(Locale.ROOT) + " (listed above). Write the "
                    + "safe form each one names, accept one in its migration with @SuppressLint(rules = \""
                    + failing.get(0).rule().id() + "\", reason = \"...\"), or set "
                    + context.fixes().setting("failOn", "warning|none")
                    + ".");
        }
    }

    private static long count(LintReport report, LintRule.Severity severity) {
        return report.findings().stream()
                .filter(f -> !f.suppressed() && f.severity() == severity)
                .count();
    }

    /** What one migration did: the tables it created, and what it locked, rewrote and scanned of the others. */
    private static String summary(String revision, List<ObservedStatement> statements) {
        Set<String> created = new LinkedHashSet<>();
        Set<String> locks = new LinkedHashSet<>();
        Set<String> rewritten = new LinkedHashSet<>();
        Set<String> scanned = new LinkedHashSet<>();
        for (ObservedStatement statement : statements) {
            created.addAll(statement.created());
            locks.addAll(statement.locks());
            rewritten.addAll(statement.rewritten());
            scanned.addAll(statement.scanned());
        }
        List<String> parts = new ArrayList<>();
        parts.add(statements.size() + " statement" + (statements.size() == 1 ? "" : "s"));
        if (!created.isEmpty()) {
            parts.add("creates " + String.join(", ", created));
        }
        if (locks.isEmpty()) {
            parts.add("no lock seen on an existing table");
        } else {
            parts.add("locks " + String.join(", ", locks));
        }
        if (!rewritten.isEmpty()) {
            parts.add("rewrites " + String.join(", ", rewritten));
        }
        if (!scanned.isEmpty()) {
            parts.add("scans " + String.join(", ", scanned));
        }
        return revision + ": " + String.join("; ", parts) + ".";
    }
}
