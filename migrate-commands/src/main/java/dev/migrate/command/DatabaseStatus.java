package dev.migrate.command;

import dev.migrate.CurrentRevision;
import dev.migrate.HistoryRow;
import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.tooling.MigratorTools;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a status page or a startup gate reads of one database, with no lock taken: where it is, the revisions
 * an upgrade to head applies, its recent steps and the runs migrating it now.
 * {@code DatabaseStatus.of(migrator).pending(migrator.current())}.
 */
public final class DatabaseStatus {
    private final Migrator migrator;

    private DatabaseStatus(Migrator migrator) {
        this.migrator = migrator;
    }

    public static DatabaseStatus of(Migrator migrator) {
        return new DatabaseStatus(migrator);
    }

    /** Where the database is, for messages: host, port, database and user, never a password. */
    public String description() {
        return MigratorTools.of(migrator).databaseDescription();
    }

    /**
     * The revisions an upgrade to head applies, bases first, for a database at {@code current}; none when a
     * revision there is unknown to these migrations (a newer build migrated it: nothing of this one is pending).
     */
    public List<String> pending(List<CurrentRevision> current) {
        if (current.stream().anyMatch(r -> !r.known())) {
            return List.of();
        }
        Set<String> applied = MigratorTools.of(migrator)
                .graph()
                .appliedRevisions(current.stream().map(CurrentRevision::id).collect(Collectors.toSet()));
        return migrator.revisions().stream()
                .map(RevisionDetails::id)
                .filter(id -> !applied.contains(id))
                .toList();
    }

    /** The last {@code entries} steps of the history table, the newest first; none before the first run. */
    public List<HistoryRow> recentHistory(int entries) {
        return MigratorTools.of(migrator).recentHistory(Math.max(0, entries));
    }

    /** The runs holding the migration lock, described for messages: migrating the database now; empty when none. */
    public List<String> migrationLockHolders() {
        return MigratorTools.of(migrator).migrationLockHolders();
    }
}
