package dev.migrate.internal.runtime.history;

import dev.migrate.MigrationLog;
import dev.migrate.internal.graph.RevisionGraph;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/** The version rows of a database, in the graph's terms. */
public final class VersionRows {
    private final RevisionGraph graph;
    private final VersionTables tables;
    private final MigrationLog log;

    public VersionRows(RevisionGraph graph, VersionTables tables, MigrationLog log) {
        this.graph = graph;
        this.tables = tables;
        this.log = log;
    }

    /**
     * The version rows under the lock, as the graph names them: a row naming the revision a squash
     * stands for, whose replaced classes are deleted, is renamed to the squash, and a row naming a
     * squash whose replaced classes are defined again is renamed back to the revision it stands for,
     * which keeps the table in the graph's terms for every later step.
     */
    public Set<String> read(Connection c) throws SQLException {
        Set<String> rows = tables.readVersions(c);
        Set<String> canonical = graph.canonical(rows);
        if (!canonical.equals(rows)) {
            try (Statement s = c.createStatement()) {
                for (String row : rows) {
                    String named = graph.canonical(Set.of(row)).iterator().next();
                    if (!named.equals(row)) {
                        s.execute(tables.renameVersion(row, named));
                        log.info("The version row " + row + " now reads " + named
                                + (graph.get(named).isSquash()
                                        ? ", the squash that stands for it since the revisions it replaced "
                                                + "were deleted."
                                        : ", the revision squash " + row + " stands for, whose replaced "
                                                + "revisions are defined again."));
                    }
                }
            }
        }
        return canonical;
    }
}
