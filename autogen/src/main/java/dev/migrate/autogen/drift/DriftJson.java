package dev.migrate.autogen.drift;

import static dev.migrate.text.JsonText.string;
import static dev.migrate.text.JsonText.strings;

import dev.migrate.catalog.drift.DriftReport;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

/**
 * {@code target/migrate/drift.json}, for CI: per database or tenant its revision, whether it is in
 * sync, drifted (with each difference) or could not be compared (with why), and the counts.
 *
 * <pre>{@code
 * DriftJson.write(reports, Duration.ofMillis(812), writer);
 * }</pre>
 *
 * Its {@code version} is 1; a later version only adds fields.
 */
public final class DriftJson {
    /** The format's version; bumped only when a field changes meaning or goes. */
    public static final int VERSION = 1;

    private DriftJson() {}

    /** Writes {@code reports}, which took {@code duration}, to {@code out}. */
    public static void write(List<DriftReport> reports, Duration duration, Writer out) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"version\": ").append(VERSION).append(",\n");
        json.append("  \"command\": \"drift\",\n");
        json.append("  \"durationMs\": ").append(duration.toMillis()).append(",\n");
        json.append("  \"counts\": {\"inSync\": ")
                .append(reports.stream().filter(DriftReport::inSync).count())
                .append(", \"drifted\": ")
                .append(reports.stream().filter(DriftReport::drifted).count())
                .append(", \"failed\": ")
                .append(reports.stream().filter(r -> r.error() != null).count())
                .append("},\n  \"tenants\": [");
        for (int i = 0; i < reports.size(); i++) {
            DriftReport r = reports.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"name\": ")
                    .append(string(r.name()))
                    .append(", \"revision\": ")
                    .append(r.revision().isEmpty() ? "null" : string(r.revision()))
                    .append(", \"outcome\": ")
                    .append(string(outcome(r)))
                    .append(", \"differences\": ")
                    .append(strings(r.differences()))
                    .append(", \"error\": ")
                    .append(r.error() == null ? "null" : string(r.error()))
                    .append('}');
        }
        json.append(reports.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        out.write(json.toString());
    }

    /** {@code inSync}, {@code drifted} or {@code failed}. */
    static String outcome(DriftReport report) {
        return report.error() != null ? "failed" : report.inSync() ? "inSync" : "drifted";
    }
}
