package dev.migrate.internal.fleet;

import dev.migrate.FleetResult;
import dev.migrate.TenantResult;
import dev.migrate.internal.text.Elapsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary a fleet run ends with: a count per outcome, then a table per outcome (tenant, revision
 * before and after, steps, duration, error). Tenants left unchanged are many in a routine run, so
 * they are counted by revision instead of listed.
 */
public final class FleetSummary {
    private FleetSummary() {}

    public static List<String> lines(String what, FleetResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("Fleet " + what + ": " + result.tenants().size() + " tenant"
                + (result.tenants().size() == 1 ? "" : "s")
                + " in " + Elapsed.exactly(result.duration()) + ": "
                + result.with(TenantResult.Outcome.MIGRATED).size() + " migrated, "
                + result.with(TenantResult.Outcome.UNCHANGED).size() + " unchanged, "
                + result.failed().size() + " failed, "
                + result.with(TenantResult.Outcome.NOT_RUN).size() + " not run.");
        table(lines, "Migrated", result.with(TenantResult.Outcome.MIGRATED), false);
        List<TenantResult> unchanged = result.with(TenantResult.Outcome.UNCHANGED);
        if (!unchanged.isEmpty()) {
            lines.add("Unchanged (" + unchanged.size() + "), by revision:");
            Map<String, Integer> byRevision = new TreeMap<>();
            unchanged.forEach(t -> byRevision.merge(revisions(t.after()), 1, Integer::sum));
            byRevision.forEach((revision, count) -> lines.add("  " + revision + ": " + count));
        }
        table(lines, "Failed", result.failed(), true);
        table(lines, "Not run", result.with(TenantResult.Outcome.NOT_RUN), true);
        return lines;
    }

    /** Version rows as the tables show them: {@code base} for none. */
    static String revisions(List<String> rows) {
        return rows.isEmpty() ? "base" : String.join(", ", rows);
    }

    private static void table(List<String> lines, String title, List<TenantResult> tenants, boolean errors) {
        if (tenants.isEmpty()) {
            return;
        }
        lines.add(title + " (" + tenants.size() + "):");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TENANT", "BEFORE", "AFTER", "STEPS", "DURATION"});
        for (TenantResult t : tenants) {
            rows.add(new String[] {
                t.tenant(),
                revisions(t.before()),
                revisions(t.after()),
                String.valueOf(t.steps().size()),
                Elapsed.exactly(t.duration())
            });
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("  ");
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                line.append(i < row.length - 1 ? String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]) : row[i]);
            }
            String error = errors && r > 0 ? tenants.get(r - 1).error() : null;
            if (error != null) {
                line.append("  ").append(error.replace('\n', ' '));
            } else if (errors && r == 0) {
                line.append("  ERROR");
            }
            lines.add(line.toString());
        }
    }
}
