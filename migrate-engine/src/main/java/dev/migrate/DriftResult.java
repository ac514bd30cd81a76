package dev.migrate;

import java.util.List;

/**
 * What the drift check of {@link Migrator#assertUpToDate()} found, under
 * {@link Migrator.Builder#validateDrift(boolean)}, as {@link MigrationListener#onDrift} hears it before
 * a drift fails the check.
 *
 * <pre>{@code if (new DriftResult("db:5432/app", "public", "20261122_101500", List.of()).differences().isEmpty()) log.info("no drift");}</pre>
 *
 * @param database the database, never with a password
 * @param schema the schema compared
 * @param revision the head whose schema the database was compared with
 * @param differences each difference on a line of its own, by kind and qualified name; empty when the
 *     database has the schema its migrations build
 */
public record DriftResult(String database, String schema, String revision, List<String> differences) {
    /** The differences, copied: {@code new DriftResult("db:5432/app", "public", "20261122_101500", List.of())}. */
    public DriftResult {
        differences = List.copyOf(differences);
    }
}
