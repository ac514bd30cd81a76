package dev.migrate.internal.runtime.history;

import dev.migrate.CurrentRevision;
import dev.migrate.HistoryRow;
import dev.migrate.MigrateException;
import dev.migrate.internal.graph.AppliedRow;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.online.OnlineRunner;
import dev.migrate.internal.online.OnlineState;
import dev.migrate.internal.runtime.lock.AdvisoryLock;
import dev.migrate.internal.runtime.lock.ServerSessions;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.internal.runtime.session.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the version and history tables say, read outside the lock for the status reports. */
public final class VersionReads {
    private final RevisionGraph graph;
    private final ConnectionSource connections;
    private final VersionTables tables;
    private final OnlineRunner online;
    private final Settings settings;

    public VersionReads(
            RevisionGraph graph,
            ConnectionSource connections,
            VersionTables tables,
            OnlineRunner online,
            Settings settings) {
        this.graph = graph;
        this.connections = connections;
        this.tables = tables;
        this.online = online;
        this.settings = settings;
    }

    /** For a role that may not read the version tables: the grants a role that only reads needs. */
    private String readGrantHint(SQLException e) {
        if (!"42501".equals(e.getSQLState())) {
            return "";
        }
        return ". A role that only reads needs SELECT on both version tables: GRANT SELECT ON " + tables.versionTable()
                + ", " + tables.historyTable() + " TO <role> (a GRANT ... ON ALL TABLES covers only the tables that "
                + "exist then; ALTER DEFAULT PRIVILEGES FOR ROLE <owner> GRANT SELECT ON TABLES TO <role> covers later ones)";
    }

    public List<CurrentRevision> current() {
        try (Connection c = connections.open()) {
            return current(c, tables.readVersions(c));
        } catch (SQLException e) {
            throw versionTableUnread(e);
        }
    }

    /**
     * The version rows as {@link #current()} reads them, and the revisions pending on the database's path as
     * {@link #pending()} reads them: one connection and one read of the version table, for a report of both.
     */
    public CurrentAndPending currentAndPending() {
        try (Connection c = connections.open()) {
            Set<String> versions = tables.readVersions(c);
            return new CurrentAndPending(current(c, versions), pending(c, versions));
        } catch (SQLException e) {
            throw versionTableUnread(e);
        }
    }

    /** The version rows and the revisions pending on the path, read together ({@link #currentAndPending()}). */
    public record CurrentAndPending(List<CurrentRevision> current, Map<String, String> pending) {}

    private List<CurrentRevision> current(Connection c, Set<String> versions) throws SQLException {
        Set<String> rows = graph.reported(graph.canonical(versions));
        Map<String, String> phases = online.phases(c);
        online.warnOfInterruptedExpands(
                phases,
                phases.containsValue(OnlineState.EXPANDING)
                        ? ServerSessions.advisoryLockHolder(
                                c, AdvisoryLock.keyFor(tables.versionTable().toString()))
                        : List.of());
        List<String> unknown = graph.unknown(rows);
        if (!settings.acceptFutureRevisions()) {
            graph.checkKnown(rows);
        }
        List<CurrentRevision> result = new ArrayList<>();
        for (String id : rows) {
            result.add(
                    unknown.contains(id)
                            ? CurrentRevision.ahead(id)
                            : new CurrentRevision(
                                    id,
                                    graph.get(id).message(),
                                    graph.isHead(id),
                                    true,
                                    OnlineRunner.inProgress(phases, id)));
        }
        return result;
    }

    private MigrateException versionTableUnread(SQLException e) {
        return new MigrateException(
                "Could not read the version table " + tables.versionTable() + " from " + connections.description()
                        + ": " + e.getMessage() + readGrantHint(e),
                e);
    }

    /**
     * The latest row of the history table that applied each revision (its upgrade or a stamp), for
     * the reports that say when, by whom and how long.
     */
    public Map<String, AppliedRow> appliedRows() {
        try (Connection c = connections.open()) {
            return tables.readApplied(c);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the history table " + tables.historyTable() + " from " + connections.description()
                            + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The revisions a guard left pending in their place (CONTINUE) on the database's path, in chain order, each with
     * why ({@code pending: precondition failed: ...; retried at every upgrade}); every upgrade tries them again.
     */
    public Map<String, String> pending() {
        try (Connection c = connections.open()) {
            return pending(c, tables.readVersions(c));
        } catch (SQLException e) {
            throw versionTableUnread(e);
        }
    }

    private Map<String, String> pending(Connection c, Set<String> versions) {
        try {
            return PendingRevisions.onPath(graph, tables, c, versions);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the history table " + tables.historyTable() + " from " + connections.description()
                            + ": " + e.getMessage() + readGrantHint(e),
                    e);
        }
    }

    /** The version rows as the table holds them, whatever the run's contexts; none without a version table. */
    public Set<String> tableRows() {
        try (Connection c = connections.open()) {
            return tables.readTableRows(c);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the version table " + tables.versionTable() + " from " + connections.description()
                            + ": " + e.getMessage() + readGrantHint(e),
                    e);
        }
    }

    /** The last {@code limit} steps of the history table, the newest first. */
    public List<HistoryRow> recentHistory(int limit) {
        try (Connection c = connections.open()) {
            return tables.readRecent(c, limit);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the history table " + tables.historyTable() + " from " + connections.description()
                            + ": " + e.getMessage() + readGrantHint(e),
                    e);
        }
    }

    /** The version rows as they are, unknown revisions included; none when the table does not exist yet. */
    public Set<String> currentRows() {
        try (Connection c = connections.open()) {
            return tables.readVersions(c);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the version table " + tables.versionTable() + " from " + connections.description()
                            + ": " + e.getMessage() + readGrantHint(e),
                    e);
        }
    }
}
