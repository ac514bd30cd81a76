package dev.migrate.tooling;

import dev.migrate.CurrentRevision;
import dev.migrate.NotAtHeadException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the faces of migrate (the Maven goals, the command line) print and write for a fleet alike: the
 * tenants' current revisions, the tenants not at head, a long list of names cut short, each tenant's
 * offline script file.
 */
public final class FleetReports {
    private FleetReports() {}

    /**
     * The lines {@code current} prints for a fleet: one per tenant ({@code tenant_a: 20261120_093000 (head)}),
     * then how many tenants are at each revision.
     */
    public static List<String> current(Map<String, List<CurrentRevision>> current) {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        current.forEach((tenant, rows) -> {
            String at = rows.isEmpty()
                    ? "base"
                    : String.join(
                            ", ", rows.stream().map(CurrentRevision::toString).toList());
            lines.add(tenant + ": " + at);
            counts.merge(at, 1, Integer::sum);
        });
        lines.add(current.size() + " tenant" + (current.size() == 1 ? "" : "s") + ", by revision:");
        counts.forEach((at, count) -> lines.add("  " + at + ": " + count));
        return lines;
    }

    /**
     * Fails naming the tenants that are not at every head.
     *
     * @param upgrade the command that upgrades them, as the face spells it ({@code mvn migrate:upgrade})
     */
    public static void requireHeads(Map<String, List<CurrentRevision>> current, String upgrade) {
        List<String> behind = current.entrySet().stream()
                .filter(e -> e.getValue().isEmpty() || !e.getValue().stream().allMatch(CurrentRevision::head))
                .map(Map.Entry::getKey)
                .toList();
        if (!behind.isEmpty()) {
            throw new NotAtHeadException(behind.size() + " tenant" + (behind.size() == 1 ? " is" : "s are")
                    + " not at head: " + first(behind, 10) + ". Run " + upgrade + " with the same tenants first.");
        }
    }

    /** The first {@code n} names, and how many more. */
    public static String first(List<String> names, int n) {
        return names.size() <= n
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, n)) + " and " + (names.size() - n) + " more";
    }

    /**
     * A tenant's offline script: {@link #beside} {@code file}, or {@code <command>-<tenant>.sql} in
     * {@code directory} when no file is given.
     */
    public static Path scriptFile(@Nullable Path file, Path directory, String command, String tenant) {
        return file == null ? directory.resolve(command + "-" + safe(tenant) + ".sql") : beside(file, tenant);
    }

    /** A tenant's file beside {@code file}, the tenant's name added: {@code upgrade.sql} to {@code upgrade-tenant_a.sql}. */
    public static Path beside(Path file, String tenant) {
        Path name = file.getFileName();
        String text = name == null ? "script.sql" : name.toString();
        int dot = text.lastIndexOf('.');
        String safe = safe(tenant);
        return file.resolveSibling(
                dot > 0 ? text.substring(0, dot) + "-" + safe + text.substring(dot) : text + "-" + safe);
    }

    private static String safe(String tenant) {
        return tenant.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
