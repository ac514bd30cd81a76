package dev.migrate.tooling;

import static dev.migrate.text.JsonText.string;
import static dev.migrate.text.JsonText.strings;

import dev.migrate.AppliedStep;
import dev.migrate.FleetResult;
import dev.migrate.TenantResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The summary of a fleet run as JSON, the format docs/ documents ({@code target/migrate/fleet.json}):
 * a {@code version} (1; a later one only adds fields), the command, the counts per outcome, and per
 * tenant its name, outcome, revisions before and after, steps, duration in milliseconds and error.
 */
public final class FleetJson {
    /** The format's version; bumped only when a field changes meaning or goes. */
    public static final int VERSION = 1;

    private FleetJson() {}

    public static void write(String command, String target, FleetResult result, Writer out) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"version\": ").append(VERSION).append(",\n");
        json.append("  \"command\": ").append(string(command)).append(",\n");
        json.append("  \"target\": ").append(string(target)).append(",\n");
        json.append("  \"durationMs\": ").append(result.duration().toMillis()).append(",\n");
        json.append("  \"counts\": {");
        TenantResult.Outcome[] outcomes = TenantResult.Outcome.values();
        for (int i = 0; i < outcomes.length; i++) {
            json.append(i == 0 ? "" : ", ")
                    .append(string(name(outcomes[i])))
                    .append(": ")
                    .append(result.with(outcomes[i]).size());
        }
        json.append("},\n  \"tenants\": [");
        List<TenantResult> tenants = result.tenants();
        for (int i = 0; i < tenants.size(); i++) {
            TenantResult t = tenants.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"name\": ")
                    .append(string(t.tenant()))
                    .append(", \"outcome\": ")
                    .append(string(name(t.outcome())))
                    .append(", \"before\": ")
                    .append(strings(t.before()))
                    .append(", \"after\": ")
                    .append(strings(t.after()))
                    .append(", \"steps\": [");
            for (int s = 0; s < t.steps().size(); s++) {
                AppliedStep step = t.steps().get(s);
                json.append(s == 0 ? "" : ", ")
                        .append("{\"revision\": ")
                        .append(string(step.revision()))
                        .append(", \"direction\": ")
                        .append(string(step.direction().name().toLowerCase(Locale.ROOT)))
                        .append(", \"durationMs\": ")
                        .append(step.duration().toMillis())
                        .append('}');
            }
            json.append("], \"durationMs\": ")
                    .append(t.duration().toMillis())
                    .append(", \"error\": ")
                    .append(t.error() == null ? "null" : string(t.error()))
                    .append('}');
        }
        json.append(tenants.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        out.write(json.toString());
    }

    /** {@code migrated}, {@code unchanged}, {@code failed}, {@code notRun}. */
    static String name(TenantResult.Outcome outcome) {
        return switch (outcome) {
            case MIGRATED -> "migrated";
            case UNCHANGED -> "unchanged";
            case FAILED -> "failed";
            case NOT_RUN -> "notRun";
        };
    }
}
